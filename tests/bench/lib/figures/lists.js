/**
 * The leads list: the plugin's GET /crm/leads, Strapi's Content Manager list of the same page
 * (given the same conditions as filters) and the bare SQL, measured in interleaved rounds on the
 * same data. Every answer must be a 2xx with exactly the rows and total of the bare SQL (the
 * plugin's and the bare SQL's total capped at 10,000, the Content Manager's exact).
 * Variants: `page1`, `deep` (the half-way page by offset), `keyset` (page 500, or the half-way
 * page of a shorter list, by the cursor of the page before; the Content Manager, which has no
 * cursor, by offset) and `search` (a word and two filters).
 */
const { expectOk, toQuery } = require('../http');
const { measureRounds } = require('./rounds');

const PAGE_SIZE = 25;
/** The search figure: a word of ~2.5% of names and emails, two statuses and one source. */
const SEARCH = { q: 'hopper', statuses: ['New', 'Contacted'], source: 'Website' };
const CM_LIST = '/content-manager/collection-types/plugin::crm.lead';

/** The three requests of one figure: the plugin's, the Content Manager's and the bare SQL spec. */
const requestsFor = (ctx, user, variant, page) => {
  const { refs } = ctx;
  const search = variant === 'search';
  const plugin = {
    page,
    pageSize: PAGE_SIZE,
    ...(search && {
      q: SEARCH.q,
      filters: {
        status: { documentId: { $in: SEARCH.statuses.map((name) => refs.statuses[name].documentId) } },
        source: { documentId: { $eq: refs.sources[SEARCH.source].documentId } },
      },
    }),
  };
  const conditions = [
    { lost: { $eq: false } },
    { junk: { $eq: false } },
    search
      ? { leadStatus: { documentId: { $in: SEARCH.statuses.map((name) => refs.statuses[name].documentId) } } }
      : { leadStatus: { $or: [{ id: { $notIn: refs.customerStatusIds } }, { id: { $null: true } }] } },
    ...(search
      ? [
          { source: { documentId: { $eq: refs.sources[SEARCH.source].documentId } } },
          {
            $or: ['name', 'email', 'company', 'phone'].map((field) => ({
              [field]: { $containsi: SEARCH.q },
            })),
          },
        ]
      : []),
  ];
  const contentManager = { page, pageSize: PAGE_SIZE, sort: 'createdAt:DESC', filters: { $and: conditions } };
  const sql = {
    userId: user.id,
    readsAll: user.readsAll,
    customerStatusIds: refs.customerStatusIds,
    page,
    pageSize: PAGE_SIZE,
    ...(search && {
      q: SEARCH.q,
      statusIds: SEARCH.statuses.map((name) => refs.statuses[name].id),
      sourceId: refs.sources[SEARCH.source].id,
    }),
  };
  return {
    plugin: `/crm/leads?${toQuery(plugin)}`,
    contentManager: `${CM_LIST}?${toQuery(contentManager)}`,
    sql,
  };
};

const COUNT_CAP = 10_000;
const KEYSET_PAGE = 500;

const sameRows = (label, got, expected, { exactTotal } = {}) => {
  const total = exactTotal ?? expected.total;
  if (
    got.total !== total ||
    !!got.totalCapped !== (exactTotal === undefined && !!expected.totalCapped) ||
    got.documentIds.join() !== expected.documentIds.join()
  ) {
    throw new Error(
      `${label} did not answer the rows of the bare SQL: total ${got.total} vs ${expected.total}, ` +
        `ids [${got.documentIds.slice(0, 5).join(', ')}, …] vs [${expected.documentIds.slice(0, 5).join(', ')}, …]`
    );
  }
};

/** Measures one figure (a user, a variant) on the three sides; answers its summary. */
const measureFigure = async (ctx, options, user, variant) => {
  const { client, sql, log } = ctx;
  const listSpec = requestsFor(ctx, user, variant === 'search' ? 'search' : 'page1', 1).sql;
  const exact = await sql.count(listSpec, null);
  const pageCount = Math.max(1, Math.ceil(exact.total / PAGE_SIZE));
  const half = Math.max(2, Math.ceil(pageCount / 2));
  const page = variant === 'deep' ? half : variant === 'keyset' ? Math.min(KEYSET_PAGE, half) : 1;
  const requests = requestsFor(ctx, user, variant === 'keyset' ? 'page1' : variant, page);
  const token = await ctx.token(user);
  const label = `${user.role}, ${variant}`;
  if (variant === 'keyset') {
    // the cursor the page before hands out (read once, by offset, unmeasured)
    const before = requestsFor(ctx, user, 'page1', page - 1);
    const res = expectOk(
      `GET /crm/leads (${label}, page before)`,
      await client.get(before.plugin, { token })
    );
    const cursor = res.body.meta.pagination.nextCursor;
    if (!cursor) throw new Error(`GET /crm/leads (${label}) gave no nextCursor on page ${page - 1}`);
    requests.plugin = `${requests.plugin.replace(/(^|[?&])page=\d+/, '$1page=' + page)}&after=${encodeURIComponent(cursor)}`;
    requests.sql = { ...requests.sql, after: (await sql.page(before.sql)).last };
  }
  const expected = await sql.page(requests.sql);

  const sides = {
    plugin: async () => {
      const res = expectOk(`GET /crm/leads (${label})`, await client.get(requests.plugin, { token }));
      sameRows(
        `GET /crm/leads (${label})`,
        {
          total: res.body.meta.pagination.total,
          totalCapped: res.body.meta.pagination.totalCapped,
          documentIds: res.body.data.map((lead) => lead.documentId),
        },
        expected
      );
      return res.ms;
    },
    contentManager: async () => {
      const res = expectOk(
        `the Content Manager list (${label})`,
        await client.get(requests.contentManager, { token })
      );
      sameRows(
        `the Content Manager list (${label})`,
        {
          total: res.body.pagination.total,
          documentIds: res.body.results.map((lead) => lead.documentId),
        },
        expected,
        { exactTotal: exact.total }
      );
      return res.ms;
    },
    sql: async () => {
      const started = process.hrtime.bigint();
      const got = await sql.page({ ...requests.sql, viaMirrors: true });
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      sameRows(`the bare SQL (${label})`, got, expected);
      return ms;
    },
  };
  const result = {
    user: user.role,
    variant,
    page,
    pageSize: PAGE_SIZE,
    total: exact.total,
    totalCapped: !!expected.totalCapped,
    ...(await measureRounds(ctx, options, token, sides)),
  };
  log(
    `${label} (page ${page}, ${expected.total} leads): plugin p50 ${result.plugin.p50} ms, ` +
      `Content Manager ${result.contentManager.p50} ms, SQL ${result.sql.p50} ms, ` +
      `Strapi's floor ${result.floor.p50} ms`
  );
  return result;
};

/** Every figure of `variants` (`board` included) for the Sales Staff and the Sales Manager user. */
const measureLists = async (ctx, options, variants = ['page1', 'deep', 'keyset', 'search', 'board']) => {
  const { measureBoard } = require('./board');
  const results = [];
  for (const user of [ctx.users.staff, ctx.users.manager])
    for (const variant of variants)
      results.push(
        variant === 'board'
          ? await measureBoard(ctx, options, user)
          : await measureFigure(ctx, options, user, variant)
      );
  return results;
};

module.exports = {
  measureLists,
  measureFigure,
  sameRows,
  requestsFor,
  SEARCH,
  PAGE_SIZE,
  COUNT_CAP,
  CM_LIST,
};

/**
 * The board: the plugin's GET /crm/leads/board (per open status its capped count, the sum of its
 * values and its first 20 cards with their next open task), against what the Content Manager
 * needs for the same columns (one list request per status, 20 rows each, in parallel, as a board
 * built on it would send them; it counts exactly and sums nothing) and the bare SQL of the same
 * answer. Every plugin answer must hold exactly the columns of the bare SQL.
 */
const { expectOk, toQuery } = require('../http');
const { measureRounds } = require('./rounds');
const { CM_LIST } = require('./lists');

const CARDS = 20;

const measureBoard = async (ctx, options, user) => {
  const { client, sql, refs, log } = ctx;
  const columns = Object.entries(refs.statuses)
    .filter(([, s]) => !refs.customerStatusIds.includes(s.id))
    .map(([name, s]) => ({ name, id: s.id, documentId: s.documentId }));
  const spec = {
    userId: user.id,
    readsAll: user.readsAll,
    customerStatusIds: refs.customerStatusIds,
    pageSize: CARDS,
    columns,
  };
  const expected = await sql.board(spec);
  const token = await ctx.token(user);
  const label = `${user.role}, board`;
  const cmPages = columns.map(
    (column) =>
      `${CM_LIST}?${toQuery({
        page: 1,
        pageSize: CARDS,
        sort: 'createdAt:DESC',
        filters: {
          $and: [
            { lost: { $eq: false } },
            { junk: { $eq: false } },
            { leadStatus: { documentId: { $eq: column.documentId } } },
          ],
        },
      })}`
  );
  const check = (got) => {
    const byName = new Map(got.map((c) => [c.name, c]));
    for (const want of expected) {
      const have = byName.get(want.name);
      if (
        !have ||
        have.total !== want.total ||
        have.totalCapped !== want.totalCapped ||
        Math.abs(have.value - want.value) > 0.005 ||
        have.documentIds.join() !== want.documentIds.join() ||
        have.tasks.join() !== want.tasks.join()
      ) {
        throw new Error(
          `GET /crm/leads/board (${label}) did not answer the bare SQL's column ${want.name}: ` +
            `${JSON.stringify(have && { ...have, documentIds: have.documentIds.length })} vs ` +
            `${JSON.stringify({ ...want, documentIds: want.documentIds.length })}`
        );
      }
    }
  };

  const sides = {
    plugin: async () => {
      const res = expectOk(
        `GET /crm/leads/board (${label})`,
        await client.get('/crm/leads/board', { token })
      );
      check(
        res.body.data.map((c) => ({
          name: c.status.name,
          total: c.total,
          totalCapped: !!c.totalCapped,
          value: c.value,
          documentIds: c.leads.map((l) => l.documentId),
          tasks: c.leads.map((l) => l.nextTask?.documentId ?? null),
        }))
      );
      return res.ms;
    },
    contentManager: async () => {
      const started = process.hrtime.bigint();
      const answers = await Promise.all(cmPages.map((url) => client.get(url, { token })));
      answers.forEach((res, i) => {
        expectOk(`the Content Manager list (${label}, ${columns[i].name})`, res);
        const ids = res.body.results.map((l) => l.documentId).join();
        if (ids !== expected[i].documentIds.join()) {
          throw new Error(
            `the Content Manager list (${label}, ${columns[i].name}) did not answer the same cards`
          );
        }
      });
      return Number(process.hrtime.bigint() - started) / 1e6;
    },
    sql: async () => {
      const started = process.hrtime.bigint();
      const got = await sql.board({ ...spec, viaMirrors: true });
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      check(got);
      return ms;
    },
  };
  const result = {
    user: user.role,
    variant: 'board',
    page: 1,
    pageSize: CARDS,
    total: expected.reduce((sum, c) => sum + c.total, 0),
    totalCapped: expected.some((c) => c.totalCapped),
    ...(await measureRounds(ctx, options, token, sides)),
  };
  log(
    `${label}: plugin p50 ${result.plugin.p50} ms, Content Manager ${result.contentManager.p50} ms, ` +
      `SQL ${result.sql.p50} ms, Strapi's floor ${result.floor.p50} ms`
  );
  return result;
};

module.exports = { measureBoard };

/**
 * SPEC §10 and issue 17: the capped total, keyset pages, the list still equal to the visibility
 * rule row for row under its new query shape, the board's capped counts, sums and next tasks,
 * and the indexes a database made by an earlier version gets on its next boot.
 */
import type { Core } from '@strapi/strapi';
import { createLead, references } from '../helpers/leads';
import config from '../../server/src/config';
import { leadIndexes, retiredIndexes, searchIndexes } from '../../server/src/database/lead-indexes';
import { http, startStrapi, stopStrapi } from '../helpers/strapi';
import { createRole, createStaff, type Staff } from '../helpers/users';

const LEAD = 'plugin::crm.lead';
const TASK = 'plugin::crm.task';

let strapi: Core.Strapi;
let manager: Staff;
let seller: Staff;
let other: Staff;
let noValues: Staff;
let refs: Awaited<ReturnType<typeof references>>;

interface Fixture {
  documentId: string;
  name: string;
  createdBy: number;
  assignedTo: number | null;
  isPublic: boolean;
  status: string;
  source: string;
  lost: boolean;
  junk: boolean;
  value: number | null;
}
const fixtures: Fixture[] = [];

interface Row {
  documentId: string;
  name: string;
}
const ids = (body: { data: Row[] }) => body.data.map((l) => l.documentId);

const setCap = (cap: number) => strapi.config.set('plugin::crm.list.countCap', cap);

/** What `user` may see of the default list, by the rule of SPEC §3 (newest first). */
const expectedFor = (user: Staff | 'all', filter: (f: Fixture) => boolean = () => true) =>
  fixtures
    .filter((f) => user === 'all' || f.createdBy === user.id || f.assignedTo === user.id || f.isPublic)
    .filter((f) => f.status !== 'Customer' && !f.lost && !f.junk)
    .filter(filter)
    .reverse()
    .map((f) => f.documentId);

const add = async (fixture: Omit<Fixture, 'documentId'>) => {
  const lead = await createLead(strapi, {
    ...fixture,
    status: refs.status[fixture.status],
    source: refs.source[fixture.source],
  });
  fixtures.push({ ...fixture, documentId: lead.documentId });
  return lead;
};

beforeAll(async () => {
  strapi = await startStrapi();
  manager = await createStaff(strapi, 'Sales Manager');
  seller = await createStaff(strapi, 'Sales Staff');
  other = await createStaff(strapi, 'Sales Staff');
  noValues = await createStaff(
    strapi,
    (
      await createRole(strapi, [
        {
          action: 'plugin::content-manager.explorer.read',
          subject: LEAD,
          properties: { fields: ['name', 'leadStatus', 'lost', 'junk'] },
        },
      ])
    ).id
  );
  refs = await references(strapi);
  const statuses = ['New', 'Contacted', 'Qualified', 'Customer'];
  const sources = ['Website', 'Referral'];
  // 40 leads: every combination of owner, assignee, public, status, source, lost and junk appears
  for (let i = 0; i < 40; i++) {
    await add({
      name: `Lead ${String(i).padStart(2, '0')}${i % 7 === 0 ? ' Zephyr' : ''}`,
      createdBy: [manager.id, seller.id, other.id][i % 3],
      assignedTo: [null, seller.id, other.id, manager.id][i % 4],
      isPublic: i % 5 === 0,
      status: statuses[i % statuses.length],
      source: sources[Math.floor(i / 2) % 2],
      lost: i % 11 === 3,
      junk: i % 13 === 4,
      value: i % 6 === 0 ? null : i * 100,
    });
  }
}, 600_000);

afterAll(async () => {
  await stopStrapi(strapi);
}, 120_000);

jest.setTimeout(300_000);

afterEach(() => setCap(10_000));

describe('the list equals the visibility rule row for row', () => {
  it.each([
    ['the Sales Staff', () => seller],
    ['another Sales Staff', () => other],
    ['the Sales Manager', () => manager],
  ])('for %s, default list', async (_label, who) => {
    const user = who();
    const res = await user.get('/crm/leads?pageSize=100');
    expect(res.status).toBe(200);
    const expected = expectedFor(user === manager ? 'all' : user);
    expect(ids(res.body)).toEqual(expected);
    expect(res.body.meta.pagination).toMatchObject({ total: expected.length });
    expect(res.body.meta.pagination.totalCapped).toBeUndefined();
  });

  it('with a status filter, a source filter and a search', async () => {
    const query =
      `filters[status][documentId][$in][0]=${refs.status.New}&filters[status][documentId][$in][1]=${refs.status.Qualified}` +
      `&filters[source][documentId][$eq]=${refs.source.Referral}&q=lEAD%201&pageSize=100`;
    const res = await seller.get(`/crm/leads?${query}`);
    expect(res.status).toBe(200);
    const expected = expectedFor(
      seller,
      (f) => ['New', 'Qualified'].includes(f.status) && f.source === 'Referral' && f.name.startsWith('Lead 1')
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(ids(res.body)).toEqual(expected);
  });

  it('with assignedTo=me and assignedTo=unassigned', async () => {
    const mine = await seller.get('/crm/leads?assignedTo=me&pageSize=100');
    expect(ids(mine.body)).toEqual(expectedFor(seller, (f) => f.assignedTo === seller.id));
    const none = await seller.get('/crm/leads?assignedTo=unassigned&pageSize=100');
    expect(ids(none.body)).toEqual(expectedFor(seller, (f) => f.assignedTo === null));
  });

  it('with a filter on the customer status (converted leads, still only visible ones)', async () => {
    const res = await other.get(
      `/crm/leads?filters[status][documentId][$eq]=${refs.status.Customer}&pageSize=100`
    );
    const expected = fixtures
      .filter((f) => f.createdBy === other.id || f.assignedTo === other.id || f.isPublic)
      .filter((f) => f.status === 'Customer' && !f.lost && !f.junk)
      .reverse()
      .map((f) => f.documentId);
    expect(expected.length).toBeGreaterThan(0);
    expect(ids(res.body)).toEqual(expected);
  });
});

describe('the capped total (list.countCap)', () => {
  it('is exact below the cap and at it', async () => {
    const expected = expectedFor(seller);
    setCap(expected.length);
    const res = await seller.get('/crm/leads?pageSize=5');
    expect(res.body.meta.pagination).toMatchObject({
      page: 1,
      pageSize: 5,
      total: expected.length,
      pageCount: Math.ceil(expected.length / 5),
    });
    expect(res.body.meta.pagination.totalCapped).toBeUndefined();
  });

  it('is the cap, with totalCapped, above it; a page beyond the capped page count still answers', async () => {
    const expected = expectedFor(seller);
    expect(expected.length).toBeGreaterThan(6);
    setCap(4);
    const res = await seller.get('/crm/leads?pageSize=2');
    expect(res.body.meta.pagination).toEqual({
      page: 1,
      pageSize: 2,
      pageCount: 2,
      total: 4,
      totalCapped: true,
      nextCursor: expect.any(String),
    });
    expect(ids(res.body)).toEqual(expected.slice(0, 2));
    const beyond = await seller.get('/crm/leads?pageSize=2&page=4');
    expect(beyond.status).toBe(200);
    expect(ids(beyond.body)).toEqual(expected.slice(6, 8));
    expect(beyond.body.meta.pagination).toMatchObject({ total: 4, totalCapped: true });
  });

  it('is a number of at least 1 in the config', async () => {
    const { validator, default: defaults } = config;
    expect(defaults.list).toEqual({ countCap: 10_000 });
    expect(() => validator({ ...defaults, list: { countCap: 0 } })).toThrow(/countCap/);
    expect(() => validator({ ...defaults, list: { countCap: 'many' as unknown as number } })).toThrow(
      /countCap/
    );
    expect(() => validator(defaults)).not.toThrow();
  });
});

describe('keyset pages (after = nextCursor)', () => {
  const walk = async (user: Staff, query: string, between?: (n: number) => Promise<void>) => {
    const seen: string[] = [];
    let after: string | undefined;
    for (let n = 0; n < 50; n++) {
      const res = await user.get(`/crm/leads?${query}${after ? `&after=${after}` : ''}`);
      expect(res.status).toBe(200);
      seen.push(...ids(res.body));
      after = res.body.meta.pagination.nextCursor;
      if (!after) break;
      await between?.(n);
    }
    return seen;
  };

  it('walks the list newest first with no lead lost or repeated while leads are added between pages', async () => {
    const before = expectedFor('all');
    const added: string[] = [];
    const seen = await walk(manager, 'pageSize=3', async (n) => {
      const lead = await createLead(strapi, { name: `Added ${n}`, createdBy: manager.id });
      added.push(lead.documentId);
    });
    expect(new Set(seen).size).toBe(seen.length);
    // the leads added while walking are newer than the cursor: the walk shows exactly the others
    expect(seen).toEqual(before);
    await strapi.db.query(LEAD).deleteMany({ where: { documentId: { $in: added } } });
  });

  it('walks a name order with leads inserted between pages, none lost or repeated', async () => {
    const before = (await manager.get('/crm/leads?sort=name:asc&pageSize=100')).body.data.map(
      (l: Row) => l.documentId
    );
    const added: string[] = [];
    const seen = await walk(manager, 'sort=name:asc&pageSize=4', async (n) => {
      // one sorts before the cursor, one after it
      for (const name of [`Lead 00 a${n}`, `Lead 39 z${n}`]) {
        added.push((await createLead(strapi, { name, createdBy: manager.id })).documentId);
      }
    });
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.filter((id) => !added.includes(id))).toEqual(before);
    await strapi.db.query(LEAD).deleteMany({ where: { documentId: { $in: added } } });
  });

  it('keeps visibility: the Sales Staff walk equals their list', async () => {
    expect(await walk(seller, 'pageSize=4')).toEqual(expectedFor(seller));
  });

  it.each([
    ['garbage', 'after=not-a-cursor'],
    ['a cursor of another sort', 'sort=name:asc&after=CURSOR'],
    ['a sort with no keyset', 'sort=value:desc&after=CURSOR'],
  ])('answers 400 for %s', async (_label, query) => {
    const first = await manager.get('/crm/leads?pageSize=2');
    const res = await manager.get(
      `/crm/leads?${query.replace('CURSOR', first.body.meta.pagination.nextCursor)}`
    );
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ data: null, error: { status: 400, name: 'ValidationError' } });
    expect(res.body.error.details.errors[0].path).toEqual(['after']);
  });
});

describe('the board', () => {
  let taskLead: Fixture;

  beforeAll(async () => {
    taskLead = fixtures.find((f) => f.createdBy === seller.id && f.status === 'New' && !f.lost && !f.junk)!;
    const lead = await strapi.db.query(LEAD).findOne({ where: { documentId: taskLead.documentId } });
    const task = (data: Record<string, unknown>) =>
      strapi.documents(TASK).create({ data: { lead: lead.documentId, ...data } as never });
    await task({ title: 'Done early', dueDate: '2030-01-01', status: 'done' });
    await task({ title: 'Undated', status: 'open' });
    await task({ title: 'Later', dueDate: '2030-03-01', status: 'open' });
    await task({ title: 'Next one', dueDate: '2030-02-01', status: 'open' });
  });

  const column = (body: { data: { status: { name: string } }[] }, name: string) =>
    body.data.find((c) => c.status.name === name) as unknown as {
      total: number;
      totalCapped?: boolean;
      value?: number;
      leads: { documentId: string; nextTask: unknown }[];
    };

  it('counts, sums and shows each column within what the caller sees', async () => {
    const res = await seller.get('/crm/leads/board?pageSize=3');
    expect(res.status).toBe(200);
    for (const name of ['New', 'Contacted', 'Qualified']) {
      const expected = expectedFor(seller, (f) => f.status === name);
      const sum = fixtures
        .filter((f) => expected.includes(f.documentId))
        .reduce((total, f) => total + (f.value ?? 0), 0);
      const got = column(res.body, name);
      expect(got.total).toBe(expected.length);
      expect(got.totalCapped).toBeUndefined();
      expect(got.value).toBe(sum);
      expect(got.leads.map((l) => l.documentId)).toEqual(expected.slice(0, 3));
    }
    // hidden leads are neither counted nor summed: the manager's column holds more
    const all = column((await manager.get('/crm/leads/board')).body, 'New');
    expect(all.total).toBe(expectedFor('all', (f) => f.status === 'New').length);
    expect(all.total).toBeGreaterThan(column(res.body, 'New').total);
  });

  it('gives each card its earliest open task by due date, or null', async () => {
    const res = await seller.get('/crm/leads/board?pageSize=100');
    const cards = column(res.body, 'New').leads;
    const card = cards.find((l) => l.documentId === taskLead.documentId);
    expect(card?.nextTask).toEqual({
      documentId: expect.any(String),
      title: 'Next one',
      dueDate: '2030-02-01',
    });
    expect(cards.filter((l) => l.documentId !== taskLead.documentId).every((l) => l.nextTask === null)).toBe(
      true
    );
  });

  it('caps each column total like the list, and sums the leads it counts', async () => {
    setCap(2);
    const res = await manager.get('/crm/leads/board');
    const news = column(res.body, 'New');
    expect(news).toMatchObject({ total: 2, totalCapped: true });
    // the sum is of the leads the capped total counts: the column's first two, newest first
    const expected = expectedFor('all', (f) => f.status === 'New');
    const first = expected.slice(0, 2);
    const whole = fixtures
      .filter((f) => expected.includes(f.documentId))
      .reduce((t, f) => t + (f.value ?? 0), 0);
    const capped = fixtures
      .filter((f) => first.includes(f.documentId))
      .reduce((t, f) => t + (f.value ?? 0), 0);
    expect(capped).toBeLessThan(whole);
    expect(news.value).toBe(capped);
    // sorted by name, the capped sum follows that order
    const byName = column((await manager.get('/crm/leads/board?sort=name:asc')).body, 'New');
    const firstByName = fixtures
      .filter((f) => expected.includes(f.documentId))
      .sort((a, b) => a.name.localeCompare(b.name))
      .slice(0, 2);
    expect(byName).toMatchObject({ total: 2, totalCapped: true });
    expect(byName.value).toBe(firstByName.reduce((t, f) => t + (f.value ?? 0), 0));
  });

  it('gives no sum to a role that may not read values', async () => {
    const res = await noValues.get('/crm/leads/board');
    expect(res.status).toBe(200);
    for (const c of res.body.data) expect(c).not.toHaveProperty('value');
    expect(column(res.body, 'New').total).toBe(expectedFor('all', (f) => f.status === 'New').length);
    expect(JSON.stringify(res.body)).not.toContain('"value"');
  });

  it('reads all columns’ cards in one statement: a new column with a card costs only its ids and its count', async () => {
    const statements = async () => {
      // only this request's reads from the leads and their statuses: Strapi's session is touched
      // now and then, and the plugin's jobs and earlier tests' events run beside the request
      let n = 0;
      const listener = ({ sql }: { sql: string }) => {
        const board = strapi.requestContext.get()?.path === '/crm/leads/board';
        if (board && /from [`"]?(crm_leads|crm_lead_statuses)[`"]?\s/i.test(sql)) n += 1;
      };
      strapi.db.connection.on('query', listener);
      try {
        expect((await seller.get('/crm/leads/board')).status).toBe(200);
      } finally {
        strapi.db.connection.off('query', listener);
      }
      return n;
    };
    await statements(); // warm whatever the first request caches
    const before = await statements();
    const added = await strapi.db
      .query('plugin::crm.lead-status')
      .create({ data: { name: 'Statement count', order: 99 } });
    // a card in the new column, so that its cards and their next tasks are read
    const lead = await createLead(strapi, {
      name: 'In the new column',
      createdBy: seller.id,
      status: added.documentId,
    });
    try {
      await statements();
      const after = await statements();
      expect(after - before).toBe(2);
    } finally {
      await strapi.documents(LEAD).delete({ documentId: lead.documentId });
      await strapi.db.query('plugin::crm.lead-status').delete({ where: { id: added.id } });
    }
  });

  it('refuses a cursor (400)', async () => {
    const res = await seller.get('/crm/leads/board?after=abc');
    expect(res.status).toBe(400);
  });
});

describe('upgrading a database made by the previous version', () => {
  const indexNames = async (s: Core.Strapi): Promise<string[]> => {
    const knex = s.db.connection;
    const client = s.db.dialect.client;
    if (client === 'postgres')
      return (
        await knex.raw('SELECT indexname AS name FROM pg_indexes WHERE schemaname = current_schema()')
      ).rows.map((r: { name: string }) => r.name);
    if (client === 'sqlite')
      return (await knex.raw("SELECT name FROM sqlite_master WHERE type = 'index'")).map(
        (r: { name: string }) => r.name
      );
    return (
      await knex.raw(
        'SELECT DISTINCT index_name AS name FROM information_schema.statistics WHERE table_schema = DATABASE()'
      )
    )[0].map((r: { name: string }) => r.name);
  };

  it('creates the new indexes on the next boot without losing or changing a lead', async () => {
    const ours = [
      ...leadIndexes(strapi).map((i: { name: string; table: string }) => i),
      ...(strapi.db.dialect.client === 'postgres' ? searchIndexes(strapi) : []),
    ] as { name: string; table: string }[];
    expect((await indexNames(strapi)).filter((n) => ours.some((o) => o.name === n)).sort()).toEqual(
      ours.map((o) => o.name).sort()
    );
    // every column of every lead and the ids of its relations, keys sorted
    const snapshot = async (s: Core.Strapi) =>
      (
        await s.db
          .query(LEAD)
          .findMany({ orderBy: { id: 'asc' }, populate: ['leadStatus', 'assignedTo', 'tags', 'source'] })
      ).map((lead: Record<string, unknown>) =>
        Object.fromEntries(
          Object.entries(lead)
            .map(([key, value]): [string, unknown] => [
              key,
              Array.isArray(value)
                ? value.map((v: { id: number }) => v.id).sort()
                : value && typeof value === 'object' && 'id' in value
                  ? (value as { id: number }).id
                  : value,
            ])
            .sort(([a], [b]) => a.localeCompare(b))
        )
      );
    const before = await snapshot(strapi);
    // the previous version had none of them: drop them, as on a database it made
    const knex = strapi.db.connection;
    for (const { name, table } of ours) {
      if (strapi.db.dialect.client === 'mysql') await knex.raw('DROP INDEX ?? ON ??', [name, table]);
      else await knex.raw('DROP INDEX ??', [name]);
    }
    expect((await indexNames(strapi)).filter((n) => ours.some((o) => o.name === n))).toEqual([]);
    await stopStrapi(strapi);
    strapi = await startStrapi({ keepDatabase: true });
    expect((await indexNames(strapi)).filter((n) => ours.some((o) => o.name === n)).sort()).toEqual(
      ours.map((o) => o.name).sort()
    );
    expect(await snapshot(strapi)).toEqual(before);
    // and the list answers as before
    manager = {
      ...manager,
      get: (url: string) => http(strapi).get(url).set('Authorization', `Bearer ${manager.token}`),
    };
    const res = await manager.get('/crm/leads?pageSize=100');
    expect(res.status).toBe(200);
    expect(ids(res.body)).toEqual(expectedFor('all'));
  });

  it('drops the indexes of earlier versions that a wider one replaces, keeping every lead', async () => {
    const leads = strapi.db.metadata.get(LEAD).tableName;
    const retired = retiredIndexes(strapi);
    expect(retired).toEqual([`${leads}_open_created_id_idx`, `${leads}_created_at_idx`, `${leads}_open_idx`]);
    const before = (await strapi.db.query(LEAD).findMany({ orderBy: { id: 'asc' } })).map(
      (lead: { id: number; updatedAt: unknown }) => [lead.id, lead.updatedAt]
    );
    // as an earlier version left them
    const knex = strapi.db.connection;
    await knex.raw('CREATE INDEX ?? ON ?? (??, ??, ??, ??)', [
      retired[0],
      leads,
      'lost',
      'junk',
      'created_at',
      'id',
    ]);
    await knex.raw('CREATE INDEX ?? ON ?? (??)', [retired[1], leads, 'created_at']);
    await knex.raw('CREATE INDEX ?? ON ?? (??, ??, ??)', [retired[2], leads, 'lost', 'junk', 'created_at']);
    expect((await indexNames(strapi)).filter((n) => retired.includes(n)).sort()).toEqual([...retired].sort());
    await stopStrapi(strapi);
    strapi = await startStrapi({ keepDatabase: true });
    expect((await indexNames(strapi)).filter((n) => retired.includes(n))).toEqual([]);
    expect(
      (await strapi.db.query(LEAD).findMany({ orderBy: { id: 'asc' } })).map(
        (lead: { id: number; updatedAt: unknown }) => [lead.id, lead.updatedAt]
      )
    ).toEqual(before);
  });
});

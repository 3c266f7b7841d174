/**
 * Issue 16: an import job lives in the database. It survives a restart in the middle (no row
 * written twice, counts honest), resumes a job whose instance died, rolls a failed batch back
 * whole, and runs once when several instances look for work.
 */
import type { Core } from '@strapi/strapi';
import { importFixture } from '../helpers/import-csv';
import { references } from '../helpers/leads';
import { http, startStrapi, stopStrapi } from '../helpers/strapi';
import { createStaff, loginStaff, STAFF_PASSWORD, type Staff } from '../helpers/users';

jest.setTimeout(600_000);

const LEAD = 'plugin::crm.lead';
const IMPORT = 'plugin::crm.import';

let strapi: Core.Strapi;
let seller: Staff;
let refs: Awaited<ReturnType<typeof references>>;

const worker = (s: Core.Strapi) => s.plugin('crm').service('importWorker');
const job = (id: string) => strapi.db.query(IMPORT).findOne({ where: { documentId: id } });

const waitUntil = async (test: () => Promise<boolean>, timeoutMs = 300_000) => {
  const started = Date.now();
  while (!(await test())) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

/** Leads of the fixture (emails lead-N@…) stored more than once: a row written twice. */
const writtenTwice = async () => {
  const knex = strapi.db.connection;
  return knex('crm_leads')
    .select(knex.raw('LOWER(email) AS e'))
    .whereRaw('LOWER(email) LIKE ?', ['lead-%'])
    .groupByRaw('LOWER(email)')
    .havingRaw('COUNT(*) > 1');
};

/**
 * Calls `hook` before each bulk insert of leads (an import writes a batch's new leads in one
 * insert) with the number of leads inserted so far, this insert included; `hook` may throw to make
 * the insert fail.
 */
const beforeLeadInserts = (s: Core.Strapi, hook: (inserted: number) => void) => {
  let inserted = 0;
  s.db.lifecycles.subscribe({
    models: [LEAD],
    beforeCreateMany(event: { params: { data: unknown[] } }) {
      inserted += event.params.data.length;
      hook(inserted);
    },
  } as never);
};

const upload = (who: Staff, csv: string, options: object) =>
  who
    .post('/crm/leads/import')
    .attach('file', Buffer.from(csv, 'utf8'), 'leads.csv')
    .field('options', JSON.stringify(options));

beforeAll(async () => {
  strapi = await startStrapi();
  seller = await createStaff(strapi, 'Sales Staff');
  refs = await references(strapi);
});

afterAll(async () => {
  await stopStrapi(strapi);
});

/** What the fixture's counts become when none of its "existing" leads were created beforehand. */
const expectedWithoutExisting = ({ expected, existing }: ReturnType<typeof importFixture>) => ({
  ...expected,
  created: expected.created + existing.length,
  skipped: expected.skipped - existing.length,
});

const options = () => ({
  defaults: { status: refs.status.New, source: refs.source.Website },
  duplicates: 'skip',
});

it('resumes after a restart in the middle: every row written once, the counts exact', async () => {
  strapi.config.set('plugin::crm.import.batchSize', 25);
  const fixture = importFixture(300);
  // the instance is told to stop while its worker writes the batch with the 60th lead
  let creates = 0;
  const first = strapi;
  beforeLeadInserts(first, (inserted) => {
    if (creates < 60 && inserted >= 60) void worker(first).stop();
    creates = inserted;
  });
  const res = await upload(seller, fixture.csv, options());
  expect(res.status).toBe(202);
  const id = res.body.data.id;
  await waitUntil(async () => creates >= 60);
  const leadsBefore = await strapi.db.query(LEAD).count({ where: { email: { $startsWithi: 'lead-' } } });

  // the instance stops (destroy stops its worker): the batch under way commits, the job is handed back
  await stopStrapi(strapi);
  strapi = await startStrapi({ keepDatabase: true });
  const token = await loginStaff(strapi, seller.email, STAFF_PASSWORD);
  seller = {
    ...seller,
    token,
    post: (url) => http(strapi).post(url).set('Authorization', `Bearer ${token}`),
  };
  expect(leadsBefore).toBeLessThan(expectedWithoutExisting(fixture).created);

  strapi.config.set('plugin::crm.import.batchSize', 25);
  await waitUntil(async () => ['done', 'failed'].includes((await job(id)).state));
  const done = await job(id);
  expect(done).toMatchObject({
    state: 'done',
    processed: 300,
    ...expectedWithoutExisting(fixture),
    updated: 0,
    // claimed by the first instance, then resumed by the second
    attempts: 2,
  });
  expect(await writtenTwice()).toEqual([]);
  expect(await strapi.db.query(LEAD).count({ where: { email: { $endsWithi: '@example.com' } } })).toBe(
    expectedWithoutExisting(fixture).created
  );
});

it('resumes a job whose instance died (its lease expired), and a failed batch is undone whole', async () => {
  await worker(strapi).stop();
  // another instance's worker (the plugin's own factory, as each boot makes one)
  const other = require('../../dist/server/index.js').default.services.importWorker({ strapi });
  const fixture = importFixture(150);
  const csv = fixture.csv.replace(/@example\.com/gi, '@dead.example');
  const ref = (await upload(seller, csv, options())).body.data.id;
  // the instance that claimed it is gone: running, leased by nobody alive, lease past
  await strapi.db.query(IMPORT).update({
    where: { documentId: ref },
    data: {
      state: 'running',
      leaseOwner: 'a-dead-instance',
      leaseUntil: new Date(Date.now() - 1000),
      attempts: 1,
    },
  });
  // the first attempt fails at the batch with its 60th lead: that batch is rolled back, nothing counted
  let failed = false;
  beforeLeadInserts(strapi, (inserted) => {
    if (!failed && inserted >= 60) {
      failed = true;
      throw new Error('the database went away');
    }
  });
  strapi.config.set('plugin::crm.import.batchSize', 25);
  await other.tick();
  const afterFailure = await job(ref);
  expect(failed).toBe(true);
  expect(afterFailure.state).toBe('running');
  expect(afterFailure.processed % 25).toBe(0);
  const written = await strapi.db.query(LEAD).count({ where: { email: { $endsWithi: '@dead.example' } } });
  expect(written).toBe(afterFailure.created);
  // handed back at once, resumed from the committed offset
  await other.tick();
  const done = await job(ref);
  expect(done).toMatchObject({ state: 'done', processed: 150, ...expectedWithoutExisting(fixture) });
  expect(await strapi.db.query(LEAD).count({ where: { email: { $endsWithi: '@dead.example' } } })).toBe(
    expectedWithoutExisting(fixture).created
  );
});

it('runs once when two instances look for work at the same time', async () => {
  await worker(strapi).stop();
  const fixture = importFixture(150);
  const csv = fixture.csv.replace(/@example\.com/gi, '@twin.example');
  const id = (await upload(seller, csv, options())).body.data.id;
  // two workers of their own (two instance ids) on one database, racing for the same job
  // the plugin's own worker factory, as each instance's boot makes one
  const importWorker = require('../../dist/server/index.js').default.services.importWorker;
  const first = importWorker({ strapi });
  const second = importWorker({ strapi });
  expect(first.instance).not.toBe(second.instance);
  await Promise.all([first.tick(), second.tick()]);
  const done = await job(id);
  expect(done).toMatchObject({
    state: 'done',
    processed: 150,
    attempts: 1,
    ...expectedWithoutExisting(fixture),
  });
  expect(await strapi.db.query(LEAD).count({ where: { email: { $endsWithi: '@twin.example' } } })).toBe(
    expectedWithoutExisting(fixture).created
  );
});

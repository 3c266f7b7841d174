/**
 * Issue 16: "a restart in the middle of a job (kill the process, boot again) → no row written
 * twice, the job ends done or failed with honest counts". The app runs in a child process that
 * is killed (SIGKILL: no destroy, its open transaction dies with its connection) while its worker
 * is half-way through a job; the app then boots again and finishes the job.
 */
import { spawn, type ChildProcess } from 'child_process';
import path from 'path';
import type { Core } from '@strapi/strapi';
import createKnex, { type Knex } from 'knex';
import { databaseClient, prepareDatabase } from '../helpers/database';
import { importFixture } from '../helpers/import-csv';
import { startStrapi, stopStrapi, TEST_ENV } from '../helpers/strapi';

jest.setTimeout(300_000);

const IMPORT = 'plugin::crm.import';
const ACTIVITY = 'plugin::crm.activity';
/**
 * Small batches in the instance that is killed, and rows for sixty of them: the kill lands mid-job
 * although each batch's new leads are written in one insert (the test kills as soon as one batch
 * is counted, and fails if the job was already over).
 */
const ROWS = 600;
const BATCH = 10;
/** The fixture's emails, moved to a domain of their own. */
const DOMAIN = '@kill.example';
/** The killed instance's lease: the next boot may resume its job soon after. */
const LEASE_MS = 1500;
const ADMIN = {
  email: 'kill-admin@crm.test',
  password: 'Kill-Admin-2026',
  firstname: 'Kill',
  lastname: 'Test',
};

let child: ChildProcess | undefined;
let strapi: Core.Strapi | undefined;
let knex: Knex | undefined;

afterAll(async () => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await knex?.destroy();
  await stopStrapi(strapi);
});

/** A connection of the test's own to the app's database, to watch the job while the child runs. */
const connect = (): Knex => {
  const client = databaseClient();
  if (client === 'sqlite')
    return createKnex({
      client: 'better-sqlite3',
      connection: { filename: process.env.DATABASE_FILENAME! },
      useNullAsDefault: true,
    });
  return createKnex({
    client: client === 'postgres' ? 'pg' : 'mysql2',
    connection: {
      host: process.env.DATABASE_HOST ?? '127.0.0.1',
      port: Number(process.env.DATABASE_PORT ?? (client === 'postgres' ? 5432 : 3306)),
      user: process.env.DATABASE_USERNAME ?? (client === 'postgres' ? 'postgres' : 'root'),
      password: process.env.DATABASE_PASSWORD ?? '',
      database: process.env.DATABASE_NAME!,
    },
    pool: { min: 0, max: 1 },
  });
};

/** Boots tests/helpers/strapi-process.js and resolves with its port once it listens. */
const spawnApp = (importConfig: object) =>
  new Promise<{ process: ChildProcess; port: number }>((resolve, reject) => {
    const app = spawn(process.execPath, [path.resolve(__dirname, '../helpers/strapi-process.js')], {
      env: {
        ...process.env,
        ...TEST_ENV,
        HOST: '127.0.0.1',
        PORT: '0',
        CRON_ENABLED: 'false',
        CRM_IMPORT_CONFIG: JSON.stringify(importConfig),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    app.stderr!.on('data', (chunk) => (stderr += chunk));
    app.stdout!.on('data', (chunk) => {
      stdout += chunk;
      const line = stdout.split('\n').find((l) => l.startsWith('{"port":'));
      if (line) resolve({ process: app, port: JSON.parse(line).port });
    });
    app.on('exit', (code, signal) =>
      reject(new Error(`the app exited before listening (${code ?? signal}):\n${stdout}\n${stderr}`))
    );
  });

const exited = (app: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (app.exitCode !== null || app.signalCode !== null) resolve();
    else app.once('exit', () => resolve());
  });

/** Fixture leads stored more than once (by email, case-insensitively): a row written twice. */
const writtenTwice = (db: Knex) =>
  db('crm_leads')
    .select(db.raw('LOWER(email) AS e'))
    .whereRaw('LOWER(email) LIKE ?', [`%${DOMAIN}`])
    .groupByRaw('LOWER(email)')
    .havingRaw('COUNT(*) > 1');

const fixtureLeads = async (db: Knex) =>
  Number(
    (
      await db('crm_leads')
        .whereRaw('LOWER(email) LIKE ?', [`%${DOMAIN}`])
        .count({ n: '*' })
    )[0].n
  );

it('a job whose process is killed mid-way ends done on the next boot: every row written once, the counts exact', async () => {
  await prepareDatabase();
  const fixture = importFixture(ROWS);
  const csv = fixture.csv.replace(/@example\.com/gi, DOMAIN);
  // none of the fixture's "existing" leads exist here: their rows are created, not skipped
  const expected = {
    total: ROWS,
    created: fixture.expected.created + fixture.existing.length,
    skipped: fixture.expected.skipped - fixture.existing.length,
    refused: fixture.expected.refused,
    updated: 0,
  };

  // small batches and a short lease in the instance that will be killed
  const first = await spawnApp({ batchSize: BATCH, leaseMs: LEASE_MS, pollIntervalMs: 200 });
  child = first.process;
  const base = `http://127.0.0.1:${first.port}`;
  const registered = await fetch(`${base}/admin/register-admin`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  expect(registered.status).toBe(200);
  const token: string = (await registered.json()).data.token;
  const auth = { Authorization: `Bearer ${token}` };
  const referenceId = async (type: string, name: string) => {
    const res = await fetch(
      `${base}/content-manager/collection-types/plugin::crm.${type}?filters[name][$eq]=${name}`,
      { headers: auth }
    );
    return (await res.json()).results[0].documentId as string;
  };
  const form = new FormData();
  form.append('file', new Blob([csv], { type: 'text/csv' }), 'leads.csv');
  form.append(
    'options',
    JSON.stringify({
      defaults: {
        status: await referenceId('lead-status', 'New'),
        source: await referenceId('lead-source', 'Website'),
      },
      duplicates: 'skip',
    })
  );
  knex = connect();
  const queued = await fetch(`${base}/crm/leads/import`, { method: 'POST', headers: auth, body: form });
  expect(queued.status).toBe(202);
  const id: string = (await queued.json()).data.id;
  const jobRow = () => knex!('crm_imports').where({ document_id: id }).first();

  // watched closely: killed as soon as some batches are committed and others are not
  let seen = await jobRow();
  const deadline = Date.now() + 120_000;
  while (!(seen.processed > 0) && seen.state !== 'done' && seen.state !== 'failed' && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    seen = await jobRow();
  }
  child.kill('SIGKILL');
  await exited(child);
  // what the killed instance left: its committed batches, counted; the batch under way, gone
  const left = await jobRow();
  if (left.state !== 'running' || left.processed >= ROWS)
    throw new Error(
      `the job was ${left.state} (${left.processed} of ${ROWS} rows) when its process was killed: make the fixture bigger or the batches smaller`
    );
  expect(seen.processed).toBeGreaterThan(0);
  expect(left.processed % BATCH).toBe(0);
  expect(left.created + left.skipped + left.refused + left.updated).toBe(left.processed);
  expect(await fixtureLeads(knex)).toBe(left.created);
  await knex.destroy();
  knex = undefined;

  // the app boots again (here, in the test's process) and resumes the job once the lease is past
  strapi = await startStrapi({ keepDatabase: true, env: { CRON_ENABLED: 'false' } });
  const job = () => strapi!.db.query(IMPORT).findOne({ where: { documentId: id } });
  const until = Date.now() + 180_000;
  while (!['done', 'failed'].includes((await job()).state)) {
    if (Date.now() > until) throw new Error(`the job did not end: ${JSON.stringify(await job())}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const done = await job();
  expect(done).toMatchObject({ state: 'done', processed: ROWS, ...expected, attempts: 2 });
  expect(done.created + done.updated + done.skipped + done.refused).toBe(ROWS);

  const db = strapi.db.connection;
  expect(await writtenTwice(db)).toEqual([]);
  expect(await fixtureLeads(db)).toBe(expected.created);
  // each created lead has exactly one "created" activity row
  const link = (strapi.db.metadata.get(ACTIVITY).attributes.lead as { joinTable: JoinTable }).joinTable;
  const created = db(`${link.name} as k`)
    .join('crm_activities as a', 'a.id', `k.${link.joinColumn.name}`)
    .where('a.action', 'created')
    .select(`k.${link.inverseJoinColumn.name} as lead_id`)
    .as('c');
  const notOnce = await db('crm_leads as l')
    .leftJoin(created, 'c.lead_id', 'l.id')
    .whereRaw('LOWER(l.email) LIKE ?', [`%${DOMAIN}`])
    .groupBy('l.id')
    .havingRaw('COUNT(c.lead_id) <> 1')
    .select('l.id');
  expect(notOnce).toEqual([]);
});

interface JoinTable {
  name: string;
  joinColumn: { name: string };
  inverseJoinColumn: { name: string };
}

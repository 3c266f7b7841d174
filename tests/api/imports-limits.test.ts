/**
 * Security review, findings 4 and 6: what one import may make the server keep and send (errors per
 * row, quoted cells, errors per job, the progress answer, unfinished jobs per user), and duplicate
 * matching on email only for an importer who may read it.
 */
import type { Core } from '@strapi/strapi';
import { countRows, createLead, references } from '../helpers/leads';
import { startStrapi, stopStrapi } from '../helpers/strapi';
import { createRole, createStaff, type Staff } from '../helpers/users';

jest.setTimeout(600_000);

const LEAD = 'plugin::crm.lead';
const IMPORT = 'plugin::crm.import';
const CM = 'plugin::content-manager.explorer';

let strapi: Core.Strapi;
let seller: Staff;
let refs: Awaited<ReturnType<typeof references>>;

const worker = (s: Core.Strapi) => s.plugin('crm').service('importWorker');

const upload = (who: Staff, csv: string, options: object) =>
  who
    .post('/crm/leads/import')
    .attach('file', Buffer.from(csv, 'utf8'), 'leads.csv')
    .field('options', JSON.stringify(options));

const waitFor = async (who: Staff, id: string, timeoutMs = 300_000) => {
  const started = Date.now();
  for (;;) {
    const res = await who.get(`/crm/imports/${id}`);
    expect(res.status).toBe(200);
    if (['done', 'failed'].includes(res.body.data.state)) return res;
    if (Date.now() - started > timeoutMs) throw new Error(`import ${id} still ${res.body.data.state}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
};

const defaults = () => ({ status: refs.status.New, source: refs.source.Website });

/** The attacker's rows: a long bad status, a long bad source and 20 unknown tags in each. */
const hostileCsv = (rows: number) =>
  [
    'Name,Status,Source,Tags',
    ...Array.from(
      { length: rows },
      (_, i) =>
        `r${i},nostatus-${'x'.repeat(100)},nosource-${'y'.repeat(100)},${Array.from({ length: 20 }, (_, j) => `t${j}`).join(';')}`
    ),
  ].join('\n');

beforeAll(async () => {
  strapi = await startStrapi();
  seller = await createStaff(strapi, 'Sales Staff');
  refs = await references(strapi);
});

afterAll(async () => {
  await stopStrapi(strapi);
});

describe('finding 4: the errors one import keeps and sends are bounded', () => {
  it('collapses unknown tags, cuts quoted cells, caps the errors kept per job and keeps the progress answer small', async () => {
    const ROWS = 450; // three batches
    strapi.config.set('plugin::crm.import.maxErrors', 50);
    let res;
    try {
      const created = await upload(seller, hostileCsv(ROWS), { defaults: defaults(), duplicates: 'create' });
      expect(created.status).toBe(202);
      res = await waitFor(seller, created.body.data.id);
    } finally {
      strapi.config.set('plugin::crm.import.maxErrors', 1000);
    }
    const done = res.body.data;
    // every row still counted as refused
    expect(done).toMatchObject({ state: 'done', processed: ROWS, created: 0, refused: ROWS });
    // one row: three errors, one of them for all 20 tags; each quoted cell cut to 40 characters
    expect(done.errors.filter((e: { row: number }) => e.row === 2)).toEqual([
      { row: 2, path: 'status', message: `"nostatus-${'x'.repeat(31)}…" is not an existing status` },
      { row: 2, path: 'source', message: `"nosource-${'y'.repeat(31)}…" is not an existing source` },
      { row: 2, path: 'tags', message: '"t0", "t1", "t2" and 17 more are not existing tags' },
    ]);
    // the job keeps 50 errors at most, whole rows (16 rows of 3), and says the list was cut
    const job = await strapi.db
      .query(IMPORT)
      .findOne({ where: { documentId: done.id }, select: ['rowErrors', 'unlistedRows'] });
    expect(job.rowErrors).toHaveLength(48);
    expect(job.unlistedRows).toBe(ROWS - 16);
    expect(done.report).toEqual({ errors: 48, unlistedRows: ROWS - 16, lastListedRow: 17 });
    // the progress answer: the first 20 errors, whatever the file
    expect(done.errors).toEqual(job.rowErrors.slice(0, 20));
    expect(res.text.length).toBeLessThan(5_000);
    // the report: the listed rows, then a line saying which rows it leaves out
    const report = await seller.get(`/crm/imports/${done.id}/errors.csv`);
    expect(report.status).toBe(200);
    const lines = report.text.split('\r\n');
    expect(lines).toHaveLength(1 + 48 + 1);
    expect(lines[1]).toBe(`"2","status","""nostatus-${'x'.repeat(31)}…"" is not an existing status"`);
    expect(lines[lines.length - 1]).toContain(`after row 17: ${ROWS - 16} more refused rows are not listed`);
  });

  it('keeps at most five errors per row, the last saying how many more there were', async () => {
    const email = 'not-an-email';
    const csv = `Name,Email,Status,Source,Tags,Assigned to (email),Lead value,Website\n,${email},Nope,Nada,zz,nobody@x.test,abc,javascript:x\n`;
    const res = await upload(seller, csv, { duplicates: 'create' });
    const done = (await waitFor(seller, res.body.data.id)).body.data;
    expect(done.refused).toBe(1);
    expect(done.errors).toHaveLength(5);
    expect(done.errors[4]).toMatchObject({
      row: 2,
      path: '',
      message: expect.stringMatching(/^and \d+ more errors in this row$/),
    });
  });

  it('answers 429 in the error envelope past the unfinished jobs allowed per user, storing nothing', async () => {
    await worker(strapi).stop();
    strapi.config.set('plugin::crm.import.maxUnfinishedPerUser', 2);
    const member = await createStaff(strapi, 'Sales Staff');
    const other = await createStaff(strapi, 'Sales Staff');
    try {
      const csv = 'Name\nQueued Qpzx\n';
      expect((await upload(member, csv, { defaults: defaults() })).status).toBe(202);
      expect((await upload(member, csv, { defaults: defaults() })).status).toBe(202);
      const jobs = await countRows(strapi, IMPORT);
      const third = await upload(member, csv, { defaults: defaults() });
      expect(third.status).toBe(429);
      expect(third.body).toEqual({
        data: null,
        error: {
          status: 429,
          name: 'RateLimitError',
          message: 'You already have 2 imports queued or running: wait for one to finish',
          details: { limit: 2, unfinished: 2 },
        },
      });
      expect(await countRows(strapi, IMPORT)).toBe(jobs);
      // a dry run stores nothing and is not counted; another member is not held back
      expect((await upload(member, csv, { defaults: defaults(), dryRun: true })).status).toBe(200);
      expect((await upload(other, csv, { defaults: defaults() })).status).toBe(202);
      // several uploads at once never leave more than the limit unfinished
      const burst = await Promise.all(
        Array.from({ length: 4 }, () => upload(other, csv, { defaults: defaults() }))
      );
      expect(burst.every((r) => [202, 429].includes(r.status))).toBe(true);
      const unfinished = (who: Staff) =>
        strapi.db
          .query(IMPORT)
          .count({ where: { importer: { id: who.id }, state: { $in: ['queued', 'running'] } } });
      // (two stored at the same instant may both step back: the limit errs on the side of refusing)
      const left = await unfinished(other);
      expect(left).toBeGreaterThanOrEqual(1);
      expect(left).toBeLessThanOrEqual(2);
      expect(burst.filter((r) => r.status === 202)).toHaveLength(left - 1);
      // once the jobs ran, the member may import again
      worker(strapi).start();
      await worker(strapi).tick();
      expect(await unfinished(member)).toBe(0);
      expect((await upload(member, csv, { defaults: defaults() })).status).toBe(202);
    } finally {
      strapi.config.set('plugin::crm.import.maxUnfinishedPerUser', 2);
      worker(strapi).start();
    }
  });
});

describe('finding 6: duplicates are matched on email only for an importer who may read it', () => {
  let tess: Staff;
  let probe: { documentId: string };
  const probeCsv =
    'Name,Email,Status,Source\nProbe1,fls.changed@probe.example,New,Email\nProbe2,fls.wrong@probe.example,New,Email\n';

  beforeAll(async () => {
    const fields = ['name', 'company', 'phone', 'leadStatus', 'source', 'isPublic', 'tags', 'assignedTo'];
    const role = await createRole(strapi, [
      { action: `${CM}.read`, subject: LEAD, properties: { fields } },
      { action: `${CM}.create`, subject: LEAD, properties: { fields: [...fields, 'email'] } },
      { action: `${CM}.update`, subject: LEAD, properties: { fields: [...fields, 'email'] } },
    ]);
    tess = await createStaff(strapi, role.id);
    probe = await createLead(strapi, {
      name: 'Probed',
      email: 'fls.changed@probe.example',
      createdBy: seller.id,
    });
  });

  it.each([
    ['skip', false],
    ['update', false],
    ['skip', true],
    ['update', true],
  ])('"%s" (dry run: %s) is a 400 naming the option, and changes nothing', async (duplicates, dryRun) => {
    const leads = await countRows(strapi, LEAD);
    const jobs = await countRows(strapi, IMPORT);
    const res = await upload(tess, probeCsv, { duplicates, dryRun });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ name: 'ValidationError' });
    expect(res.body.error.details.errors).toEqual([
      expect.objectContaining({ path: ['duplicates'], message: expect.stringContaining('may not read') }),
    ]);
    expect(await countRows(strapi, LEAD)).toBe(leads);
    expect(await countRows(strapi, IMPORT)).toBe(jobs);
    const stored = await strapi.db.query(LEAD).findOne({ where: { documentId: probe.documentId } });
    expect(stored.name).toBe('Probed');
  });

  it('"create" matches nothing, and a file without an email column may still skip', async () => {
    const created = await upload(tess, probeCsv, { duplicates: 'create' });
    expect(created.status).toBe(202);
    expect((await waitFor(tess, created.body.data.id)).body.data).toMatchObject({
      state: 'done',
      created: 2,
      skipped: 0,
    });
    const noEmail = await upload(tess, 'Name,Status,Source\nProbe3,New,Email\n', { duplicates: 'skip' });
    expect(noEmail.status).toBe(202);
    expect((await waitFor(tess, noEmail.body.data.id)).body.data).toMatchObject({
      state: 'done',
      created: 1,
    });
  });

  it('a queued job whose importer may no longer read emails stops without matching', async () => {
    await worker(strapi).stop();
    const role = await createRole(strapi, [
      { action: `${CM}.read`, subject: LEAD },
      { action: `${CM}.create`, subject: LEAD },
    ]);
    const member = await createStaff(strapi, role.id);
    try {
      const res = await upload(member, probeCsv, { duplicates: 'skip' });
      expect(res.status).toBe(202);
      const readable = ['name', 'leadStatus', 'source'];
      await strapi.service('admin::role').assignPermissions(role.id, [
        { action: `${CM}.read`, subject: LEAD, properties: { fields: readable }, conditions: [] },
        { action: `${CM}.create`, subject: LEAD, properties: {}, conditions: [] },
      ]);
      const leads = await countRows(strapi, LEAD);
      worker(strapi).start();
      await worker(strapi).tick();
      const done = (await waitFor(member, res.body.data.id)).body.data;
      expect(done).toMatchObject({ state: 'failed', processed: 0, skipped: 0, created: 0 });
      expect(done.failure).toContain('may not read');
      expect(await countRows(strapi, LEAD)).toBe(leads);
    } finally {
      worker(strapi).start();
    }
  });
});

/** Issue 16 / SPEC §8–§9: CSV import of leads, a job kept in the database. */
import type { Core } from '@strapi/strapi';
import { importFixture, existingEmail } from '../helpers/import-csv';
import { countRows, createLead, references } from '../helpers/leads';
import { http, startStrapi, stopStrapi } from '../helpers/strapi';
import { createRole, createStaff, type Staff } from '../helpers/users';

jest.setTimeout(600_000);

const LEAD = 'plugin::crm.lead';
const IMPORT = 'plugin::crm.import';
const CM = 'plugin::content-manager.explorer';

let strapi: Core.Strapi;
let admin: Staff;
let seller: Staff;
let otherSeller: Staff;
let refs: Awaited<ReturnType<typeof references>>;

const upload = (who: Staff, csv: string | Buffer, options: object = {}, name = 'leads.csv') =>
  who
    .post('/crm/leads/import')
    .attach('file', Buffer.isBuffer(csv) ? csv : Buffer.from(csv, 'utf8'), name)
    .field('options', JSON.stringify(options));

const waitFor = async (who: Staff, id: string, timeoutMs = 300_000) => {
  const started = Date.now();
  for (;;) {
    const res = await who.get(`/crm/imports/${id}`);
    expect(res.status).toBe(200);
    if (['done', 'failed'].includes(res.body.data.state)) return res.body.data;
    if (Date.now() - started > timeoutMs) throw new Error(`import ${id} still ${res.body.data.state}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
};

const defaults = () => ({ status: refs.status.New, source: refs.source.Website });

beforeAll(async () => {
  strapi = await startStrapi();
  admin = await createStaff(strapi, 'Super Admin');
  seller = await createStaff(strapi, 'Sales Staff');
  otherSeller = await createStaff(strapi, 'Sales Staff');
  refs = await references(strapi);
});

afterAll(async () => {
  await stopStrapi(strapi);
});

/** The 10,000 rows (IMPORT_FIXTURE_ROWS=500 for a quicker loop). */
const ROWS = Number(process.env.IMPORT_FIXTURE_ROWS ?? 10_000);

describe('the CSV fixture', () => {
  it('creates, skips and refuses exactly the expected rows, each lead with its creation activity', async () => {
    const fixture = importFixture(ROWS);
    for (const i of fixture.existing)
      await createLead(strapi, { name: `Existing ${i}`, email: existingEmail(i), createdBy: seller.id });
    const leadsBefore = await countRows(strapi, LEAD);
    const created = await upload(seller, fixture.csv, { defaults: defaults(), duplicates: 'skip' });
    expect(created.status).toBe(202);
    const done = await waitFor(seller, created.body.data.id);
    expect(done).toMatchObject({
      state: 'done',
      processed: ROWS,
      updated: 0,
      ...fixture.expected,
    });
    if (ROWS === 500)
      expect(fixture.expected).toEqual({ total: 500, created: 478, skipped: 12, refused: 10 });
    if (ROWS === 10_000)
      expect(fixture.expected).toEqual({ total: 10_000, created: 9562, skipped: 236, refused: 202 });
    expect(await countRows(strapi, LEAD)).toBe(leadsBefore + fixture.expected.created);
    // every refused row named with its line and field
    expect(done.errors).toContainEqual({
      row: 101,
      path: 'status',
      message: '"Zombie" is not an existing status',
    });
    expect(done.errors).toContainEqual({ row: 98, path: 'email', message: 'must be a valid email address' });
    // quoted commas, quotes and newlines kept
    const lead = await strapi.db
      .query(LEAD)
      .findOne({ where: { email: 'lead-330@example.com' }, populate: ['createdBy', 'leadStatus', 'source'] });
    expect(lead).toMatchObject({
      name: 'The "Big" 330',
      company: 'Acme 330, Inc.',
      description: 'First line 330\nSecond line, with a comma',
    });
    expect(lead.createdBy.id).toBe(seller.id);
    expect(lead.leadStatus.name).toBe('Qualified');
    expect(lead.source.name).toBe('Referral');
    // one "created" activity row per lead, by the importer
    const activities = await strapi.db
      .query('plugin::crm.activity')
      .count({ where: { action: 'created', actor: { id: seller.id } } });
    expect(activities).toBe(fixture.expected.created);
    // no email written twice
    const knex = strapi.db.connection;
    const dupes = await knex('crm_leads')
      .select(knex.raw('LOWER(email) AS e'))
      .count('* as n')
      .whereRaw('LOWER(email) LIKE ?', ['lead-%'])
      .groupByRaw('LOWER(email)')
      .havingRaw('COUNT(*) > 1');
    expect(dupes).toEqual([]);
    // the report of refused rows
    const report = await seller.get(`/crm/imports/${created.body.data.id}/errors.csv`);
    expect(report.status).toBe(200);
    expect(report.headers['content-type']).toContain('text/csv');
    expect(report.text.split('\r\n')).toHaveLength(1 + fixture.expected.refused);
  });
});

describe('options, duplicates and the file', () => {
  it('imports back what an export wrote: a cell the export guarded against formulas loses its apostrophe', async () => {
    await createLead(strapi, {
      name: '@Round Trip',
      email: 'round.trip@example.com',
      phone: '+33 1 57 49 25',
      company: '=Acme',
      city: "'Quoted",
      createdBy: admin.id,
    });
    const exported = await admin.get('/crm/leads/export?q=round.trip@example.com');
    expect(exported.status).toBe(200);
    expect(exported.text).toContain("'+33 1 57 49 25");
    const csv = exported.text.replace('round.trip@example.com', 'round.back@example.com');
    const res = await upload(admin, csv, { defaults: defaults(), duplicates: 'create' });
    expect(res.status).toBe(202);
    expect(await waitFor(admin, res.body.data.id)).toMatchObject({ state: 'done', created: 1, refused: 0 });
    const back = await strapi.db.query(LEAD).findOne({ where: { email: 'round.back@example.com' } });
    expect(back).toMatchObject({
      name: '@Round Trip',
      phone: '+33 1 57 49 25',
      company: '=Acme',
      // an apostrophe the export did not add stays
      city: "'Quoted",
    });
  });

  it('reads ";" files and fills only empty fields of a duplicate with "update"', async () => {
    await createLead(strapi, {
      name: 'Uma Update',
      email: 'uma@example.com',
      company: 'Kept Co',
      createdBy: seller.id,
    });
    const csv =
      'Name;Email;Company;City;Status\n"Uma; the second";UMA@example.com;Other Co;Lyon;New\nVera;vera@example.com;"Multi\nline";Paris;Contacted\n';
    const res = await upload(seller, csv, { defaults: defaults(), duplicates: 'update' });
    expect(res.status).toBe(202);
    const done = await waitFor(seller, res.body.data.id);
    expect(done).toMatchObject({ state: 'done', total: 2, created: 1, updated: 1, skipped: 0, refused: 0 });
    const uma = await strapi.db.query(LEAD).findMany({ where: { email: { $eqi: 'uma@example.com' } } });
    expect(uma).toHaveLength(1);
    expect(uma[0]).toMatchObject({ name: 'Uma Update', company: 'Kept Co', city: 'Lyon' });
    const vera = await strapi.db.query(LEAD).findOne({ where: { email: 'vera@example.com' } });
    expect(vera.company).toBe('Multi\nline');
  });

  it('creates duplicates with "create", and maps columns explicitly (tags and assignee by name and email)', async () => {
    await strapi.documents('plugin::crm.tag').create({ data: { name: 'VIP' } as never });
    const csv =
      'Who,Mail,Labels,Owner\nWill,will@example.com,vip,' +
      seller.email.toUpperCase() +
      '\nWill again,will@example.com,,\nXena,xena@example.com,Unknown tag,\nYann,yann@example.com,,nobody@example.com\n' +
      `Zed Mirrorqv,zed@example.com,,${otherSeller.email}\n`;
    const res = await upload(seller, csv, {
      mapping: { Who: 'name', Mail: 'email', Labels: 'tags', Owner: 'assignedToEmail' },
      defaults: defaults(),
      duplicates: 'create',
    });
    const done = await waitFor(seller, res.body.data.id);
    expect(done).toMatchObject({ state: 'done', created: 3, refused: 2 });
    expect(done.errors).toEqual([
      { row: 4, path: 'tags', message: '"Unknown tag" is not an existing tag' },
      {
        row: 5,
        path: 'assignedToEmail',
        message: '"nobody@example.com" is not a staff member who can be assigned work',
      },
    ]);
    const wills = await strapi.db.query(LEAD).findMany({
      where: { email: 'will@example.com' },
      populate: ['tags', 'assignedTo'],
      orderBy: { id: 'asc' },
    });
    expect(wills).toHaveLength(2);
    expect(wills[0].tags.map((t: { name: string }) => t.name)).toEqual(['VIP']);
    expect(wills[0].assignedTo.id).toBe(seller.id);
    // the columns mirroring status, source and assignee are written with the bulk insert: the
    // assignee sees the lead another member imported, in their list and in its board column
    const zed = await strapi.db
      .query(LEAD)
      .findOne({ where: { email: 'zed@example.com' }, populate: ['leadStatus', 'source', 'assignedTo'] });
    expect(zed).toMatchObject({
      assigneeMirror: otherSeller.id,
      statusMirror: zed.leadStatus.id,
      sourceMirror: zed.source.id,
    });
    const list = await otherSeller.get('/crm/leads?q=Mirrorqv');
    expect(list.body.data.map((l: { name: string }) => l.name)).toEqual(['Zed Mirrorqv']);
    const board = await otherSeller.get('/crm/leads/board?q=Mirrorqv');
    const column = board.body.data.find(
      (c: { status: { documentId: string } }) => c.status.documentId === refs.status.New
    );
    expect(column.leads.map((l: { name: string }) => l.name)).toEqual(['Zed Mirrorqv']);
  });

  it('refuses the customer status per row, and a mapping onto conversion fields as a 400', async () => {
    const res = await upload(seller, 'Name,Status\nZoe,Customer\n', { defaults: defaults() });
    const done = await waitFor(seller, res.body.data.id);
    expect(done).toMatchObject({ created: 0, refused: 1 });
    expect(done.errors[0]).toMatchObject({ row: 2, path: 'status' });
    expect(await strapi.db.query(LEAD).count({ where: { name: 'Zoe' } })).toBe(0);

    const jobs = await countRows(strapi, IMPORT);
    const bad = await upload(seller, 'Name,Converted\nZed,2026-01-01\n', {
      mapping: { Name: 'name', Converted: 'dateConverted' },
      defaults: defaults(),
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.errors[0].path).toEqual(['mapping', 'Converted']);
    expect(await countRows(strapi, IMPORT)).toBe(jobs);
  });

  it('answers a dry run with the auto-matched mapping and the first rows with their errors, writing nothing', async () => {
    const leads = await countRows(strapi, LEAD);
    const jobs = await countRows(strapi, IMPORT);
    const res = await upload(seller, 'Name,E-mail,Email,Lead value\nAnn,x,bad,12\n,,ok@example.com,abc\n', {
      defaults: defaults(),
      dryRun: true,
    });
    expect(res.status).toBe(200);
    expect(res.body.data.mapping).toEqual({ Name: 'name', Email: 'email', 'Lead value': 'value' });
    expect(res.body.data.unmapped).toEqual(['E-mail']);
    expect(res.body.data.rows[0].errors).toEqual([
      { row: 2, path: 'email', message: 'must be a valid email address' },
    ]);
    expect(res.body.data.rows[1].errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'name',
      'value',
    ]);
    expect(await countRows(strapi, LEAD)).toBe(leads);
    expect(await countRows(strapi, IMPORT)).toBe(jobs);
  });

  it('answers 400 for a binary, non-UTF-8, oversized or too long file, and writes nothing', async () => {
    const jobs = await countRows(strapi, IMPORT);
    const leads = await countRows(strapi, LEAD);
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    expect((await upload(seller, png, {}, 'leads.csv')).status).toBe(400);
    const latin1 = Buffer.from('Name\nJos\xe9\n', 'latin1');
    const res = await upload(seller, latin1, {});
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/UTF-8/);
    strapi.config.set('plugin::crm.import.maxBytes', 100);
    try {
      expect((await upload(seller, `Name\n${'x'.repeat(200)}\n`, {})).status).toBe(400);
    } finally {
      strapi.config.set('plugin::crm.import.maxBytes', 20 * 1024 * 1024);
    }
    strapi.config.set('plugin::crm.import.maxRows', 2);
    try {
      expect((await upload(seller, 'Name\na\nb\nc\n', {})).status).toBe(400);
    } finally {
      strapi.config.set('plugin::crm.import.maxRows', 100_000);
    }
    expect((await seller.post('/crm/leads/import').send({ options: '{}' })).status).toBe(400);
    expect((await upload(seller, 'Name\nA\n', { duplicates: 'sometimes' })).status).toBe(400);
    // headers and targets named like Object.prototype's keys are a 400, never a 500 or a silent pass
    for (const mapping of [
      { Name: 'name', constructor: 'toString' },
      { Name: 'name', X: 'toString' },
      { Name: 'name', X: '__proto__' },
      { Name: 'name', X: 'hasOwnProperty' },
    ]) {
      const header = Object.keys(mapping).find((key) => key !== 'Name') ?? 'X';
      const res = await upload(seller, `Name,${header}\nA,b\n`, { mapping, dryRun: true });
      expect([res.status, JSON.stringify(mapping)]).toEqual([400, JSON.stringify(mapping)]);
    }
    expect(await countRows(strapi, IMPORT)).toBe(jobs);
    expect(await countRows(strapi, LEAD)).toBe(leads);
  });
});

describe('permissions and visibility', () => {
  it('answers 403 without create on leads, and for "update" without update', async () => {
    const readOnly = await createStaff(
      strapi,
      (await createRole(strapi, [{ action: `${CM}.read`, subject: LEAD }])).id
    );
    const creator = await createStaff(
      strapi,
      (
        await createRole(strapi, [
          { action: `${CM}.read`, subject: LEAD },
          { action: `${CM}.create`, subject: LEAD },
        ])
      ).id
    );
    const jobs = await countRows(strapi, IMPORT);
    expect((await upload(readOnly, 'Name\nA\n', { defaults: defaults() })).status).toBe(403);
    expect((await upload(creator, 'Name\nA\n', { defaults: defaults(), duplicates: 'update' })).status).toBe(
      403
    );
    expect(await countRows(strapi, IMPORT)).toBe(jobs);
  });

  it('writes only the fields the role may create, refuses a lead the importer could not see, and emits entry.create for each lead written', async () => {
    // sees public leads only, and may create leads with three fields
    const publicOnly = await createStaff(
      strapi,
      (
        await createRole(strapi, [
          { action: `${CM}.read`, subject: LEAD, conditions: ['plugin::crm.lead-is-public'] },
          { action: `${CM}.create`, subject: LEAD, properties: { fields: ['name', 'email', 'isPublic'] } },
        ])
      ).id
    );
    const events: { uid: string; entry: Record<string, unknown> }[] = [];
    const listener = async (event: { uid: string; entry: Record<string, unknown> }) => {
      events.push(event);
    };
    strapi.eventHub.on('entry.create', listener);
    try {
      const res = await upload(
        publicOnly,
        'Name,Email,Public,Company\nOpen Wkzq,open@wkzq.example,yes,Acme\nShut Wkzq,shut@wkzq.example,no,Acme\n',
        { defaults: defaults() }
      );
      expect(res.status).toBe(202);
      const done = await waitFor(publicOnly, res.body.data.id);
      expect(done).toMatchObject({ state: 'done', created: 1, refused: 1 });
      expect(done.errors).toEqual([
        { row: 3, path: '', message: 'This change would leave the lead outside what you may see' },
      ]);
      const stored = await strapi.db.query(LEAD).findMany({
        where: { email: { $endsWith: '@wkzq.example' } },
        populate: ['leadStatus', 'createdBy'],
      });
      expect(stored).toHaveLength(1);
      // the company and the default status are fields this role may not create: not written
      expect(stored[0]).toMatchObject({ name: 'Open Wkzq', isPublic: true, company: null, leadStatus: null });
      expect(stored[0].createdBy.id).toBe(publicOnly.id);
      // Strapi's entry.create (webhooks), once the batch committed, sanitized as the Document Service does
      await new Promise((resolve) => setTimeout(resolve, 200));
      const mine = events.filter((e) => e.uid === LEAD && String(e.entry.email).endsWith('@wkzq.example'));
      expect(mine).toHaveLength(1);
      expect(mine[0].entry).toMatchObject({ documentId: stored[0].documentId, name: 'Open Wkzq' });
      expect(mine[0].entry.createdBy).toBeUndefined();
    } finally {
      strapi.eventHub.removeListener('entry.create', listener);
    }
  });

  it("the importer sees the leads they import; another Sales Staff member only the public ones; jobs are the importer's", async () => {
    const res = await upload(
      seller,
      'Name,Email,Public\nPriv Ate Qxvi,priv@example.com,no\nPub Lic Qxvi,pub@example.com,yes\n',
      { defaults: defaults() }
    );
    const id = res.body.data.id;
    expect((await waitFor(seller, id)).created).toBe(2);
    const mine = await seller.get('/crm/leads?q=Qxvi&pageSize=100');
    expect(mine.body.data.map((l: { name: string }) => l.name).sort()).toEqual([
      'Priv Ate Qxvi',
      'Pub Lic Qxvi',
    ]);
    const theirs = await otherSeller.get('/crm/leads?q=Qxvi&pageSize=100');
    expect(theirs.body.data.map((l: { name: string }) => l.name)).toEqual(['Pub Lic Qxvi']);
    // the job: the importer's own, a Super Admin's too, nobody else's
    expect((await otherSeller.get(`/crm/imports/${id}`)).status).toBe(404);
    expect((await otherSeller.get(`/crm/imports/${id}/errors.csv`)).status).toBe(404);
    expect((await admin.get(`/crm/imports/${id}`)).status).toBe(200);
    expect((await http(strapi).get(`/crm/imports/${id}`)).status).toBe(401);
  });
});

/** Issue 7 / SPEC §7: web-to-lead capture from a site's contact form. */
import type { Core } from '@strapi/strapi';
import { grant } from '../helpers/content-api';
import { emails } from '../helpers/email';
import { countRows, createLead } from '../helpers/leads';
import { http, startStrapi, stopStrapi } from '../helpers/strapi';
import { createStaff, type Staff } from '../helpers/users';

const LEAD = 'plugin::crm.lead';
const URL = '/api/crm/web-leads';

let strapi: Core.Strapi;
let assignee: Staff;

const post = (body: unknown) =>
  http(strapi)
    .post(URL)
    .send(body as object);
const leadByEmail = (email: string) =>
  strapi.db
    .query(LEAD)
    .findOne({ where: { email }, populate: { leadStatus: true, source: true, assignedTo: true } });

beforeAll(async () => {
  strapi = await startStrapi({ env: { CRM_WEB_LEADS_RATE_MAX: '1000' } });
  assignee = await createStaff(strapi, 'Sales Staff');
  strapi.config.set('plugin::crm.webLeads.defaultAssignee', assignee.id);
  await strapi.documents('plugin::crm.custom-field').create({
    data: { name: 'Budget', slug: 'budget', target: 'lead', type: 'number', webForm: true } as never,
  });
  await strapi.documents('plugin::crm.custom-field').create({
    data: { name: 'Internal score', slug: 'score', target: 'lead', type: 'number' } as never,
  });
});

afterAll(async () => {
  await stopStrapi(strapi);
});

beforeEach(() => emails.reset());

describe('before the permission is granted', () => {
  it('answers 403 and writes nothing', async () => {
    const before = await countRows(strapi, LEAD);
    const res = await post({ name: 'Too Early', email: 'early@example.com' });
    expect(res.status).toBe(403);
    expect(await countRows(strapi, LEAD)).toBe(before);
  });
});

describe('with the Public role granted plugin::crm.web-lead.create', () => {
  beforeAll(async () => {
    await grant(strapi, 'public', 'plugin::crm.web-lead.create');
  });

  it('creates the lead with the configured defaults, answers no lead data, and tells the assignee', async () => {
    const res = await post({
      name: 'Wendy Web',
      email: 'wendy@example.com',
      company: 'Web Co',
      description: 'Please call me',
      customFields: { budget: 4000 },
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ data: { ok: true } });
    const lead = await leadByEmail('wendy@example.com');
    expect(lead).toMatchObject({
      name: 'Wendy Web',
      company: 'Web Co',
      isPublic: false,
      leadStatus: { name: 'New' },
      source: { name: 'Website' },
      assignedTo: { id: assignee.id },
      customFields: { budget: 4000 },
    });
    expect(emails.sent).toEqual([
      expect.objectContaining({ to: assignee.email, subject: 'New web lead: Wendy Web' }),
    ]);
  });

  it('writes a new lead with its mirror columns, the same activity rows as a Document Service create, and one entry.create', async () => {
    const events: { uid: string; entry: Record<string, unknown> }[] = [];
    const listener = async (event: { uid: string; entry: Record<string, unknown> }) => {
      if (event.uid === LEAD && event.entry.email === 'rowan@example.com') events.push(event);
    };
    strapi.eventHub.on('entry.create', listener);
    try {
      const res = await post({
        name: 'Rowan Rows',
        email: 'rowan@example.com',
        consent: { given: true, text: 'Yes, call me.' },
      });
      expect(res.status).toBe(201);
      const lead = await leadByEmail('rowan@example.com');
      // the columns the lists and the board read (database/lead-mirrors), in step with the links
      expect(lead).toMatchObject({
        assigneeMirror: assignee.id,
        statusMirror: lead.leadStatus.id,
        sourceMirror: lead.source.id,
        publishedAt: expect.anything(),
      });
      // the rows a capture writes: the `created` row of every new lead, then the capture's own
      const rows = await strapi.db.query('plugin::crm.activity').findMany({
        where: { lead: { id: lead.id } },
        orderBy: { id: 'asc' },
        populate: { actor: true, customer: true },
      });
      expect(
        rows.map(({ action, actor, customer, data }: Record<string, unknown>) => ({
          action,
          actor,
          customer,
          data,
        }))
      ).toEqual([
        { action: 'created', actor: null, customer: null, data: { name: 'Rowan Rows' } },
        { action: 'captured_from_web_form', actor: null, customer: null, data: {} },
        {
          action: 'consent_given',
          actor: null,
          customer: null,
          data: { text: 'Yes, call me.', givenAt: expect.any(String), through: 'web form' },
        },
      ]);
      // Strapi's entry.create (webhooks) once it committed, populated and sanitized
      for (let i = 0; i < 50 && !events.length; i++) await new Promise((r) => setTimeout(r, 20));
      expect(events).toHaveLength(1);
      expect(events[0].entry).toMatchObject({
        documentId: lead.documentId,
        name: 'Rowan Rows',
        leadStatus: { name: 'New' },
        source: { name: 'Website' },
        assignedTo: { id: assignee.id },
        tags: [],
      });
      expect(events[0].entry.assigneeMirror).toBeUndefined();

      // the same entry as the Document Service's own event for the same lead: every key, the
      // linked rows whole (the capture does not read them back: it holds them)
      const viaDocuments: Record<string, unknown>[] = [];
      const documentsListener = async (event: { uid: string; entry: Record<string, unknown> }) => {
        if (event.uid === LEAD && event.entry.email === 'rowan.ds@example.com')
          viaDocuments.push(event.entry);
      };
      strapi.eventHub.on('entry.create', documentsListener);
      try {
        await strapi.documents(LEAD).create({
          data: {
            name: 'Rowan Rows',
            email: 'rowan.ds@example.com',
            leadStatus: lead.leadStatus.documentId,
            source: lead.source.documentId,
            assignedTo: assignee.id,
            isPublic: lead.isPublic,
          } as never,
        });
        for (let i = 0; i < 50 && !viaDocuments.length; i++) await new Promise((r) => setTimeout(r, 20));
      } finally {
        strapi.eventHub.removeListener('entry.create', documentsListener);
      }
      expect(viaDocuments).toHaveLength(1);
      const [ours, theirs] = [events[0].entry, viaDocuments[0]];
      expect(Object.keys(ours).sort()).toEqual(Object.keys(theirs).sort());
      for (const relation of ['leadStatus', 'source', 'assignedTo', 'tags', 'customer', 'attachments']) {
        expect([relation, ours[relation]]).toEqual([relation, theirs[relation]]);
      }
    } finally {
      strapi.eventHub.removeListener('entry.create', listener);
    }
  });

  it('ignores fields a form may not set (status, assignee, public flag, customer)', async () => {
    const res = await post({
      name: 'Sneaky Sam',
      email: 'sneaky@example.com',
      status: 'x',
      assignedTo: 1,
      isPublic: true,
      customer: 'y',
      lost: true,
      value: 1e9,
    });
    expect(res.status).toBe(201);
    const lead = await leadByEmail('sneaky@example.com');
    expect(lead).toMatchObject({
      isPublic: false,
      lost: false,
      value: null,
      leadStatus: { name: 'New' },
      assignedTo: { id: assignee.id },
    });
  });

  it('drops a submission whose honeypot is filled, answering 201 all the same', async () => {
    const before = await countRows(strapi, LEAD);
    const res = await post({ name: 'Bot', email: 'bot@example.com', nickname: 'I am a bot' });
    expect(res.status).toBe(201);
    expect(await countRows(strapi, LEAD)).toBe(before);
  });

  it('completes the open lead with the same email instead of creating another, and logs it', async () => {
    await post({ name: 'Dora Dup', email: 'dora@example.com' });
    const before = await countRows(strapi, LEAD);
    const res = await post({
      name: 'Dora Duplicate',
      email: 'DORA@example.com',
      phone: '+33 1 23',
      description: 'Second message',
    });
    expect(res.status).toBe(201);
    expect(await countRows(strapi, LEAD)).toBe(before);
    const lead = await leadByEmail('dora@example.com');
    expect(lead).toMatchObject({ name: 'Dora Dup', phone: '+33 1 23' });
    const note = await strapi.db.query('plugin::crm.note').findOne({ where: { lead: { id: lead.id } } });
    expect(note.body).toContain('Second message');
    const logged = await strapi.db
      .query('plugin::crm.activity')
      .count({ where: { action: 'web_form_resubmitted', lead: { id: lead.id } } });
    expect(logged).toBe(1);
  });

  it('completes the newest open lead with that email, passing over lost, junk and older ones', async () => {
    const email = 'olga@example.com';
    const at = (days: number) => new Date(Date.now() - days * 86400000);
    const older = await createLead(strapi, { name: 'Olga Older', email, createdAt: at(3) });
    await createLead(strapi, { name: 'Olga Lost', email: 'OLGA@example.com', lost: true, createdAt: at(1) });
    await createLead(strapi, { name: 'Olga Junk', email, junk: true, createdAt: at(1) });
    const newest = await createLead(strapi, {
      name: 'Olga Newest',
      email: 'Olga@Example.com',
      createdAt: at(2),
    });
    const res = await post({ name: 'Olga Again', email: 'OLGA@EXAMPLE.COM', phone: '+33 9 99' });
    expect(res.status).toBe(201);
    const phone = async (documentId: string) =>
      (await strapi.db.query(LEAD).findOne({ where: { documentId } })).phone;
    expect(await phone(newest.documentId)).toBe('+33 9 99');
    expect(await phone(older.documentId)).toBeNull();
  });

  it('has an index on LOWER(email) for that lookup, where the database supports one (not MariaDB)', async () => {
    const knex = strapi.db.connection;
    const client = strapi.db.dialect.client;
    const query =
      client === 'sqlite'
        ? "SELECT name FROM sqlite_master WHERE type = 'index'"
        : client === 'postgres'
          ? "SELECT indexname AS name FROM pg_indexes WHERE tablename = 'crm_leads'"
          : "SELECT index_name AS name FROM information_schema.statistics WHERE table_schema = DATABASE() AND table_name = 'crm_leads'";
    const result = await knex.raw(query);
    const rows: { name: string }[] =
      client === 'sqlite' ? result : client === 'postgres' ? result.rows : result[0];
    const mariadb = client === 'mysql' && /mariadb/i.test((await knex.raw('SELECT VERSION() AS v'))[0][0].v);
    expect(rows.map((r) => r.name).includes('crm_leads_email_lower_idx')).toBe(!mariadb);
  });

  it('creates a second lead when configured to', async () => {
    strapi.config.set('plugin::crm.webLeads.duplicates', 'create');
    try {
      await post({ name: 'Twin One', email: 'twins@example.com' });
      await post({ name: 'Twin Two', email: 'twins@example.com' });
      expect(await strapi.db.query(LEAD).count({ where: { email: 'twins@example.com' } })).toBe(2);
    } finally {
      strapi.config.set('plugin::crm.webLeads.duplicates', 'update');
    }
  });

  it('records the consent with its text and time, and exports it', async () => {
    const res = await post({
      name: 'Cora Consent',
      email: 'cora@example.com',
      consent: { given: true, text: 'I agree to be contacted.' },
    });
    expect(res.status).toBe(201);
    const lead = await leadByEmail('cora@example.com');
    const manager = await createStaff(strapi, 'Sales Manager');
    const exported = await manager.get(`/crm/leads/${lead.documentId}/export`);
    expect(exported.body.data.consents).toEqual([
      expect.objectContaining({
        text: 'I agree to be contacted.',
        through: 'web form',
        givenAt: expect.any(String),
      }),
    ]);
  });

  it.each([
    ['a missing name', { email: 'x@example.com' }, 'name'],
    ['an invalid email', { name: 'X', email: 'nope' }, 'email'],
    ['a 100 kB description', { name: 'X', description: 'x'.repeat(100_000) }, 'description'],
    ['an unknown custom field', { name: 'X', customFields: { shoeSize: 40 } }, 'customFields'],
    ['a custom field not offered on forms', { name: 'X', customFields: { score: 5 } }, 'customFields'],
    ['a custom field of the wrong type', { name: 'X', customFields: { budget: 'lots' } }, 'customFields'],
    ['a name that is not text', { name: { first: 'X' } }, 'name'],
    ['a consent without its text', { name: 'X', consent: { given: true } }, 'consent'],
  ])('answers 400 for %s, naming it, and writes nothing', async (_label, body, path) => {
    const before = await countRows(strapi, LEAD);
    const res = await post(body);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ data: null, error: { status: 400, name: 'ValidationError' } });
    expect(res.body.error.details.errors.map((e: { path: string[] }) => e.path[0])).toContain(path);
    expect(await countRows(strapi, LEAD)).toBe(before);
  });

  it('answers 400, not 500, to malformed JSON and to a body that is not an object', async () => {
    const before = await countRows(strapi, LEAD);
    const malformed = await http(strapi)
      .post(URL)
      .set('Content-Type', 'application/json')
      .send('{"name": "Broken"');
    expect(malformed.status).toBe(400);
    const text = await http(strapi).post(URL).set('Content-Type', 'text/plain').send('name=Plain');
    expect(text.status).toBe(400);
    const list = await http(strapi).post(URL).set('Content-Type', 'application/json').send('[1]');
    expect(list.status).toBe(400);
    expect(await countRows(strapi, LEAD)).toBe(before);
  });
});

describe('the generic content API', () => {
  it('exposes no lead, customer or other CRM type', async () => {
    for (const path of [
      '/api/leads',
      '/api/crm/leads',
      '/api/customers',
      '/api/crm/customers',
      '/api/crm/notes',
      '/api/lead-statuses',
    ]) {
      expect((await http(strapi).get(path)).status).toBe(404);
    }
  });
});

describe('what an attack on the web form found (each now holds)', () => {
  it("completing an existing lead does not tell the default assignee that lead's name", async () => {
    const owner = await createStaff(strapi, 'Sales Staff');
    const hidden = await createLead(strapi, {
      name: 'Hidden Acquisition Target - CEO Jane Roe',
      email: 'jane.roe@target.test',
      createdBy: owner.id,
      isPublic: false,
    });
    const res = await post({ name: 'Anything', email: 'Jane.Roe@target.test' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ data: { ok: true } });
    expect(JSON.stringify(emails.sent)).not.toContain('Jane Roe');
    // the lead was completed all the same, and its own people see the resubmission
    const actions = await strapi.db
      .query('plugin::crm.activity')
      .findMany({ where: { lead: { id: hidden.id }, action: 'web_form_resubmitted' } });
    expect(actions).toHaveLength(1);
  });

  it('writes only text attributes of the configured fields, on a new lead and on the open lead it completes alike', async () => {
    const fields = strapi.config.get('plugin::crm.webLeads.fields') as string[];
    // a misconfigured form offering a number, a date and a flag of the lead
    strapi.config.set('plugin::crm.webLeads.fields', [...fields, 'value', 'lastContactAt', 'isPublic']);
    try {
      const sent = { value: '999', lastContactAt: '2026-01-02T03:04:05.000Z', isPublic: 'true' };
      const first = await post({ name: 'Nora Numbers', email: 'nora@numbers.test', ...sent });
      expect(first.status).toBe(201);
      const made = await leadByEmail('nora@numbers.test');
      expect(made).toMatchObject({ value: null, lastContactAt: null, isPublic: false });
      // the same email again: the update path applies the same rule (the lead's empty value and
      // date stay empty)
      const again = await post({ name: 'Nora Again', email: 'nora@numbers.test', city: 'Oslo', ...sent });
      expect(again.status).toBe(201);
      expect(await strapi.db.query(LEAD).count({ where: { email: 'nora@numbers.test' } })).toBe(1);
      const completed = await leadByEmail('nora@numbers.test');
      expect(completed).toMatchObject({ value: null, lastContactAt: null, isPublic: false, city: 'Oslo' });
    } finally {
      strapi.config.set('plugin::crm.webLeads.fields', fields);
    }
  });

  it.each([
    ['customFields', { name: 'Proto', customFields: { constructor: 'x' } }],
    ['consent', { name: 'Proto', consent: { given: true, text: 't', constructor: 1 } }],
    ['customFields', { name: 'Proto', customFields: { toString: 'x' } }],
  ])('a key of Object.prototype in %s is a 400, writing nothing', async (_, body) => {
    const before = await countRows(strapi, LEAD);
    const res = await post(body);
    expect(res.status).toBe(400);
    expect(await countRows(strapi, LEAD)).toBe(before);
  });
});

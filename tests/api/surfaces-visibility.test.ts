/**
 * SPEC §3.1: a staff member who may not see a lead learns nothing of it and changes nothing of it
 * through any route the Strapi app serves — the Content Manager's lists, single documents, writes,
 * clone, bulk and `actions/*` endpoints, its relations endpoints, the media library and the content
 * API — not only the plugin's routes. Asserted by content (no identifying value of the hidden lead
 * in any body) and by effect (rows unchanged).
 */
import type { Core } from '@strapi/strapi';
import { createLead, countRows } from '../helpers/leads';
import { http, startStrapi, stopStrapi } from '../helpers/strapi';
import { createEndUser, createRole, createStaff, findRole, type Staff } from '../helpers/users';

const CM = '/content-manager/collection-types';
const LEAD = 'plugin::crm.lead';
const NOTE = 'plugin::crm.note';
const TASK = 'plugin::crm.task';
const REMINDER = 'plugin::crm.reminder';
const OPPORTUNITY = 'plugin::crm.opportunity';
const CUSTOMER = 'plugin::crm.customer';
const FILE = 'plugin::upload.file';

/** Values that only the hidden lead and what hangs off it hold. */
const SECRET = {
  email: 'hidden.hanna@secret.test',
  phone: '+44 7000 900900',
  company: 'Hidden Holdings',
  budget: 987654,
  noteBody: 'Hanna mentioned the merger, keep it quiet',
  taskTitle: 'Call Hanna about the merger',
  customerEmail: 'hanna.customer@secret.test',
};

let strapi: Core.Strapi;
let owner: Staff; // Sales Staff who owns the hidden lead
let attacker: Staff; // Sales Staff with the media library too
let author: Staff;
let editor: Staff;
let restricted: Staff; // reads every lead, but only its name and status
let outsider: Staff; // no CRM permission at all
let manager: Staff;
let merger: Staff; // Sales Staff whose own lead a manager merged into the hidden lead's customer
/** The merger's own lead, merged by a manager into the hidden lead's customer. */
let mergedLead: { id: number; documentId: string };
const hidden: Record<string, { id: number; documentId: string }> = {};
let attackerLead: { id: number; documentId: string };
let hiddenFileId: number;

const secretsIn = (body: unknown) => {
  const text = JSON.stringify(body);
  return [
    ...Object.values(SECRET)
      .map(String)
      .filter((v) => text.includes(v)),
    ...Object.entries(hidden)
      .filter(([, row]) => text.includes(row.documentId))
      .map(([kind]) => `${kind} documentId`),
  ];
};

const rowsOf = async (uid: string) => JSON.stringify(await strapi.db.query(uid as never).findMany({}));

beforeAll(async () => {
  strapi = await startStrapi();
  owner = await createStaff(strapi, 'Sales Staff');
  const staffRole = await findRole(strapi, 'Sales Staff');
  const media = await createRole(strapi, [
    { action: 'plugin::upload.read' },
    { action: 'plugin::upload.assets.update' },
    { action: 'plugin::upload.assets.create' },
  ]);
  attacker = await createStaff(strapi, staffRole.id, { extraRoles: [media.id] });
  author = await createStaff(strapi, 'Author');
  editor = await createStaff(strapi, 'Editor');
  restricted = await createStaff(
    strapi,
    (
      await createRole(strapi, [
        {
          action: 'plugin::content-manager.explorer.read',
          subject: LEAD,
          properties: { fields: ['name', 'leadStatus'] },
        },
        {
          action: 'plugin::content-manager.explorer.update',
          subject: LEAD,
          properties: { fields: ['name'] },
        },
        { action: 'plugin::content-manager.explorer.create', subject: CUSTOMER },
        { action: 'plugin::crm.leads.export' },
        { action: 'plugin::crm.leads.convert' },
        { action: 'plugin::content-manager.explorer.read', subject: NOTE },
        {
          action: 'plugin::content-manager.explorer.read',
          subject: CUSTOMER,
          properties: { fields: ['firstName'] },
        },
      ])
    ).id
  );
  outsider = await createStaff(strapi, (await createRole(strapi, [])).id);

  const lead = await createLead(strapi, {
    name: 'Hidden Hanna',
    email: SECRET.email,
    phone: SECRET.phone,
    company: SECRET.company,
    value: 1234,
    customFields: { budget: SECRET.budget },
    createdBy: owner.id,
    isPublic: false,
  });
  hidden.lead = lead as never;
  const section = (uid: string, data: Record<string, unknown>) =>
    strapi.documents(uid as never).create({ data: { ...data, lead: lead.documentId } as never });
  hidden.note = (await section(NOTE, { body: SECRET.noteBody, author: owner.id })) as never;
  hidden.task = (await section(TASK, { title: SECRET.taskTitle, status: 'open' })) as never;
  hidden.reminder = (await section(REMINDER, {
    message: 'Remind me of Hanna',
    remindAt: '2030-01-01T09:00:00.000Z',
  })) as never;
  hidden.opportunity = (await section(OPPORTUNITY, { name: 'Hanna deal', value: 5000 })) as never;
  hidden.customer = (await strapi.documents(CUSTOMER).create({
    data: { firstName: 'Hanna', email: SECRET.customerEmail, lead: lead.documentId } as never,
  })) as never;
  const uploaded = await owner
    .post(`/crm/leads/${lead.documentId}/attachments`)
    .attach('files', Buffer.from('contract of Hanna'), { filename: 'hanna.txt', contentType: 'text/plain' });
  expect(uploaded.status).toBe(201);
  const stored = await strapi.db
    .query(LEAD)
    .findOne({ where: { id: lead.id }, populate: { attachments: true } });
  hiddenFileId = stored.attachments[0].id;
  attackerLead = (await createLead(strapi, { name: 'Own Oscar', createdBy: attacker.id })) as never;
  manager = await createStaff(strapi, 'Sales Manager');
  merger = await createStaff(strapi, 'Sales Staff');
  mergedLead = (await createLead(strapi, { name: 'Merged Mo', createdBy: merger.id })) as never;
  const merge = await manager.post(`/crm/leads/${mergedLead.documentId}/convert`).send({
    customer: { firstName: 'Hanna', email: SECRET.customerEmail },
    existingCustomerId: hidden.customer.documentId,
  });
  expect(merge.status).toBe(201);
});

afterAll(async () => {
  await stopStrapi(strapi);
});

describe('Content Manager lists and single documents', () => {
  const TYPES = {
    lead: LEAD,
    note: NOTE,
    task: TASK,
    reminder: REMINDER,
    opportunity: OPPORTUNITY,
    customer: CUSTOMER,
  };

  it.each(Object.entries(TYPES))(
    'a Sales Staff list of %s carries nothing of the hidden lead',
    async (_, uid) => {
      const res = await attacker.get(`${CM}/${uid}?page=1&pageSize=100&populate=*`);
      expect(res.status).toBe(200);
      expect(secretsIn(res.body)).toEqual([]);
    }
  );

  it.each(Object.entries(TYPES))(
    'the hidden %s is a 404 on its own, like a missing one',
    async (kind, uid) => {
      expect((await attacker.get(`${CM}/${uid}/${hidden[kind].documentId}`)).status).toBe(404);
      expect((await attacker.get(`${CM}/${uid}/doesnotexist000000000000`)).status).toBe(404);
    }
  );

  it.each(Object.entries(TYPES))("the owner still lists and opens the lead's %s", async (kind, uid) => {
    const list = await owner.get(`${CM}/${uid}?page=1&pageSize=100`);
    expect(list.status).toBe(200);
    expect(JSON.stringify(list.body)).toContain(hidden[kind].documentId);
    expect((await owner.get(`${CM}/${uid}/${hidden[kind].documentId}`)).status).toBe(200);
  });

  it('an Author lists only what he created; an Editor (read without conditions) sees the lead', async () => {
    const byAuthor = await author.get(`${CM}/${LEAD}?page=1&pageSize=100`);
    expect(byAuthor.status).toBe(200);
    expect(secretsIn(byAuthor.body)).toEqual([]);
    const byEditor = await editor.get(`${CM}/${LEAD}?page=1&pageSize=100`);
    expect(byEditor.status).toBe(200);
    expect(JSON.stringify(byEditor.body)).toContain(hidden.lead.documentId);
  });

  it('a role without CRM permissions is refused everywhere', async () => {
    for (const uid of Object.values(TYPES)) {
      expect((await outsider.get(`${CM}/${uid}`)).status).toBe(403);
    }
    expect((await outsider.get('/crm/leads')).status).toBe(403);
  });
});

describe('Content Manager writes', () => {
  it('a note connected to a hidden lead is refused and nothing is stored', async () => {
    const before = await countRows(strapi, NOTE);
    for (const lead of [
      { connect: [{ documentId: hidden.lead.documentId }] },
      { connect: [{ id: hidden.lead.id }] },
      hidden.lead.documentId,
    ]) {
      const res = await attacker.post(`${CM}/${NOTE}`).send({ body: 'planted', lead });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
    }
    expect(await countRows(strapi, NOTE)).toBe(before);
  });

  it('update, delete, clone and bulk delete of hidden rows change nothing', async () => {
    const snapshot = {
      note: await rowsOf(NOTE),
      reminder: await rowsOf(REMINDER),
      opp: await rowsOf(OPPORTUNITY),
    };
    expect((await attacker.put(`${CM}/${NOTE}/${hidden.note.documentId}`).send({ body: 'x' })).status).toBe(
      404
    );
    expect(
      (await attacker.put(`${CM}/${OPPORTUNITY}/${hidden.opportunity.documentId}`).send({ value: 1 })).status
    ).toBe(404);
    expect((await attacker.del(`${CM}/${REMINDER}/${hidden.reminder.documentId}`)).status).toBe(404);
    expect((await attacker.post(`${CM}/${NOTE}/clone/${hidden.note.documentId}`).send({})).status).toBe(404);
    const bulk = await attacker
      .post(`${CM}/${REMINDER}/actions/bulkDelete`)
      .send({ documentIds: [hidden.reminder.documentId] });
    expect(bulk.status).toBeLessThan(500);
    expect(bulk.body?.data?.count ?? 0).toBe(0);
    expect({
      note: await rowsOf(NOTE),
      reminder: await rowsOf(REMINDER),
      opp: await rowsOf(OPPORTUNITY),
    }).toEqual(snapshot);
  });

  it("another author's note on a visible lead is not editable through the Content Manager", async () => {
    const shared = await createLead(strapi, { name: 'Shared Sam', createdBy: owner.id, isPublic: true });
    const note = await strapi
      .documents(NOTE)
      .create({ data: { body: 'mine', author: owner.id, lead: shared.documentId } as never });
    const res = await attacker.put(`${CM}/${NOTE}/${note.documentId}`).send({ body: 'changed' });
    expect(res.status).toBe(403);
    expect((await strapi.db.query(NOTE).findOne({ where: { id: note.id } })).body).toBe('mine');
    // the owner's own edit there lands in the lead's activity log
    const own = await owner.put(`${CM}/${NOTE}/${note.documentId}`).send({ body: 'mine, edited' });
    expect(own.status).toBe(200);
    const log = await strapi.db
      .query('plugin::crm.activity')
      .findMany({ where: { lead: { id: shared.id }, action: 'note_updated' } });
    expect(log).toHaveLength(1);
  });

  it("a hidden lead's file cannot be moved onto one's own lead", async () => {
    const res = await attacker
      .put(`${CM}/${LEAD}/${attackerLead.documentId}`)
      .send({ attachments: [hiddenFileId] });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    const own = await strapi.db
      .query(LEAD)
      .findOne({ where: { id: attackerLead.id }, populate: { attachments: true } });
    expect(own.attachments ?? []).toEqual([]);
    const victim = await strapi.db
      .query(LEAD)
      .findOne({ where: { id: hidden.lead.id }, populate: { attachments: true } });
    expect(victim.attachments.map((f: { id: number }) => f.id)).toEqual([hiddenFileId]);
  });
});

describe('Content Manager relations and actions', () => {
  it('existence oracles answer as for a missing id', async () => {
    const count = (id: string) =>
      attacker.get(`${CM}/${LEAD}/actions/countManyEntriesDraftRelations?documentIds[0]=${id}`);
    expect((await count(hidden.lead.documentId)).status).toBe(
      (await count('doesnotexist000000000000')).status
    );
    const validation = await attacker
      .post(`${CM}/${LEAD}/actions/bulkFindForValidation`)
      .send({ documentIds: [hidden.lead.documentId] });
    expect(secretsIn(validation.body)).toEqual([]);
    expect(JSON.stringify(validation.body)).not.toContain(owner.email);
  });

  it('relations of a hidden note are a 404; pickers offer no hidden lead or customer', async () => {
    expect(
      (await attacker.get(`/content-manager/relations/${NOTE}/${hidden.note.documentId}/lead`)).status
    ).toBe(404);
    for (const [model, field] of [
      [NOTE, 'lead'],
      [NOTE, 'customer'],
      [LEAD, 'customer'],
      [CUSTOMER, 'lead'],
    ]) {
      const res = await attacker.get(`/content-manager/relations/${model}/${field}?pageSize=100`);
      expect(res.status).toBe(200);
      expect(secretsIn(res.body)).toEqual([]);
    }
  });
});

describe('media library and content API', () => {
  it('the media library lists and opens no file of a hidden lead', async () => {
    const list = await attacker.get('/upload/files?pageSize=100');
    expect(list.status).toBe(200);
    expect(JSON.stringify(list.body)).not.toContain('hanna.txt');
    expect((await attacker.get(`/upload/files/${hiddenFileId}`)).status).toBe(404);
    const fileBefore = await rowsOf(FILE);
    await attacker.del(`/upload/files/${hiddenFileId}`);
    expect(await rowsOf(FILE)).toEqual(fileBefore);
  });

  it('an API token lists no CRM file', async () => {
    const token = await strapi.service('admin::api-token').create({
      name: `read-only-${Date.now()}`,
      type: 'read-only',
      lifespan: null,
    });
    const res = await http(strapi).get('/api/upload/files').set('Authorization', `Bearer ${token.accessKey}`);
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body)).not.toContain('hanna.txt');
  });
});

describe('field-level read permissions on the plugin routes', () => {
  it('a role reading only name and status gets no other field, and cannot search on them', async () => {
    const list = await restricted.get('/crm/leads?pageSize=100');
    expect(list.status).toBe(200);
    const row = list.body.data.find((l: { documentId: string }) => l.documentId === hidden.lead.documentId);
    expect(row).toEqual(expect.objectContaining({ name: 'Hidden Hanna', status: expect.any(Object) }));
    expect(row).not.toHaveProperty('email');
    expect(row).not.toHaveProperty('value');
    expect(row).not.toHaveProperty('company');
    expect(secretsIn(list.body).filter((s) => !s.endsWith('documentId'))).toEqual([]);
    const detail = await restricted.get(`/crm/leads/${hidden.lead.documentId}`);
    expect(detail.status).toBe(200);
    expect(secretsIn(detail.body).filter((s) => !s.endsWith('documentId'))).toEqual([]);
    const board = await restricted.get('/crm/leads/board');
    expect(secretsIn(board.body).filter((s) => !s.endsWith('documentId'))).toEqual([]);
    const search = await restricted.get(`/crm/leads?q=${encodeURIComponent(SECRET.email)}`);
    expect(search.body.data).toEqual([]);
    const byName = await restricted.get('/crm/leads?q=Hidden%20Hanna');
    expect(byName.body.data.map((l: { documentId: string }) => l.documentId)).toEqual([
      hidden.lead.documentId,
    ]);
  });

  it("the lead's activity, GDPR export and conversion prefill carry no value of an unreadable field", async () => {
    const probe = await createLead(strapi, {
      name: 'Probe Paul',
      email: 'old.secret@secret.test',
      phone: SECRET.phone,
      company: SECRET.company,
      customFields: { budget: SECRET.budget },
      createdBy: owner.id,
    });
    expect((await owner.put(`/crm/leads/${probe.documentId}`).send({ email: SECRET.email })).status).toBe(
      200
    );
    const activity = await restricted.get(`/crm/leads/${probe.documentId}/activity`);
    expect(activity.status).toBe(200);
    expect(activity.body.data).toEqual(
      expect.arrayContaining([expect.objectContaining({ action: 'field_changed', data: { field: 'email' } })])
    );
    expect(JSON.stringify(activity.body)).not.toContain('secret.test');
    const exported = await restricted.get(`/crm/leads/${probe.documentId}/export`);
    expect(exported.status).toBe(200);
    expect(exported.text).toContain('Probe Paul');
    expect(exported.text).not.toContain('secret.test');
    expect(exported.text).not.toContain(SECRET.company);
    const prefill = await restricted.get(`/crm/leads/${probe.documentId}/conversion`);
    expect(prefill.status).toBe(200);
    expect(prefill.body.data.customer.firstName).toBe('Probe');
    expect(secretsIn(prefill.body).filter((v) => !v.endsWith('documentId'))).toEqual([]);
    // the owner, reading every field, still gets them all
    const full = await owner.get(`/crm/leads/${probe.documentId}/activity`);
    expect(JSON.stringify(full.body)).toContain(SECRET.email);
  });
});

describe('what the first attack on this change found (each now holds)', () => {
  it('a customer merged from a visible lead shows, but not the hidden lead it came from', async () => {
    const res = await merger.get(
      `${CM}/${LEAD}/${mergedLead.documentId}?populate[customer][populate][lead][populate][attachments]=true`
    );
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body)).toContain(hidden.customer.documentId);
    expect(
      secretsIn(res.body).filter((v) => v !== 'customer documentId' && v !== SECRET.customerEmail)
    ).toEqual([]);
    const list = await merger.get(`${CM}/${LEAD}?pageSize=100&populate[customer][populate]=lead`);
    expect(
      secretsIn(list.body).filter((v) => v !== 'customer documentId' && v !== SECRET.customerEmail)
    ).toEqual([]);
  });

  it('filters through relations do not spell out a hidden lead', async () => {
    const oracle = (email: string) =>
      merger.get(`/crm/leads?includeConverted=true&filters[customer][lead][email][$eq]=${email}`);
    expect((await oracle(SECRET.email)).body.data).toEqual([]);
    const viaCm = await merger.get(
      `${CM}/${LEAD}?filters[$and][0][customer][lead][name][$startsWith]=Hidden`
    );
    expect(viaCm.status).toBe(200);
    expect(viaCm.body.results).toEqual([]);
  });

  it("the plugin's customer routes answer 404 for a hidden customer, and write nothing", async () => {
    const other = await createStaff(strapi, 'Sales Staff');
    const id = hidden.customer.documentId;
    const before = await rowsOf(NOTE);
    expect((await other.get(`/crm/customers/${id}/notes`)).status).toBe(404);
    expect((await other.get(`/crm/customers/${id}/tasks`)).status).toBe(404);
    expect((await other.get(`/crm/customers/${id}/attachments`)).status).toBe(404);
    expect((await other.post(`/crm/customers/${id}/notes`).send({ body: 'was here' })).status).toBe(404);
    expect(await rowsOf(NOTE)).toEqual(before);
  });

  it('the conversion neither shows nor merges into a customer the caller cannot see', async () => {
    const other = await createStaff(strapi, 'Sales Staff');
    const probe = await createLead(strapi, {
      name: 'Probing Pete',
      email: SECRET.customerEmail.toUpperCase(),
      createdBy: other.id,
    });
    const prefill = await other.get(`/crm/leads/${probe.documentId}/conversion`);
    expect(prefill.status).toBe(200);
    expect(prefill.body.data.existingCustomer).toBeNull();
    const customers = await rowsOf(CUSTOMER);
    const plain = await other
      .post(`/crm/leads/${probe.documentId}/convert`)
      .send({ customer: { firstName: 'Pete', email: SECRET.customerEmail } });
    expect(plain.status).toBe(409);
    expect(JSON.stringify(plain.body)).not.toContain(hidden.customer.documentId);
    const merge = await other.post(`/crm/leads/${probe.documentId}/convert`).send({
      customer: { firstName: 'Pete', email: SECRET.customerEmail, phone: '+1 ATTACKER' },
      existingCustomerId: hidden.customer.documentId,
    });
    expect(merge.status).toBe(400);
    expect(await rowsOf(CUSTOMER)).toEqual(customers);
  });

  it("a reminder of a lead one no longer sees is not listed in one's reminders", async () => {
    const other = await createStaff(strapi, 'Sales Staff');
    await strapi.documents(REMINDER).create({
      data: {
        message: 'call Hanna re: secret deal',
        remindAt: '2030-01-01T09:00:00.000Z',
        staff: other.id,
        lead: hidden.lead.documentId,
      } as never,
    });
    const res = await other.get('/crm/reminders');
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body)).not.toContain('secret deal');
  });

  it("the homepage's document count does not count hidden rows", async () => {
    const count = async () => (await attacker.get('/content-manager/homepage/count-documents')).body.data;
    const before = await count();
    await createLead(strapi, { name: 'Another Hidden', createdBy: owner.id });
    expect(await count()).toEqual(before);
    await createLead(strapi, { name: 'Another Own', createdBy: attacker.id });
    expect((await count()).published).toBe(before.published + 1);
  });

  it('a field-restricted role cannot probe unreadable fields through shortcuts and toggles', async () => {
    const budget = await restricted.get(`/crm/leads?customFields[budget]=${SECRET.budget}`);
    const none = await restricted.get('/crm/leads?customFields[budget]=1');
    expect(budget.body.meta.pagination.total).toBe(none.body.meta.pagination.total);
    const assigned = await restricted.get(`/crm/leads?assignedTo=${owner.id}`);
    const all = await restricted.get('/crm/leads');
    expect(assigned.body.meta.pagination.total).toBe(all.body.meta.pagination.total);
    await createLead(strapi, { name: 'Lost Lana', createdBy: owner.id, lost: true });
    const withLost = await restricted.get('/crm/leads?includeLost=true');
    expect(withLost.body.meta.pagination.total).toBe(
      (await restricted.get('/crm/leads')).body.meta.pagination.total
    );
  });

  it("a note's populated lead shows only the lead fields the role may read", async () => {
    const res = await restricted.get(`${CM}/${NOTE}?pageSize=100&populate[lead]=true`);
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body)).toContain('Hidden Hanna');
    // the role reads every note and every lead's name: only the lead's other fields are hidden
    const readable = [SECRET.noteBody, SECRET.taskTitle];
    expect(secretsIn(res.body).filter((v) => !v.endsWith('documentId') && !readable.includes(v))).toEqual([]);
    const oracle = await restricted.get(`${CM}/${NOTE}?filters[lead][email][$eq]=nobody@nowhere.test`);
    expect(oracle.body.results?.length).toBe(res.body.results.length);
  });
});

describe('the matrix of who sees a section, on the Content Manager', () => {
  type Who = 'creator' | 'assignee' | 'neither' | 'manager' | 'author' | 'editor' | 'outsider';
  const people: Partial<Record<Who, Staff>> = {};
  const notes: Record<'private' | 'public', { documentId: string }> = {} as never;

  beforeAll(async () => {
    people.creator = await createStaff(strapi, 'Sales Staff');
    people.assignee = await createStaff(strapi, 'Sales Staff');
    people.neither = await createStaff(strapi, 'Sales Staff');
    people.manager = manager;
    people.author = author;
    people.editor = editor;
    people.outsider = outsider;
    for (const kind of ['private', 'public'] as const) {
      const lead = await createLead(strapi, {
        name: `Matrix ${kind}`,
        createdBy: people.creator.id,
        assignedTo: people.assignee.id,
        isPublic: kind === 'public',
      });
      notes[kind] = await strapi
        .documents(NOTE)
        .create({ data: { body: `matrix ${kind} note`, lead: lead.documentId } as never });
    }
  });

  const SEES: Record<Who, { private: number; public: number }> = {
    creator: { private: 200, public: 200 },
    assignee: { private: 200, public: 200 },
    neither: { private: 404, public: 200 },
    manager: { private: 200, public: 200 },
    // Strapi's own roles as Strapi makes them: Author reads what he created, Editor everything
    author: { private: 404, public: 404 },
    editor: { private: 200, public: 200 },
    outsider: { private: 403, public: 403 },
  };

  it.each(Object.keys(SEES) as Who[])(
    '%s opens a note of a private and of a public lead as expected',
    async (who) => {
      for (const kind of ['private', 'public'] as const) {
        const res = await people[who]!.get(`${CM}/${NOTE}/${notes[kind].documentId}?populate=lead`);
        expect({ kind, status: res.status }).toEqual({ kind, status: SEES[who][kind] });
        const list = await people[who]!.get(`${CM}/${NOTE}?pageSize=100&populate=lead`);
        if (list.status === 200)
          expect({ kind, listed: JSON.stringify(list.body).includes(`matrix ${kind} note`) }).toEqual({
            kind,
            listed: SEES[who][kind] === 200,
          });
      }
    }
  );
});

describe('what the second attack on this change found (each now holds)', () => {
  const customers = (who: Staff, query: string) =>
    who.get(`${CM}/${CUSTOMER}?pageSize=100&${query}`).then((res) => {
      expect(res.status).toBe(200);
      return res.body.results.map((c: { documentId: string }) => c.documentId);
    });

  it('filters through a relation wrapped in $and, $or or $not do not reach a hidden lead', async () => {
    const company = encodeURIComponent(SECRET.company);
    expect(await customers(merger, `filters[lead][$and][0][company][$eq]=${company}`)).toEqual([]);
    expect(await customers(merger, `filters[lead][$or][0][company][$eq]=${company}`)).toEqual([]);
    const negated = await merger.get(`${CM}/${CUSTOMER}?filters[lead][$not][email][$null]=true`);
    expect(negated.status).toBe(200);
    const viaPlugin = await merger.get(
      `/crm/leads?includeConverted=true&filters[customer][lead][$and][0][company][$eq]=${company}`
    );
    expect(viaPlugin.body.data).toEqual([]);
    const everyNote = await restricted.get(`${CM}/${NOTE}?pageSize=100`);
    const probed = await restricted.get(
      `${CM}/${NOTE}?pageSize=100&filters[lead][$and][0][email][$startsWith]=zzz`
    );
    expect(probed.body.results.length).toBe(everyNote.body.results.length);
  });

  it('sorting through a relation to a hidden lead, or on an unreadable field, does not order the rows', async () => {
    expect(await customers(merger, 'sort=lead.email:asc')).toEqual(
      await customers(merger, 'sort=lead.email:desc')
    );
    const ids = async (sort: string) =>
      (await restricted.get(`${CM}/${LEAD}?pageSize=100&sort=${sort}`)).body.results.map(
        (l: { documentId: string }) => l.documentId
      );
    expect(await ids('value:asc')).toEqual(await ids('value:desc'));
  });

  it("the Content Manager's search looks only into the fields the role may read", async () => {
    const search = async (q: string) =>
      (await restricted.get(`${CM}/${LEAD}?pageSize=100&_q=${encodeURIComponent(q)}`)).body.results.map(
        (l: { documentId: string }) => l.documentId
      );
    expect(await search(SECRET.email)).toEqual([]);
    expect(await search('1234')).toEqual([]);
    expect(await search('Hidden Hanna')).toContain(hidden.lead.documentId);
  });

  it("no file reaches a CRM record through the upload plugin's own link, for an API token or staff", async () => {
    const before = await rowsOf(FILE);
    const token = await strapi.service('admin::api-token').create({
      name: `full-${Date.now()}`,
      type: 'full-access',
      lifespan: null,
    });
    const viaToken = await http(strapi)
      .post('/api/upload')
      .set('Authorization', `Bearer ${token.accessKey}`)
      .field('ref', LEAD)
      .field('refId', String(hidden.lead.id))
      .field('field', 'attachments')
      .attach('files', Buffer.from('<html>x</html>'), { filename: 'invoice.html', contentType: 'text/html' });
    expect(viaToken.status).toBe(400);
    const viaStaff = await attacker
      .post('/upload')
      .field('ref', LEAD)
      .field('refId', String(attackerLead.id))
      .field('field', 'attachments')
      .attach('files', Buffer.from('<html>x</html>'), { filename: 'invoice.html', contentType: 'text/html' });
    expect(viaStaff.status).toBe(400);
    expect((await rowsOf(FILE)).length).toBeGreaterThanOrEqual(before.length);
    const leads = await strapi.db.query(LEAD).findMany({
      where: { id: { $in: [hidden.lead.id, attackerLead.id] } },
      populate: { attachments: true },
    });
    expect(
      leads
        .flatMap((l: { attachments?: { name: string }[] }) => l.attachments ?? [])
        .map((f: { name: string }) => f.name)
    ).not.toContain('invoice.html');
  });

  it('a media-library file cannot be linked to a lead through the Content Manager, even by a manager', async () => {
    const own = await createLead(strapi, { name: 'Linked Lia', createdBy: manager.id });
    const tmp = require('path').join(require('os').tmpdir(), `media-${Date.now()}.txt`);
    require('fs').writeFileSync(tmp, 'media library file');
    const [media] = await strapi
      .plugin('upload')
      .service('upload')
      .upload({
        data: {},
        files: { filepath: tmp, originalFilename: 'media.txt', mimetype: 'text/plain', size: 18 },
      });
    const res = await manager.put(`${CM}/${LEAD}/${own.documentId}`).send({ attachments: [media.id] });
    expect(res.status).toBe(400);
    const stored = await strapi.db
      .query(LEAD)
      .findOne({ where: { id: own.id }, populate: { attachments: true } });
    expect(stored.attachments ?? []).toEqual([]);
  });

  it("a visible customer's count of its hidden original lead says 0", async () => {
    const res = await merger.get(`${CM}/${CUSTOMER}/${hidden.customer.documentId}`);
    expect(res.status).toBe(200);
    expect(res.body.data.lead).toEqual({ count: 0 });
    const own = await owner.get(`${CM}/${CUSTOMER}/${hidden.customer.documentId}`);
    expect(own.body.data.lead).toEqual({ count: 1 });
  });

  it("a customer keeps the lead it came from: its link is the conversion's", async () => {
    const before = await strapi.db
      .query(CUSTOMER)
      .findOne({ where: { id: hidden.customer.id }, populate: { lead: true } });
    const res = await merger
      .put(`${CM}/${CUSTOMER}/${hidden.customer.documentId}`)
      .send({ lead: { disconnect: [{ id: hidden.lead.id }] } });
    expect(res.status).toBe(400);
    const after = await strapi.db
      .query(CUSTOMER)
      .findOne({ where: { id: hidden.customer.id }, populate: { lead: true } });
    expect(after.lead.id).toBe(before.lead.id);
  });
});

describe('what the third attack on this change found (each now holds)', () => {
  it("a customer's portal login cannot be linked to another customer through the Content Manager", async () => {
    const portal = await createEndUser(strapi, { roleType: 'customer' });
    await strapi.db
      .query(CUSTOMER)
      .update({ where: { id: hidden.customer.id }, data: { user: portal.user.id } });
    const linked = () => strapi.db.query(CUSTOMER).count({ where: { user: { id: portal.user.id } } });
    expect(await linked()).toBe(1);
    const created = await attacker.post(`${CM}/${CUSTOMER}`).send({
      firstName: 'Probe',
      email: `probe.${Date.now()}@x.test`,
      user: { connect: [{ id: portal.user.id }] },
    });
    expect(created.status).toBe(400);
    const own = await attacker
      .post(`${CM}/${CUSTOMER}`)
      .send({ firstName: 'Own', email: `own.${Date.now()}@x.test` });
    expect(own.status).toBe(201);
    const moved = await attacker
      .put(`${CM}/${CUSTOMER}/${own.body.data.documentId}`)
      .send({ user: { connect: [{ id: portal.user.id }] } });
    expect(moved.status).toBe(400);
    expect(await linked()).toBe(1);
    const me = await http(strapi).get('/api/crm/me').set('Authorization', `Bearer ${portal.jwt}`);
    expect(me.body.data.documentId).toBe(hidden.customer.documentId);
  });

  it('a role reading only some customer fields cannot probe the others through a related filter', async () => {
    await strapi
      .documents(NOTE)
      .create({ data: { body: 'customer note', customer: hidden.customer.documentId } as never });
    const every = await restricted.get(`${CM}/${NOTE}?pageSize=100`);
    const probed = await restricted.get(
      `${CM}/${NOTE}?pageSize=100&filters[customer][email][$startsWith]=zzz`
    );
    expect(probed.status).toBe(200);
    expect(probed.body.results.length).toBe(every.body.results.length);
    const populated = await restricted.get(`${CM}/${NOTE}?pageSize=100&populate[customer]=true`);
    expect(JSON.stringify(populated.body)).not.toContain(SECRET.customerEmail);
  });

  it('a search text given as a list is a 400, not a 500', async () => {
    for (const query of ['_q[]=a', '_q[a]=b']) {
      const res = await attacker.get(`${CM}/${LEAD}?${query}`);
      expect(res.status).toBe(400);
    }
  });

  it('a role whose lead read leaves out the attachments field neither lists nor downloads the files', async () => {
    const list = await restricted.get(`/crm/leads/${hidden.lead.documentId}/attachments`);
    expect(list.status).toBe(200);
    expect(list.body.data).toEqual([]);
    const file = await strapi.db.query(FILE).findOne({ where: { id: hiddenFileId } });
    expect((await restricted.get(`/crm/attachments/${file.documentId}/file`)).status).toBe(404);
    expect((await owner.get(`/crm/attachments/${file.documentId}/file`)).status).toBe(200);
  });
});

describe('what the fourth attack on this change found (each now holds)', () => {
  it('a conversion never hands the customer to an account someone registered with its email', async () => {
    const victimEmail = `cfo.${Date.now()}@victimcorp.test`;
    const squatter = await http(strapi)
      .post('/api/auth/local/register')
      .send({ username: `squatter${Date.now()}`, email: victimEmail, password: 'Attacker-Pass-1' });
    expect(squatter.status).toBe(200);
    const lead = await createLead(strapi, { name: 'Carl Cfo', email: victimEmail, createdBy: owner.id });
    const customers = await rowsOf(CUSTOMER);
    const res = await owner.post(`/crm/leads/${lead.documentId}/convert`).send({
      customer: { firstName: 'Carl', email: victimEmail },
      login: { enabled: true, password: 'Carls-Strong-Pass-9' },
    });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/already exists/);
    expect(await rowsOf(CUSTOMER)).toEqual(customers);
    const me = await http(strapi).get('/api/crm/me').set('Authorization', `Bearer ${squatter.body.jwt}`);
    expect(me.status).not.toBe(200);
  });

  it('write answers show only the fields the role may read; a flag outside its update fields is refused', async () => {
    const res = await restricted.put(`/crm/leads/${hidden.lead.documentId}`).send({ name: 'Hidden Hanna' });
    expect(res.status).toBe(200);
    expect(res.body.data.name).toBe('Hidden Hanna');
    expect(secretsIn(res.body).filter((v) => !v.endsWith('documentId'))).toEqual([]);
    const flag = await restricted.post(`/crm/leads/${hidden.lead.documentId}/junk`).send({ value: true });
    expect(flag.status).toBe(403);
    expect((await strapi.db.query(LEAD).findOne({ where: { id: hidden.lead.id } })).junk).toBe(false);
  });

  it('a converted lead locked to its staff keeps its files as they are', async () => {
    const mine = await createLead(strapi, { name: 'Locked Files', createdBy: owner.id });
    const up = await owner
      .post(`/crm/leads/${mine.documentId}/attachments`)
      .attach('files', Buffer.from('before conversion'), { filename: 'a.txt', contentType: 'text/plain' });
    expect(up.status).toBe(201);
    const converted = await owner
      .post(`/crm/leads/${mine.documentId}/convert`)
      .send({ customer: { firstName: 'Locked', email: `locked.${Date.now()}@x.test` } });
    expect(converted.status).toBe(201);
    const more = await owner
      .post(`/crm/leads/${mine.documentId}/attachments`)
      .attach('files', Buffer.from('after'), { filename: 'b.txt', contentType: 'text/plain' });
    expect(more.status).toBe(403);
    expect((await owner.del(`/crm/attachments/${up.body.data[0].documentId}`)).status).toBe(403);
    const stored = await strapi.db
      .query(LEAD)
      .findOne({ where: { id: mine.id }, populate: { attachments: true } });
    expect(stored.attachments.map((f: { name: string }) => f.name)).toEqual(['a.txt']);
  });

  it("a note cannot be signed with someone else's name through the Content Manager", async () => {
    const shared = await createLead(strapi, { name: 'Signed Sid', createdBy: owner.id, isPublic: true });
    const theirs = await strapi
      .documents(NOTE)
      .create({ data: { body: 'approved by owner', author: owner.id, lead: shared.documentId } as never });
    const before = await rowsOf(NOTE);
    const forged = await attacker.post(`${CM}/${NOTE}`).send({
      body: 'I approve a 90% discount',
      lead: shared.documentId,
      author: { connect: [{ id: owner.id }] },
    });
    expect(forged.status).toBe(400);
    const cloned = await attacker.post(`${CM}/${NOTE}/clone/${theirs.documentId}`).send({ body: 'cloned' });
    expect(cloned.status).toBe(400);
    expect(await rowsOf(NOTE)).toEqual(before);
    const own = await attacker.post(`${CM}/${NOTE}`).send({ body: 'mine', lead: shared.documentId });
    expect(own.status).toBe(201);
    const moved = await attacker
      .put(`${CM}/${NOTE}/${own.body.data.documentId}`)
      .send({ author: { connect: [{ id: owner.id }] } });
    expect(moved.status).toBe(400);
  });

  it('a second custom field with a slug already used is a 400 in the Content Manager, not a 500', async () => {
    const field = { name: 'Region', slug: `region_${Date.now()}`, target: 'lead', type: 'text' };
    const first = await manager.post(`${CM}/plugin::crm.custom-field`).send(field);
    expect(first.status).toBe(201);
    const second = await manager.post(`${CM}/plugin::crm.custom-field`).send(field);
    expect(second.status).toBe(400);
    expect(second.body.error.details.errors[0].path).toEqual(['slug']);
  });
});

describe('what the fourth attack found (each now holds)', () => {
  it("a customer made without a lead is no longer everyone's once a hidden lead is merged into it", async () => {
    const email = `trap.${Date.now()}@x.test`;
    // the attacker prepares a customer with the email of the owner's private lead…
    const trap = await attacker.post(`${CM}/${CUSTOMER}`).send({ firstName: 'Trap', email });
    expect(trap.status).toBe(201);
    const trapId = trap.body.data.documentId;
    expect((await attacker.get(`${CM}/${CUSTOMER}/${trapId}`)).status).toBe(200);
    const secret = await createLead(strapi, {
      name: 'Private Pia',
      email,
      company: 'Pia Secret Co',
      createdBy: owner.id,
      isPublic: false,
    });
    await strapi
      .documents(NOTE)
      .create({ data: { body: 'Pia secret note', author: owner.id, lead: secret.documentId } as never });
    // …and the owner merges the private lead into it
    const merged = await owner.post(`/crm/leads/${secret.documentId}/convert`).send({
      customer: { firstName: 'Pia', email, company: 'Pia Secret Co' },
      existingCustomerId: trapId,
      transferNotes: true,
    });
    expect(merged.status).toBe(201);

    expect((await attacker.get(`${CM}/${CUSTOMER}/${trapId}`)).status).toBe(404);
    const list = await attacker.get(`${CM}/${CUSTOMER}?pageSize=100`);
    expect(list.status).toBe(200);
    expect(JSON.stringify(list.body)).not.toContain(trapId);
    expect((await attacker.get(`/crm/customers/${trapId}/notes`)).status).toBe(404);
    const notes = await attacker.get(`${CM}/${NOTE}?pageSize=100`);
    expect(JSON.stringify(notes.body)).not.toContain('Pia secret note');
    const edit = await attacker
      .put(`${CM}/${CUSTOMER}/${trapId}`)
      .send({ description: 'edited by attacker' });
    expect(edit.status).toBe(404);
    // the owner, who sees the lead, sees its customer and the copied note
    expect((await owner.get(`${CM}/${CUSTOMER}/${trapId}`)).status).toBe(200);
    const ownerNotes = await owner.get(`/crm/customers/${trapId}/notes`);
    expect(JSON.stringify(ownerNotes.body)).toContain('Pia secret note');
    const stored = await strapi.db.query(CUSTOMER).findOne({ where: { documentId: trapId } });
    expect(stored.description ?? null).toBeNull();
  });
  it("a staff member's email, login or password cannot order a picker or a list (the order spells them out)", async () => {
    const picker = `/content-manager/relations/${TASK}/assignedTo`;
    for (const sort of [
      'sort=email:asc',
      'sort=password:asc',
      'sort[0]=email:asc',
      'sort[email]=asc',
      'sort=username:desc',
    ]) {
      const res = await attacker.get(`${picker}?${sort}`);
      expect([sort, res.status]).toEqual([sort, 400]);
      expect(res.body.error.name).toBe('ValidationError');
    }
    for (const sort of [
      'sort=assignedTo.email:asc',
      'sort[assignedTo][email]=asc',
      'sort=createdBy.password:asc',
    ]) {
      const res = await attacker.get(`${CM}/${LEAD}?${sort}`);
      expect([sort, res.status]).toEqual([sort, 400]);
    }
    // spelled in capitals (the router matches any case), or by another staff field than the names
    for (const path of [
      `/Content-Manager/relations/${LEAD}/assignedTo?sort=email:asc`,
      `/content-manager/relations/${NOTE}/Author?sort=password:asc`,
      `${picker}?sort=roles.name:asc`,
      `${picker}?sort=isActive:asc`,
      `${CM}/${LEAD}?sort=assignedTo.roles.name:asc`,
    ]) {
      const res = await attacker.get(path);
      expect([path, res.status]).toEqual([path, 400]);
    }
    const notes = await attacker.get(`${CM}/${NOTE}?sort=lead.assignedTo.email:asc`);
    expect(notes.status).toBe(400);
    // the names and the lead's own email still sort
    expect((await attacker.get(`${picker}?sort=firstname:asc`)).status).toBe(200);
    expect((await attacker.get(`${CM}/${LEAD}?sort=email:asc`)).status).toBe(200);
    expect((await attacker.get(`${CM}/${LEAD}?sort=assignedTo.lastname:asc`)).status).toBe(200);
  });
  it('a relation field the role may not read is a 403 from the relations endpoints, not a 500', async () => {
    // `restricted` reads only the lead's name and status, and no activity at all
    for (const path of [
      `/content-manager/relations/${LEAD}/assignedTo`,
      `/content-manager/relations/${LEAD}/${hidden.lead.documentId}/assignedTo`,
      '/content-manager/relations/plugin::crm.activity/lead',
    ]) {
      const res = await restricted.get(path);
      expect([path, res.status, res.body.error?.name]).toEqual([path, 403, 'ForbiddenError']);
    }
    const statuses = await restricted.get(`/content-manager/relations/${LEAD}/leadStatus`);
    expect(statuses.status).toBe(200);
    expect(statuses.body.results.length).toBeGreaterThan(0);
  });
  it("the Content Manager's own pages of staff accounts are closed to a role that reads staff names only", async () => {
    for (const path of [
      `${CM}/admin::user?_q=${encodeURIComponent(owner.email)}`,
      `${CM}/admin::user?sort=email:asc`,
      `/Content-Manager/collection-types/ADMIN::USER?_q=a`,
      `${CM}/admin::user/${owner.id}`,
    ]) {
      const res = await attacker.get(path);
      // ours, or the Content Manager's own policy where it already refuses (a single account)
      expect([path, res.status]).toEqual([path, 403]);
      expect(['ForbiddenError', 'PolicyError']).toContain(res.body.error?.name);
      expect(JSON.stringify(res.body)).not.toContain(owner.email);
    }
    // a Super Admin keeps them; the staff picker of a lead still names people
    const admin = await createStaff(strapi, 'Super Admin');
    expect((await admin.get(`${CM}/admin::user?pageSize=5`)).status).toBe(200);
    const picker = await attacker.get(`/content-manager/relations/${LEAD}/assignedTo?_q=${owner.firstname}`);
    expect(picker.status).toBe(200);
  });
  it("a converted lead's customer stays the lead's once the lead is deleted (its copied notes with it)", async () => {
    const email = `gone.${Date.now()}@x.test`;
    const secret = await createLead(strapi, {
      name: 'Gone Gus',
      email,
      createdBy: owner.id,
      isPublic: false,
    });
    await strapi
      .documents(NOTE)
      .create({ data: { body: 'Gus secret note', author: owner.id, lead: secret.documentId } as never });
    const converted = await owner
      .post(`/crm/leads/${secret.documentId}/convert`)
      .send({ customer: { firstName: 'Gus', email }, transferNotes: true });
    expect(converted.status).toBe(201);
    const customerId = converted.body.data.customer.documentId;
    expect((await manager.del(`/crm/leads/${secret.documentId}`)).status).toBe(200);

    expect((await attacker.get(`${CM}/${CUSTOMER}/${customerId}`)).status).toBe(404);
    expect((await attacker.get(`/crm/customers/${customerId}/notes`)).status).toBe(404);
    const notes = await attacker.get(`${CM}/${NOTE}?pageSize=100`);
    expect(JSON.stringify(notes.body)).not.toContain('Gus secret note');
    // a manager, who reads every lead, still sees it; nobody can clear its origin
    expect((await manager.get(`${CM}/${CUSTOMER}/${customerId}`)).status).toBe(200);
    const cleared = await manager
      .put(`${CM}/${CUSTOMER}/${customerId}`)
      .send({ fromLead: false, description: 'x' });
    expect(cleared.status).toBeLessThan(500);
    const stored = await strapi.db.query(CUSTOMER).findOne({ where: { documentId: customerId } });
    expect(stored.fromLead).toBe(true);
    expect((await attacker.get(`${CM}/${CUSTOMER}/${customerId}`)).status).toBe(404);
  });

  it('a customer of an earlier version gets its origin at boot, from its lead or the activity of a deleted one', async () => {
    const { backfillCustomerOrigins } = await import('../../server/src/database/customer-origin');
    const lead = await createLead(strapi, { name: 'Old Olga', createdBy: owner.id });
    const made = await owner
      .post(`/crm/leads/${lead.documentId}/convert`)
      .send({ customer: { firstName: 'Olga', email: `olga.${Date.now()}@x.test` } });
    const customerId = made.body.data.customer.documentId;
    const gone = await createLead(strapi, { name: 'Old Otto', createdBy: owner.id });
    const madeGone = await owner
      .post(`/crm/leads/${gone.documentId}/convert`)
      .send({ customer: { firstName: 'Otto', email: `otto.${Date.now()}@x.test` } });
    await manager.del(`/crm/leads/${gone.documentId}`);
    const plain = await attacker
      .post(`${CM}/${CUSTOMER}`)
      .send({ firstName: 'Plain', email: `plain.${Date.now()}@x.test` });
    // as an earlier version left them: no origin recorded
    await strapi.db.query(CUSTOMER).updateMany({ where: {}, data: { fromLead: false } });
    await strapi.store({ type: 'plugin', name: 'crm' }).delete({ key: 'customer-origin-from-activity' });
    await backfillCustomerOrigins(strapi as never);
    const origin = async (documentId: string) =>
      (await strapi.db.query(CUSTOMER).findOne({ where: { documentId } })).fromLead;
    expect(await origin(customerId)).toBe(true);
    expect(await origin(madeGone.body.data.customer.documentId)).toBe(true);
    expect(await origin(plain.body.data.documentId)).toBe(false);
  });
});

describe('what the fourth attack found (each now holds)', () => {
  it("a lead deleted in the Content Manager takes its sections with it: none is left for anyone's section routes", async () => {
    const lead = await createLead(strapi, { name: 'Doomed Dora', createdBy: manager.id, isPublic: true });
    const base = `/crm/leads/${lead.documentId}`;
    const task = await owner.post(`${base}/tasks`).send({ title: 'doomed task' });
    const opportunity = await owner.post(`${base}/opportunities`).send({ name: 'doomed deal', value: 5000 });
    const note = await owner.post(`${base}/notes`).send({ body: 'doomed note' });
    const reminder = await owner
      .post(`${base}/reminders`)
      .send({ message: 'doomed reminder', remindAt: '2030-01-01T09:00:00.000Z' });
    expect([task, opportunity, note, reminder].map((res) => res.status)).toEqual([201, 201, 201, 201]);

    expect((await manager.del(`${CM}/${LEAD}/${lead.documentId}`)).status).toBe(200);
    for (const [uid, res] of [
      [TASK, task],
      [OPPORTUNITY, opportunity],
      [NOTE, note],
      [REMINDER, reminder],
    ] as const) {
      const where = { documentId: res.body.data.documentId };
      expect([uid, await strapi.db.query(uid).count({ where })]).toEqual([uid, 0]);
    }
    expect(
      (await attacker.put(`/crm/tasks/${task.body.data.documentId}`).send({ title: 'hijacked' })).status
    ).toBe(404);
  });

  it('a section that hangs off nothing is reached on the section routes only by those who see every lead', async () => {
    const orphan = await strapi.documents(TASK).create({ data: { title: 'orphan task' } as never });
    const res = await attacker.put(`/crm/tasks/${orphan.documentId}`).send({ title: 'hijacked' });
    expect(res.status).toBe(404);
    expect((await attacker.del(`/crm/tasks/${orphan.documentId}`)).status).toBe(404);
    expect((await strapi.db.query(TASK).findOne({ where: { documentId: orphan.documentId } })).title).toBe(
      'orphan task'
    );
    expect((await manager.put(`/crm/tasks/${orphan.documentId}`).send({ title: 'tidied' })).status).toBe(200);
  });

  it('a task or reminder given in the Content Manager to someone who may not see its lead is a 400 that writes nothing', async () => {
    // the attacker's own private lead: the owner may not see it
    const lead = { connect: [{ documentId: attackerLead.documentId }] };
    for (const [uid, body, field] of [
      [TASK, { title: 'CM task' }, 'assignedTo'],
      [REMINDER, { message: 'CM reminder', remindAt: '2030-01-01T09:00:00.000Z' }, 'staff'],
    ] as const) {
      const before = await countRows(strapi, uid);
      const created = await attacker
        .post(`${CM}/${uid}`)
        .send({ ...body, lead, [field]: { connect: [{ id: owner.id }] } });
      expect([uid, created.status]).toEqual([uid, 400]);
      expect(JSON.stringify(created.body.error)).toContain('may not see this lead');
      expect(await countRows(strapi, uid)).toBe(before);

      const made = await attacker.post(`${CM}/${uid}`).send({ ...body, lead });
      expect([uid, made.status]).toEqual([uid, 201]);
      const changed = await attacker
        .put(`${CM}/${uid}/${made.body.data.documentId}`)
        .send({ [field]: { connect: [{ id: owner.id }] } });
      expect([uid, changed.status]).toEqual([uid, 400]);
      const stored = await strapi.db
        .query(uid)
        .findOne({ where: { documentId: made.body.data.documentId }, populate: [field] });
      expect(stored[field]).toBeNull();
      // someone who sees the lead (a manager) may be given it
      const given = await attacker
        .put(`${CM}/${uid}/${made.body.data.documentId}`)
        .send({ [field]: { connect: [{ id: manager.id }] } });
      expect([uid, given.status]).toEqual([uid, 200]);
    }
  });
});

describe('what the fifth attack found (each now holds)', () => {
  it("a bare test of a relation (filters[lead][$notNull], [$eq]=id, =id) neither says that a customer's hidden lead exists nor its id", async () => {
    const count = async (query: string) => {
      const res = await merger.get(`${CM}/${CUSTOMER}?pageSize=100&${query}`);
      expect([query, res.status]).toEqual([query, 200]);
      return res.body.results.map((c: { documentId: string }) => c.documentId);
    };
    const id = hidden.lead.id;
    for (const query of [
      'filters[lead][$notNull]=true',
      `filters[lead][$eq]=${id}`,
      `filters[lead]=${id}`,
      `filters[lead][$in][0]=${id}`,
      `filters[lead][$gt]=${id - 1}`,
      `filters[$and][0][lead][$notNull]=true`,
    ]) {
      expect([query, await count(query)]).toEqual([query, []]);
    }
    // the customer has no lead the caller may see
    expect(await count('filters[lead][$null]=true')).toContain(hidden.customer.documentId);
    // a manager, who sees the lead, finds it by its id
    const seen = await manager.get(`${CM}/${CUSTOMER}?filters[lead][$eq]=${id}`);
    expect(seen.body.results.map((c: { documentId: string }) => c.documentId)).toEqual([
      hidden.customer.documentId,
    ]);
  });

  it("a role that may not read customers' portal users cannot spell a portal login's email out through a filter", async () => {
    const portal = await createEndUser(strapi);
    const customer = await strapi.documents(CUSTOMER).create({
      data: { firstName: 'Portia', email: portal.email, user: portal.user.id } as never,
    });
    const role = await createRole(strapi, [
      {
        action: 'plugin::content-manager.explorer.read',
        subject: CUSTOMER,
        properties: { fields: ['firstName', 'lastName', 'user', 'lead'] },
      },
      {
        action: 'plugin::content-manager.explorer.read',
        subject: LEAD,
        properties: { fields: ['name', 'customer'] },
      },
    ]);
    const reader = await createStaff(strapi, role.id);
    const total = async (path: string) => {
      const res = await reader.get(path);
      expect([path, res.status]).toEqual([path, 200]);
      return res.body.pagination.total;
    };
    const prefix = portal.email.slice(0, 6);
    for (const base of [`${CM}/${CUSTOMER}?filters[user]`, `${CM}/${LEAD}?filters[customer][user]`]) {
      expect(await total(`${base}[email][$startsWith]=${prefix}`)).toBe(
        await total(`${base}[email][$startsWith]=zzzz`)
      );
      expect(await total(`${base}[username][$startsWith]=${prefix}`)).toBe(
        await total(`${base}[username][$startsWith]=zzzz`)
      );
    }
    // the customer has its login (what the filters would have matched)
    const stored = await strapi.db
      .query(CUSTOMER)
      .findOne({ where: { documentId: customer.documentId }, populate: ['user'] });
    expect(stored.user.email).toBe(portal.email);
  });

  it('a malformed percent-encoding on a Content Manager path is a 400, logged in or not', async () => {
    for (const res of [
      await http(strapi).get(`${CM}/${LEAD}?x=%`),
      await attacker.get(`${CM}/${LEAD}?x=%E0%A4%A`),
    ]) {
      expect(res.status).toBe(400);
      expect(res.body.error.message).toBe('The query string is not valid percent-encoding');
    }
  });

  it('a Content Manager list sorted on a relation itself is a 400; on one of its fields it answers', async () => {
    for (const path of [
      `${CUSTOMER}?sort=lead:asc`,
      `${LEAD}?sort=leadStatus:asc`,
      `${LEAD}?sort=tags:desc`,
      `${NOTE}?sort=lead:asc`,
    ]) {
      const res = await manager.get(`${CM}/${path}`);
      expect([path, res.status, res.body.error?.name]).toEqual([path, 400, 'ValidationError']);
    }
    expect((await manager.get(`${CM}/${LEAD}?sort=leadStatus.name:asc`)).status).toBe(200);
  });

  it('a reminder moved in the Content Manager to a lead its staff member may not see is a 400 that moves nothing', async () => {
    const visible = await createLead(strapi, { name: 'Public Pam', createdBy: attacker.id, isPublic: true });
    const made = await attacker
      .post(`/crm/leads/${visible.documentId}/reminders`)
      .send({ message: 'moved', remindAt: '2030-01-01T09:00:00.000Z', staff: owner.id });
    expect(made.status).toBe(201);
    const moved = await attacker.put(`${CM}/${REMINDER}/${made.body.data.documentId}`).send({
      lead: {
        connect: [{ documentId: attackerLead.documentId }],
        disconnect: [{ documentId: visible.documentId }],
      },
    });
    expect(moved.status).toBe(400);
    const stored = await strapi.db
      .query(REMINDER)
      .findOne({ where: { documentId: made.body.data.documentId }, populate: ['lead'] });
    expect(stored.lead.documentId).toBe(visible.documentId);
  });
});

describe('what the sixth attack found (each now holds)', () => {
  it("a role given read on the activity type sees there what the plugin's activity route shows it: no value of a field it may not read, no excerpt of a note it may not read", async () => {
    const READ = 'plugin::content-manager.explorer.read';
    const role = await createRole(strapi, [
      { action: READ, subject: LEAD, properties: { fields: ['name', 'isPublic', 'company'] } },
      { action: READ, subject: NOTE, conditions: ['admin::is-creator'] },
      { action: READ, subject: 'plugin::crm.activity' },
    ]);
    const reader = await createStaff(strapi, role.id);
    const lead = await createLead(strapi, { name: 'Logged Lou', createdBy: manager.id, isPublic: true });
    expect(
      (
        await manager
          .put(`/crm/leads/${lead.documentId}`)
          .send({ email: 'r6.secret@x.test', company: 'R6 Co' })
      ).status
    ).toBe(200);
    expect(
      (await manager.post(`/crm/leads/${lead.documentId}/notes`).send({ body: 'R6-MANAGER-NOTE' })).status
    ).toBe(201);

    const list = await reader.get(`${CM}/plugin::crm.activity?pageSize=100&sort=id:desc`);
    expect(list.status).toBe(200);
    const text = JSON.stringify(list.body);
    expect(text).not.toContain('r6.secret@x.test');
    expect(text).not.toContain('R6-MANAGER-NOTE');
    // a readable field's change keeps its values, an unreadable one only its name
    const changes = list.body.results
      .filter((row: { action: string }) => row.action === 'field_changed')
      .map((row: { data: Record<string, unknown> }) => row.data);
    expect(changes).toContainEqual(expect.objectContaining({ field: 'company', to: 'R6 Co' }));
    expect(changes).toContainEqual({ field: 'email' });
    const one = list.body.results.find((row: { data: { field?: string } }) => row.data.field === 'email');
    expect(
      JSON.stringify((await reader.get(`${CM}/plugin::crm.activity/${one.documentId}`)).body)
    ).not.toContain('r6.secret');
    // nor can a filter on the data spell the values out
    const probe = await reader.get(`${CM}/plugin::crm.activity?filters[data][$containsi]=r6.secret`);
    expect(probe.status).toBe(400);
    // the manager reads them all
    expect(JSON.stringify((await manager.get(`/crm/leads/${lead.documentId}/activity`)).body)).toContain(
      'r6.secret@x.test'
    );
  });
});

/** Issue 4: the sections of a lead's profile, behind the lead's visibility. */
import type { Core } from '@strapi/strapi';
import { countRows, createLead } from '../helpers/leads';
import { startStrapi, stopStrapi } from '../helpers/strapi';
import { createRole, createStaff, type Staff } from '../helpers/users';

let strapi: Core.Strapi;
let owner: Staff;
let colleague: Staff;
let outsider: Staff;
let manager: Staff;
let publicLead: { documentId: string };
let privateLead: { documentId: string };

const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString();

const SAMPLES = {
  notes: {
    create: { body: 'Called, wants a quote' },
    update: { body: 'Called twice' },
    uid: 'plugin::crm.note',
  },
  tasks: {
    create: { title: 'Send quote', dueDate: '2026-12-01' },
    update: { status: 'done' },
    uid: 'plugin::crm.task',
  },
  reminders: {
    create: { remindAt: tomorrow(), message: 'Follow up' },
    update: { message: 'Follow up again' },
    uid: 'plugin::crm.reminder',
  },
  opportunities: {
    create: { name: 'Pilot', value: 5000, stage: 'Proposal' },
    update: { value: 7500 },
    uid: 'plugin::crm.opportunity',
  },
} as const;
type Kind = keyof typeof SAMPLES;
const KINDS = Object.keys(SAMPLES) as Kind[];

const actionsOf = async (documentId: string) =>
  (
    await strapi.db
      .query('plugin::crm.activity')
      .findMany({ where: { lead: { documentId } }, orderBy: { id: 'asc' } })
  ).map((a: { action: string }) => a.action);

beforeAll(async () => {
  strapi = await startStrapi();
  owner = await createStaff(strapi, 'Sales Staff');
  colleague = await createStaff(strapi, 'Sales Staff');
  outsider = await createStaff(strapi, 'Sales Staff');
  manager = await createStaff(strapi, 'Sales Manager');
  publicLead = await createLead(strapi, { name: 'Public Pia', createdBy: owner.id, isPublic: true });
  privateLead = await createLead(strapi, {
    name: 'Private Pete',
    createdBy: owner.id,
    assignedTo: colleague.id,
  });
});

afterAll(async () => {
  await stopStrapi(strapi);
});

describe.each(KINDS)('%s', (kind) => {
  const sample = SAMPLES[kind];

  it('are added, listed, changed and deleted on a visible lead, each change logged on the lead', async () => {
    const created = await owner.post(`/crm/leads/${privateLead.documentId}/${kind}`).send(sample.create);
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({ lead: { documentId: privateLead.documentId } });
    const id = created.body.data.documentId;

    const list = await colleague.get(`/crm/leads/${privateLead.documentId}/${kind}`);
    expect(list.status).toBe(200);
    expect(list.body.data.map((r: { documentId: string }) => r.documentId)).toContain(id);
    expect(list.body.meta.pagination).toMatchObject({ page: 1, total: expect.any(Number) });

    const updated = await owner.put(`/crm/${kind}/${id}`).send(sample.update);
    expect(updated.status).toBe(200);
    expect(updated.body.data).toMatchObject(sample.update);

    const removed = await owner.del(`/crm/${kind}/${id}`);
    expect(removed.status).toBe(200);
    expect(await strapi.db.query(sample.uid).count({ where: { documentId: id } })).toBe(0);

    const singular = kind === 'opportunities' ? 'opportunity' : kind.replace(/s$/, '');
    expect(await actionsOf(privateLead.documentId)).toEqual(
      expect.arrayContaining([`${singular}_added`, `${singular}_updated`, `${singular}_deleted`])
    );
  });

  it('answer 404 for a lead the caller cannot see, on every route', async () => {
    const created = await owner.post(`/crm/leads/${privateLead.documentId}/${kind}`).send(sample.create);
    const id = created.body.data.documentId;
    const before = await countRows(strapi, sample.uid);
    const statuses = [
      (await outsider.get(`/crm/leads/${privateLead.documentId}/${kind}`)).status,
      (await outsider.post(`/crm/leads/${privateLead.documentId}/${kind}`).send(sample.create)).status,
      (await outsider.put(`/crm/${kind}/${id}`).send(sample.update)).status,
      (await outsider.del(`/crm/${kind}/${id}`)).status,
    ];
    expect(statuses).toEqual([404, 404, 404, 404]);
    expect(await countRows(strapi, sample.uid)).toBe(before);
    const row = await strapi.db.query(sample.uid).findOne({ where: { documentId: id } });
    expect(row).not.toBeNull();
  });
});

describe('notes belong to their author', () => {
  it('a colleague who sees the lead reads the note but may not change it; a manager may', async () => {
    const note = await owner.post(`/crm/leads/${publicLead.documentId}/notes`).send({ body: 'Mine' });
    const id = note.body.data.documentId;
    expect(note.body.data.author).toEqual({
      id: owner.id,
      firstname: owner.firstname,
      lastname: owner.lastname,
    });
    const read = await outsider.get(`/crm/leads/${publicLead.documentId}/notes`);
    expect(read.body.data.map((n: { documentId: string }) => n.documentId)).toContain(id);
    const byId = (res: { body: { data: { documentId: string; canChange: boolean }[] } }) =>
      res.body.data.find((n) => n.documentId === id);
    // the list tells the admin panel who may change the note
    expect(byId(read)?.canChange).toBe(false);
    expect(byId(await owner.get(`/crm/leads/${publicLead.documentId}/notes`))?.canChange).toBe(true);
    expect(byId(await manager.get(`/crm/leads/${publicLead.documentId}/notes`))?.canChange).toBe(true);
    expect((await outsider.put(`/crm/notes/${id}`).send({ body: 'Theirs' })).status).toBe(403);
    expect((await outsider.del(`/crm/notes/${id}`)).status).toBe(403);
    expect((await strapi.db.query('plugin::crm.note').findOne({ where: { documentId: id } })).body).toBe(
      'Mine'
    );
    expect((await manager.put(`/crm/notes/${id}`).send({ body: 'Edited by the manager' })).status).toBe(200);
  });
});

describe('bad input', () => {
  it.each([
    ['notes', {}, 'body'],
    ['notes', { body: '   ' }, 'body'],
    ['notes', { body: 'x'.repeat(10_001) }, 'body'],
    ['tasks', { dueDate: '2026-12-01' }, 'title'],
    ['tasks', { title: 'T', status: 'maybe' }, 'status'],
    ['tasks', { title: 'T', dueDate: 'tomorrow' }, 'dueDate'],
    ['tasks', { title: 'T', assignedTo: 99999 }, 'assignedTo'],
    ['reminders', { remindAt: '2020-01-01T00:00:00Z', message: 'Too late' }, 'remindAt'],
    ['reminders', { remindAt: 'never', message: 'x' }, 'remindAt'],
    ['reminders', { remindAt: tomorrow() }, 'message'],
    ['opportunities', { name: 'Deal', value: -5 }, 'value'],
    ['opportunities', { value: 5 }, 'name'],
    ['notes', { body: 'ok', author: 1 }, 'author'],
  ])('%s: %j is a 400 naming %s, and nothing is written', async (kind, payload, path) => {
    const uid = SAMPLES[kind as Kind].uid;
    const before = await countRows(strapi, uid);
    const res = await owner.post(`/crm/leads/${publicLead.documentId}/${kind}`).send(payload);
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors.map((e: { path: string[] }) => e.path[0])).toContain(path);
    expect(await countRows(strapi, uid)).toBe(before);
  });

  it('an update cannot empty a required field', async () => {
    const note = await owner.post(`/crm/leads/${publicLead.documentId}/notes`).send({ body: 'Keep me' });
    const res = await owner.put(`/crm/notes/${note.body.data.documentId}`).send({ body: '' });
    expect(res.status).toBe(400);
    expect(
      (
        await strapi.db
          .query('plugin::crm.note')
          .findOne({ where: { documentId: note.body.data.documentId } })
      ).body
    ).toBe('Keep me');
  });
});

describe('work goes only to staff who see the lead (SPEC §3.1: a reminder email names the lead)', () => {
  it.each([
    ['tasks', 'assignedTo', { title: 'Call back' }],
    ['reminders', 'staff', { remindAt: tomorrow(), message: 'Call back' }],
  ] as const)(
    '%s: naming a colleague who may not see the lead is a 400 on %s, on create and on change',
    async (kind, field, body) => {
      const uid = SAMPLES[kind].uid;
      const before = await countRows(strapi, uid);
      // outsider sees neither the owner's private lead nor its sections
      const created = await owner
        .post(`/crm/leads/${privateLead.documentId}/${kind}`)
        .send({ ...body, [field]: outsider.id });
      expect(created.status).toBe(400);
      expect(created.body.error.details.errors).toEqual([
        expect.objectContaining({ path: [field], message: 'may not see this lead' }),
      ]);
      expect(await countRows(strapi, uid)).toBe(before);

      // the lead's assignee and a manager see it
      for (const member of [colleague, manager]) {
        const res = await owner
          .post(`/crm/leads/${privateLead.documentId}/${kind}`)
          .send({ ...body, [field]: member.id });
        expect(res.status).toBe(201);
        expect(res.body.data[field]).toMatchObject({ id: member.id });
      }
      const record = await owner.post(`/crm/leads/${privateLead.documentId}/${kind}`).send(body);
      const changed = await owner
        .put(`/crm/${kind}/${record.body.data.documentId}`)
        .send({ [field]: outsider.id });
      expect(changed.status).toBe(400);
      expect(changed.body.error.details.errors).toEqual([
        expect.objectContaining({ path: [field], message: 'may not see this lead' }),
      ]);
      const stored = await strapi.db
        .query(uid)
        .findOne({ where: { documentId: record.body.data.documentId }, populate: [field] });
      expect(stored[field]?.id).not.toBe(outsider.id);
    }
  );
});

describe('the same sections on customers', () => {
  let customer: { documentId: string };

  beforeAll(async () => {
    customer = await strapi
      .documents('plugin::crm.customer')
      .create({ data: { firstName: 'Carla' } as never });
  });

  it.each(KINDS)('%s are added, listed, changed and deleted, logged on the customer', async (kind) => {
    const sample = SAMPLES[kind];
    const created = await owner.post(`/crm/customers/${customer.documentId}/${kind}`).send(sample.create);
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({ customer: { documentId: customer.documentId }, lead: null });
    const id = created.body.data.documentId;
    const list = await colleague.get(`/crm/customers/${customer.documentId}/${kind}`);
    expect(list.body.data.map((r: { documentId: string }) => r.documentId)).toContain(id);
    expect((await owner.put(`/crm/${kind}/${id}`).send(sample.update)).status).toBe(200);
    expect((await owner.del(`/crm/${kind}/${id}`)).status).toBe(200);
    const singular = kind === 'opportunities' ? 'opportunity' : kind.replace(/s$/, '');
    const actions = (
      await strapi.db
        .query('plugin::crm.activity')
        .findMany({ where: { customer: { documentId: customer.documentId } } })
    ).map((a: { action: string }) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining([`${singular}_added`, `${singular}_updated`, `${singular}_deleted`])
    );
  });

  it('answers 404 for a customer that does not exist, 403 without customer rights', async () => {
    expect((await owner.get('/crm/customers/nope/notes')).status).toBe(404);
    expect((await owner.post('/crm/customers/nope/notes').send({ body: 'x' })).status).toBe(404);
    const { createRole } = await import('../helpers/users');
    const leadsOnly = await createStaff(
      strapi,
      (
        await createRole(strapi, [
          { action: 'plugin::content-manager.explorer.read', subject: 'plugin::crm.lead' },
          { action: 'plugin::content-manager.explorer.read', subject: 'plugin::crm.note' },
        ])
      ).id
    );
    expect((await leadsOnly.get(`/crm/customers/${customer.documentId}/notes`)).status).toBe(403);
  });

  it('takes attachments too', async () => {
    const res = await owner
      .post(`/crm/customers/${customer.documentId}/attachments`)
      .attach('files', Buffer.from('%PDF-1.4\n% signed\n%%EOF\n'), {
        filename: 'contract.pdf',
        contentType: 'application/pdf',
      });
    expect(res.status).toBe(201);
    const list = await colleague.get(`/crm/customers/${customer.documentId}/attachments`);
    expect(list.body.data.map((f: { name: string }) => f.name)).toEqual(['contract.pdf']);
    expect((await owner.del(`/crm/attachments/${res.body.data[0].documentId}`)).status).toBe(200);
  });
});

describe('field-level read rights on the section types', () => {
  it("a role that may not read a task's title or due date gets neither, in the section nor on the board", async () => {
    const TASK = 'plugin::crm.task';
    const role = await createRole(strapi, [
      { action: 'plugin::content-manager.explorer.read', subject: 'plugin::crm.lead' },
      {
        action: 'plugin::content-manager.explorer.read',
        subject: TASK,
        properties: { fields: ['status', 'assignedTo', 'lead', 'customer'] },
      },
      {
        action: 'plugin::content-manager.explorer.create',
        subject: TASK,
        properties: { fields: ['title', 'dueDate', 'status'] },
      },
    ]);
    const limited = await createStaff(strapi, role.id);
    const lead = await createLead(strapi, { name: 'Field Fay', createdBy: owner.id, isPublic: true });
    const made = await owner
      .post(`/crm/leads/${lead.documentId}/tasks`)
      .send({ title: 'SECRET-TITLE call Fay', dueDate: '2027-03-04' });
    expect(made.status).toBe(201);

    const listed = await limited.get(`/crm/leads/${lead.documentId}/tasks`);
    expect(listed.status).toBe(200);
    expect(listed.body.data).toHaveLength(1);
    expect(listed.body.data[0]).toMatchObject({ documentId: made.body.data.documentId, status: 'open' });
    expect(JSON.stringify(listed.body)).not.toContain('SECRET-TITLE');
    expect(JSON.stringify(listed.body)).not.toContain('2027-03-04');
    // what it writes comes back without them too
    const own = await limited.post(`/crm/leads/${lead.documentId}/tasks`).send({ title: 'MINE-TITLE' });
    expect(own.status).toBe(201);
    expect(own.body.data.title).toBeUndefined();

    const board = await limited.get('/crm/leads/board');
    expect(board.status).toBe(200);
    expect(JSON.stringify(board.body)).not.toContain('SECRET-TITLE');
    // the owner, who reads every task field, still gets them
    const full = await owner.get(`/crm/leads/${lead.documentId}/tasks`);
    expect(JSON.stringify(full.body)).toContain('SECRET-TITLE');
    const ownerBoard = await owner.get('/crm/leads/board');
    expect(JSON.stringify(ownerBoard.body)).toContain('SECRET-TITLE');
  });
});

describe("what the third attack found: every route follows the section types' read fields", () => {
  it("a role that may not read notes' bodies, tasks' titles, reminders' messages or customers' names gets none of them anywhere", async () => {
    const CM = 'plugin::content-manager.explorer';
    const read = (subject: string, fields?: string[]) => ({
      action: `${CM}.read`,
      subject,
      ...(fields ? { properties: { fields } } : {}),
    });
    const role = await createRole(strapi, [
      read('plugin::crm.lead'),
      { action: `${CM}.update`, subject: 'plugin::crm.lead' },
      { action: 'plugin::crm.leads.convert' },
      { action: 'plugin::crm.leads.export' },
      read('plugin::crm.note', ['author', 'lead', 'customer']),
      read('plugin::crm.task', ['status', 'assignedTo', 'lead', 'customer']),
      read('plugin::crm.reminder', ['notified', 'staff', 'lead', 'customer']),
      read('plugin::crm.customer', ['company', 'lead', 'tags']),
      {
        action: `${CM}.create`,
        subject: 'plugin::crm.customer',
        properties: { fields: ['firstName', 'lastName', 'email'] },
      },
    ]);
    const limited = await createStaff(strapi, role.id);
    const lead = await createLead(strapi, { name: 'Rights Rita', createdBy: owner.id, isPublic: true });
    const base = `/crm/leads/${lead.documentId}`;
    expect((await owner.post(`${base}/notes`).send({ body: 'R3-NOTE-BODY' })).status).toBe(201);
    expect(
      (
        await owner
          .post(`${base}/tasks`)
          .send({ title: 'R3-TASK-TITLE', dueDate: '2027-05-06', assignedTo: limited.id })
      ).status
    ).toBe(201);
    expect(
      (
        await owner
          .post(`${base}/reminders`)
          .send({ message: 'R3-REMINDER-MSG', remindAt: '2030-01-01T09:00:00.000Z', staff: limited.id })
      ).status
    ).toBe(201);
    const customer = await strapi.documents('plugin::crm.customer').create({
      data: { firstName: 'R3First', lastName: 'R3Last', email: `r3.${Date.now()}@x.test` } as never,
    });
    expect(
      (
        await manager
          .post(`/crm/customers/${customer.documentId}/tasks`)
          .send({ title: 'Call', assignedTo: limited.id })
      ).status
    ).toBe(201);

    const secrets = ['R3-NOTE-BODY', 'R3-TASK-TITLE', '2027-05-06', 'R3-REMINDER-MSG', 'R3First', 'R3Last'];
    for (const path of [
      `${base}/export`,
      `${base}/activity`,
      '/crm/my-work',
      '/crm/reminders',
      `${base}/notes`,
    ]) {
      const res = await limited.get(path);
      expect([path, res.status]).toEqual([path, 200]);
      const text = JSON.stringify(res.body);
      expect([path, secrets.filter((secret) => text.includes(secret))]).toEqual([path, []]);
    }
    // the owner, who reads them, still gets them
    expect(JSON.stringify((await owner.get(`${base}/export`)).body)).toContain('R3-NOTE-BODY');
    expect(JSON.stringify((await owner.get(`${base}/activity`)).body)).toContain('R3-NOTE-BODY');

    // a conversion writing customer fields the role may not create is a 403 that writes nothing
    const before = await strapi.db.query('plugin::crm.customer').count();
    const refused = await limited.post(`${base}/convert`).send({
      customer: { firstName: 'Rita', email: `rita.${Date.now()}@x.test`, company: 'No Write Co' },
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain('company');
    expect(await strapi.db.query('plugin::crm.customer').count()).toBe(before);
  });
});

describe("the section types' write fields and conditions, as the Content Manager applies them", () => {
  it("a role that may write a task's title and status but not its due date, and change only the tasks it created, gets exactly that", async () => {
    const CM = 'plugin::content-manager.explorer';
    const TASK = 'plugin::crm.task';
    const role = await createRole(strapi, [
      { action: `${CM}.read`, subject: 'plugin::crm.lead' },
      { action: `${CM}.read`, subject: TASK, conditions: ['admin::is-creator'] },
      {
        action: `${CM}.create`,
        subject: TASK,
        properties: { fields: ['title', 'status', 'lead', 'customer'] },
      },
      {
        action: `${CM}.update`,
        subject: TASK,
        properties: { fields: ['title', 'status', 'lead', 'customer'] },
        conditions: ['admin::is-creator'],
      },
      { action: `${CM}.delete`, subject: TASK, conditions: ['admin::is-creator'] },
    ]);
    const limited = await createStaff(strapi, role.id);
    const lead = await createLead(strapi, { name: 'Conditions Cora', createdBy: owner.id, isPublic: true });
    const base = `/crm/leads/${lead.documentId}/tasks`;
    const theirs = await owner.post(base).send({ title: 'OWNER-TASK', dueDate: '2027-01-02' });
    expect(theirs.status).toBe(201);

    // the due date is not theirs to write: left out, as the Content Manager leaves it
    const mine = await limited.post(base).send({ title: 'MY-TASK', dueDate: '2027-03-04' });
    expect(mine.status).toBe(201);
    const stored = await strapi.db.query(TASK).findOne({ where: { documentId: mine.body.data.documentId } });
    expect([stored.title, stored.dueDate]).toEqual(['MY-TASK', null]);
    const renamed = await limited
      .put(`/crm/tasks/${mine.body.data.documentId}`)
      .send({ title: 'MY-TASK-2', dueDate: '2027-05-06' });
    expect(renamed.status).toBe(200);
    const after = await strapi.db.query(TASK).findOne({ where: { documentId: mine.body.data.documentId } });
    expect([after.title, after.dueDate]).toEqual(['MY-TASK-2', null]);

    // the owner's task: not listed, not changed, not deleted
    const listed = await limited.get(base);
    expect(listed.status).toBe(200);
    expect(listed.body.data.map((t: { title: string }) => t.title)).toEqual(['MY-TASK-2']);
    expect(listed.body.meta.pagination.total).toBe(1);
    const changed = await limited.put(`/crm/tasks/${theirs.body.data.documentId}`).send({ status: 'done' });
    expect(changed.status).toBe(403);
    expect(changed.body.error.message).toBe('Your role may not change this task');
    const deleted = await limited.del(`/crm/tasks/${theirs.body.data.documentId}`);
    expect(deleted.status).toBe(403);
    const untouched = await strapi.db
      .query(TASK)
      .findOne({ where: { documentId: theirs.body.data.documentId } });
    expect([untouched.title, untouched.status]).toEqual(['OWNER-TASK', 'open']);

    // their own: deleted
    expect((await limited.del(`/crm/tasks/${mine.body.data.documentId}`)).status).toBe(200);
    expect(await strapi.db.query(TASK).count({ where: { documentId: mine.body.data.documentId } })).toBe(0);
  });
});

describe("the section types' read conditions on every route (fourth attack)", () => {
  it('a role that reads only the notes, tasks and reminders it created gets no other one from my work, its reminders, the export or the activity excerpts', async () => {
    const CM = 'plugin::content-manager.explorer';
    const own = (subject: string) => [
      { action: `${CM}.read`, subject, conditions: ['admin::is-creator'] },
      { action: `${CM}.create`, subject },
      { action: `${CM}.update`, subject, conditions: ['admin::is-creator'] },
    ];
    const role = await createRole(strapi, [
      { action: `${CM}.read`, subject: 'plugin::crm.lead' },
      { action: 'plugin::crm.leads.export' },
      ...own('plugin::crm.note'),
      ...own('plugin::crm.task'),
      ...own('plugin::crm.reminder'),
    ]);
    const limited = await createStaff(strapi, role.id);
    const lead = await createLead(strapi, { name: 'Conditions Cleo', createdBy: owner.id, isPublic: true });
    const base = `/crm/leads/${lead.documentId}`;
    const made = [
      await manager.post(`${base}/notes`).send({ body: 'R4-MANAGER-NOTE' }),
      await manager.post(`${base}/tasks`).send({ title: 'R4-MANAGER-TASK', assignedTo: limited.id }),
      await manager
        .post(`${base}/reminders`)
        .send({ message: 'R4-MANAGER-REMINDER', remindAt: '2030-01-01T09:00:00.000Z', staff: limited.id }),
      await limited.post(`${base}/notes`).send({ body: 'R4-OWN-NOTE' }),
      await limited.post(`${base}/tasks`).send({ title: 'R4-OWN-TASK' }),
    ];
    expect(made.map((res) => res.status)).toEqual([201, 201, 201, 201, 201]);

    const texts = async (path: string) => {
      const res = await limited.get(path);
      expect([path, res.status]).toEqual([path, 200]);
      return JSON.stringify(res.body);
    };
    for (const path of [
      '/crm/my-work',
      '/crm/reminders',
      `${base}/export`,
      `${base}/activity`,
      `${base}/notes`,
    ]) {
      const text = await texts(path);
      expect([
        path,
        ['R4-MANAGER-NOTE', 'R4-MANAGER-TASK', 'R4-MANAGER-REMINDER'].filter((s) => text.includes(s)),
      ]).toEqual([path, []]);
    }
    // what the role created is theirs to read
    expect(await texts(`${base}/activity`)).toContain('R4-OWN-NOTE');
    expect(await texts(`${base}/export`)).toContain('R4-OWN-TASK');
    // a role without conditions (the manager) reads all of it
    expect(JSON.stringify((await manager.get(`${base}/activity`)).body)).toContain('R4-MANAGER-NOTE');
  });
});

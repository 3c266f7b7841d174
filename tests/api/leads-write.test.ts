/** SPEC §2, §5, §9: creating, updating, flagging and deleting leads; what is refused; what is logged. */
import type { Core } from '@strapi/strapi';
import { countRows, createLead, references } from '../helpers/leads';
import { startStrapi, stopStrapi } from '../helpers/strapi';
import { createStaff, type Staff } from '../helpers/users';

const LEAD = 'plugin::crm.lead';
const ACTIVITY = 'plugin::crm.activity';

let strapi: Core.Strapi;
let seller: Staff;
let manager: Staff;
let refs: Awaited<ReturnType<typeof references>>;

const activityOf = async (documentId: string) =>
  strapi.db.query(ACTIVITY).findMany({
    where: { lead: { documentId } },
    orderBy: { id: 'asc' },
    populate: { actor: true },
  });

beforeAll(async () => {
  strapi = await startStrapi();
  seller = await createStaff(strapi, 'Sales Staff');
  manager = await createStaff(strapi, 'Sales Manager');
  refs = await references(strapi);
  await strapi.documents('plugin::crm.custom-field').create({
    data: { name: 'Budget', slug: 'budget', target: 'lead', type: 'number' },
  });
  await strapi.documents('plugin::crm.custom-field').create({
    data: {
      name: 'Industry',
      slug: 'industry',
      target: 'lead',
      type: 'select',
      options: ['Retail', 'Energy'],
    },
  });
});

afterAll(async () => {
  await stopStrapi(strapi);
});

const validLead = () => ({
  name: 'Ada Lovelace',
  status: refs.status.New,
  source: refs.source.Referral,
  email: 'ada@example.com',
  website: 'analytical.example.com',
  value: 1200.5,
  customFields: { budget: 5000, industry: 'Energy' },
});

describe('POST /crm/leads', () => {
  it('creates a lead whose creator is the caller, and logs it', async () => {
    const res = await seller.post('/crm/leads').send(validLead());
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      website: 'https://analytical.example.com',
      value: 1200.5,
      status: { name: 'New' },
      source: { name: 'Referral' },
      customFields: { budget: 5000, industry: 'Energy' },
      createdBy: { id: seller.id },
      lost: false,
      junk: false,
      isPublic: false,
    });
    const [created] = await activityOf(res.body.data.documentId);
    expect(created).toMatchObject({ action: 'created', actor: { id: seller.id } });
  });

  it("accepts the body inside Strapi's { data } wrapper too", async () => {
    const res = await seller.post('/crm/leads').send({ data: { ...validLead(), name: 'Wrapped Wendy' } });
    expect(res.status).toBe(201);
    expect(res.body.data.name).toBe('Wrapped Wendy');
  });

  it.each([
    ['a missing name', { name: undefined }, 'name'],
    ['a blank name', { name: '   ' }, 'name'],
    ['a name that is not text', { name: { first: 'Ada' } }, 'name'],
    ['a missing status', { status: undefined }, 'status'],
    ['a missing source', { source: undefined }, 'source'],
    ['an unknown status id', { status: 'nope' }, 'status'],
    ['the customer status', { status: 'CUSTOMER' }, 'status'],
    ['an unknown tag', { tags: ['nope'] }, 'tags'],
    ['a bad email', { email: 'not-an-email' }, 'email'],
    ['a bad URL', { website: 'http://' }, 'website'],
    ['a negative value', { value: -1 }, 'value'],
    ['a text value', { value: 'lots' }, 'value'],
    ['a 256-character city', { city: 'x'.repeat(256) }, 'city'],
    ['a 10,001-character description', { description: 'x'.repeat(10_001) }, 'description'],
    ['an unknown field', { favouriteColour: 'blue' }, 'favouriteColour'],
    ['lost set on create', { lost: true }, 'lost'],
    ['a staff id that is not staff', { assignedTo: 99999 }, 'assignedTo'],
    ['a custom field of the wrong type', { customFields: { budget: 'a lot' } }, 'customFields'],
    ['a custom value outside its options', { customFields: { industry: 'Mining' } }, 'customFields'],
    ['an unknown custom field', { customFields: { shoeSize: 42 } }, 'customFields'],
  ])('answers 400 for %s, naming the field, and writes nothing', async (_label, override, path) => {
    const before = await countRows(strapi, LEAD);
    const activityBefore = await countRows(strapi, ACTIVITY);
    const body = { ...validLead(), ...override } as Record<string, unknown>;
    if (body.status === 'CUSTOMER') body.status = refs.status.Customer;
    const res = await seller.post('/crm/leads').send(body);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ data: null, error: { status: 400, name: 'ValidationError' } });
    expect(res.body.error.details.errors.map((e: { path: string[] }) => e.path[0])).toContain(path);
    expect(await countRows(strapi, LEAD)).toBe(before);
    expect(await countRows(strapi, ACTIVITY)).toBe(activityBefore);
  });

  it('names every bad field at once', async () => {
    const res = await seller.post('/crm/leads').send({ email: 'bad', value: -3 });
    expect(res.status).toBe(400);
    const paths = res.body.error.details.errors.map((e: { path: string[] }) => e.path.join('.')).sort();
    expect(paths).toEqual(['email', 'name', 'source', 'status', 'value']);
  });

  it('answers 400 to a body that is not an object', async () => {
    const res = await seller.post('/crm/leads').set('Content-Type', 'application/json').send('[1,2]');
    expect(res.status).toBe(400);
  });
});

describe('a 400 of a lead write', () => {
  const paths = (res: { body: { error: { details: { errors: { path: string[] }[] } } } }) =>
    res.body.error.details.errors.map((e) => e.path.join('.')).sort();

  it('names every bad field at once, custom-field values included, and writes nothing', async () => {
    const before = await countRows(strapi, LEAD);
    const res = await seller
      .post('/crm/leads')
      .send({ ...validLead(), email: 'not an email', customFields: { budget: 'lots', industry: 'Mining' } });
    expect(res.status).toBe(400);
    expect(paths(res)).toEqual(['customFields.budget', 'customFields.industry', 'email']);
    expect(res.body.error.message).toBe('3 errors occurred');
    expect(await countRows(strapi, LEAD)).toBe(before);

    const lead = await createLead(strapi, { name: 'Ida Intact', createdBy: seller.id });
    const update = await seller
      .put(`/crm/leads/${lead.documentId}`)
      .send({ email: 'not an email', customFields: { budget: 'lots' } });
    expect(update.status).toBe(400);
    expect(paths(update)).toEqual(['customFields.budget', 'email']);
    const stored = await strapi.db.query(LEAD).findOne({ where: { documentId: lead.documentId } });
    expect([stored.email, stored.customFields]).toEqual([null, null]);
  });
});

describe('PUT /crm/leads/:id', () => {
  it('changes the given fields and logs each change with its old and new value', async () => {
    const lead = await createLead(strapi, { name: 'Grace Hopper', city: 'Arlington', createdBy: seller.id });
    const res = await seller.put(`/crm/leads/${lead.documentId}`).send({
      city: 'New York',
      status: refs.status.Contacted,
      assignedTo: manager.id,
      customFields: { budget: 10 },
    });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      city: 'New York',
      status: { name: 'Contacted' },
      assignedTo: { id: manager.id },
    });

    const rows = await activityOf(lead.documentId);
    const byAction = (action: string) => rows.filter((r: { action: string }) => r.action === action);
    expect(byAction('status_changed')[0].data).toMatchObject({
      from: { name: 'New' },
      to: { name: 'Contacted' },
    });
    expect(byAction('assigned')[0].data).toMatchObject({ from: null, to: { id: manager.id } });
    const fields = byAction('field_changed').map(
      (r: { data: { field: string; from: unknown; to: unknown } }) => r.data
    );
    expect(fields).toEqual(
      expect.arrayContaining([
        { field: 'city', from: 'Arlington', to: 'New York' },
        { field: 'customFields.budget', from: null, to: 10 },
      ])
    );
    expect(
      rows.every(
        (r: { action: string; actor: { id: number } | null }) =>
          r.actor?.id === seller.id || r.action === 'created'
      )
    ).toBe(true);
  });

  it('answers 400 and changes nothing for a bad value', async () => {
    const lead = await createLead(strapi, {
      name: 'Unchanged Uma',
      email: 'uma@example.com',
      createdBy: seller.id,
    });
    const res = await seller.put(`/crm/leads/${lead.documentId}`).send({ email: 'nope', name: '' });
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors.map((e: { path: string[] }) => e.path[0]).sort()).toEqual([
      'email',
      'name',
    ]);
    const row = await strapi.db.query(LEAD).findOne({ where: { documentId: lead.documentId } });
    expect(row).toMatchObject({ name: 'Unchanged Uma', email: 'uma@example.com' });
  });

  it('answers 400 for custom fields that are not an object of values, and changes nothing', async () => {
    const lead = await createLead(strapi, {
      name: 'Shape Shay',
      createdBy: seller.id,
      customFields: { budget: 5 },
    });
    for (const customFields of [[1], 'abc', 42, true]) {
      const res = await seller.put(`/crm/leads/${lead.documentId}`).send({ customFields });
      expect([JSON.stringify(customFields), res.status]).toEqual([JSON.stringify(customFields), 400]);
      expect(res.body.error.details.errors.map((e: { path: string[] }) => e.path[0])).toEqual([
        'customFields',
      ]);
    }
    const row = await strapi.db.query(LEAD).findOne({ where: { documentId: lead.documentId } });
    expect(row.customFields).toEqual({ budget: 5 });
  });

  it('answers 404 for a lead that does not exist', async () => {
    const res = await seller.put('/crm/leads/doesnotexist').send({ city: 'X' });
    expect(res.status).toBe(404);
  });

  it('locks converted leads for staff who do not see every lead, not for managers', async () => {
    const lead = await createLead(strapi, {
      name: 'Converted Cora',
      createdBy: seller.id,
      status: refs.status.Customer,
      dateConverted: new Date(),
    });
    const staffEdit = await seller.put(`/crm/leads/${lead.documentId}`).send({ city: 'Paris' });
    expect(staffEdit.status).toBe(403);
    // the reason reaches the client (Strapi's route authorization would answer a bare "Forbidden")
    expect(staffEdit.body.error).toMatchObject({
      name: 'ForbiddenError',
      message: expect.stringMatching(/converted/i),
    });
    const managerEdit = await manager.put(`/crm/leads/${lead.documentId}`).send({ city: 'Paris' });
    expect(managerEdit.status).toBe(200);
  });
});

describe('POST /crm/leads/:id/lost and /junk', () => {
  it('marks and unmarks, and logs both', async () => {
    const lead = await createLead(strapi, { name: 'Flaky Fred', createdBy: seller.id });
    const lost = await seller.post(`/crm/leads/${lead.documentId}/lost`).send({ value: true });
    expect(lost.status).toBe(200);
    expect(lost.body.data.lost).toBe(true);
    const back = await seller.post(`/crm/leads/${lead.documentId}/lost`).send({ value: false });
    expect(back.body.data.lost).toBe(false);
    const junk = await seller.post(`/crm/leads/${lead.documentId}/junk`).send({ value: true });
    expect(junk.body.data.junk).toBe(true);
    const actions = (await activityOf(lead.documentId)).map((r: { action: string }) => r.action);
    expect(actions).toEqual(['created', 'marked_lost', 'unmarked_lost', 'marked_junk']);
  });

  it.each([[{}], [{ value: 'yes' }], [{ value: 1 }]])('answers 400 to %j', async (body) => {
    const lead = await createLead(strapi, { name: 'Steady Sue', createdBy: seller.id });
    const res = await seller.post(`/crm/leads/${lead.documentId}/lost`).send(body);
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors[0].path).toEqual(['value']);
    expect((await strapi.db.query(LEAD).findOne({ where: { documentId: lead.documentId } })).lost).toBe(
      false
    );
  });

  it('answers 409 for a converted lead', async () => {
    const lead = await createLead(strapi, {
      name: 'Customer Cal',
      createdBy: manager.id,
      status: refs.status.Customer,
      dateConverted: new Date(),
    });
    const res = await manager.post(`/crm/leads/${lead.documentId}/junk`).send({ value: true });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ data: null, error: { status: 409, name: 'ConflictError' } });
  });
});

describe('DELETE /crm/leads/:id', () => {
  it('deletes the lead and logs who did it', async () => {
    const lead = await createLead(strapi, { name: 'Gone Gina', createdBy: seller.id });
    const res = await seller.del(`/crm/leads/${lead.documentId}`);
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ documentId: lead.documentId, name: 'Gone Gina' });
    expect(await strapi.db.query(LEAD).count({ where: { documentId: lead.documentId } })).toBe(0);
    const deleted = await strapi.db
      .query(ACTIVITY)
      .findOne({ where: { action: 'deleted' }, populate: { actor: true } });
    expect(deleted).toMatchObject({
      data: { documentId: lead.documentId, name: 'Gone Gina' },
      actor: { id: seller.id },
    });
  });
});

describe('deleting a lead with sections', () => {
  it("removes its notes, tasks, reminders, opportunities and files, keeping the log's deleted row", async () => {
    const lead = await createLead(strapi, { name: 'Thorough Theo', createdBy: seller.id });
    await seller.post(`/crm/leads/${lead.documentId}/notes`).send({ body: 'A note' });
    await seller.post(`/crm/leads/${lead.documentId}/tasks`).send({ title: 'A task' });
    await seller.post(`/crm/leads/${lead.documentId}/opportunities`).send({ name: 'A deal' });
    const file = await seller
      .post(`/crm/leads/${lead.documentId}/attachments`)
      .attach('files', Buffer.from('x'), { filename: 'x.txt', contentType: 'text/plain' });
    const counts = async () =>
      Promise.all(
        ['plugin::crm.note', 'plugin::crm.task', 'plugin::crm.opportunity', 'plugin::upload.file'].map(
          (uid) => countRows(strapi, uid)
        )
      );
    const before = await counts();
    expect((await seller.del(`/crm/leads/${lead.documentId}`)).status).toBe(200);
    expect(await counts()).toEqual(before.map((n) => n - 1));
    expect(
      await strapi.db
        .query('plugin::upload.file')
        .count({ where: { documentId: file.body.data[0].documentId } })
    ).toBe(0);
    const deletedRows = await strapi.db.query(ACTIVITY).findMany({ where: { action: 'deleted' } });
    expect(
      deletedRows.some((r: { data: { documentId?: string } }) => r.data.documentId === lead.documentId)
    ).toBe(true);
  });
});

describe('the activity log', () => {
  it('lists newest first, paginated, with the actor by name only', async () => {
    const lead = await createLead(strapi, { name: 'Busy Bea', createdBy: seller.id });
    await seller.put(`/crm/leads/${lead.documentId}`).send({ city: 'Oslo' });
    await seller.put(`/crm/leads/${lead.documentId}`).send({ city: 'Bergen' });
    const res = await seller.get(`/crm/leads/${lead.documentId}/activity?pageSize=2`);
    expect(res.status).toBe(200);
    expect(res.body.data.map((a: { data: { to?: string } }) => a.data.to)).toEqual(['Bergen', 'Oslo']);
    expect(res.body.data[0].actor).toEqual({
      id: seller.id,
      firstname: seller.firstname,
      lastname: seller.lastname,
    });
    expect(res.body.meta.pagination).toEqual({ page: 1, pageSize: 2, pageCount: 2, total: 3 });
  });

  it('has no route that edits or deletes an activity row', async () => {
    const row = await strapi.db.query(ACTIVITY).findOne({});
    for (const req of [
      manager.put(`/crm/activities/${row.documentId}`).send({ action: 'x' }),
      manager.del(`/crm/activities/${row.documentId}`),
      manager
        .put(`/content-manager/collection-types/plugin::crm.activity/${row.documentId}`)
        .send({ action: 'x' }),
      manager.del(`/content-manager/collection-types/plugin::crm.activity/${row.documentId}`),
    ]) {
      expect([403, 404, 405]).toContain((await req).status);
    }
    expect(await strapi.db.query(ACTIVITY).findOne({ where: { id: row.id } })).toMatchObject({
      action: row.action,
    });
  });

  it('records changes made through the Content Manager, with their author', async () => {
    const lead = await createLead(strapi, {
      name: 'Content Manager Cleo',
      city: 'Rome',
      createdBy: seller.id,
    });
    const res = await seller
      .put(`/content-manager/collection-types/plugin::crm.lead/${lead.documentId}`)
      .send({ city: 'Milan' });
    expect(res.status).toBe(200);
    const change = (await activityOf(lead.documentId)).find(
      (r: { action: string }) => r.action === 'field_changed'
    );
    expect(change).toMatchObject({
      data: { field: 'city', from: 'Rome', to: 'Milan' },
      actor: { id: seller.id },
    });
  });
});

describe('lead rules on every path', () => {
  const CM = '/content-manager/collection-types/plugin::crm.lead';

  it('the Content Manager cannot give a lead the customer status', async () => {
    const lead = await createLead(strapi, { name: 'Shortcut Sid', createdBy: seller.id });
    const res = await seller
      .put(`${CM}/${lead.documentId}`)
      .send({ leadStatus: { connect: [{ documentId: refs.status.Customer }] } });
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors[0].path).toEqual(['leadStatus']);
    const row = await strapi.db
      .query(LEAD)
      .findOne({ where: { documentId: lead.documentId }, populate: { leadStatus: true } });
    expect(row.leadStatus.name).toBe('New');
    const allowed = await seller
      .put(`${CM}/${lead.documentId}`)
      .send({ leadStatus: { connect: [{ documentId: refs.status.Contacted }] } });
    expect(allowed.status).toBe(200);
  });

  it('the Content Manager keeps converted leads locked for staff who do not see every lead', async () => {
    const lead = await createLead(strapi, {
      name: 'Locked Lou',
      city: 'Oslo',
      createdBy: seller.id,
      status: refs.status.Customer,
      dateConverted: new Date(),
    });
    const locked = await seller.put(`${CM}/${lead.documentId}`).send({ city: 'Bergen' });
    expect(locked.status).toBe(403);
    expect(locked.body.error.message).toMatch(/converted/i);
    expect((await manager.put(`${CM}/${lead.documentId}`).send({ city: 'Bergen' })).status).toBe(200);
  });
});

describe('the customer status', () => {
  const CM_STATUS = '/content-manager/collection-types/plugin::crm.lead-status';

  it('cannot be deleted', async () => {
    const res = await manager.del(`${CM_STATUS}/${refs.status.Customer}`);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/customer status cannot be deleted/);
    expect(
      await strapi.db.query('plugin::crm.lead-status').count({ where: { documentId: refs.status.Customer } })
    ).toBe(1);
  });

  it('cannot lose its flag, and no second status can get it', async () => {
    const unflag = await manager
      .put(`${CM_STATUS}/${refs.status.Customer}`)
      .send({ isCustomerStatus: false });
    expect(unflag.status).toBe(400);
    const second = await manager.put(`${CM_STATUS}/${refs.status.Proposal}`).send({ isCustomerStatus: true });
    expect(second.status).toBe(400);
    const flagged = await strapi.db
      .query('plugin::crm.lead-status')
      .findMany({ where: { isCustomerStatus: true } });
    expect(flagged.map((s: { documentId: string }) => s.documentId)).toEqual([refs.status.Customer]);
  });

  it('a status that leads hold cannot be deleted', async () => {
    await createLead(strapi, { name: 'Holding Hal', status: refs.status.Proposal, createdBy: manager.id });
    const res = await manager.del(`${CM_STATUS}/${refs.status.Proposal}`);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/move them to another status/);
  });
});

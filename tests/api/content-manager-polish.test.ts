/**
 * Issue 15 (Content Manager): every CRM field labelled, staff shown by name to whoever sees the
 * lead (never their email), customers titled by a full name kept in step on every path (and filled
 * at boot for older rows), activity rows that say what a note was about (erased on anonymize).
 */
import type { Core } from '@strapi/strapi';
import { createLead } from '../helpers/leads';
import { http, startStrapi, stopStrapi } from '../helpers/strapi';
import { createRole, createStaff, type Staff } from '../helpers/users';

const LEAD = 'plugin::crm.lead';
const CUSTOMER = 'plugin::crm.customer';
const CM = '/content-manager/collection-types';
const CRM_TYPES = [
  'lead',
  'customer',
  'note',
  'task',
  'reminder',
  'opportunity',
  'activity',
  'lead-status',
  'lead-source',
  'tag',
  'custom-field',
].map((name) => `plugin::crm.${name}`);

let strapi: Core.Strapi;
let seller: Staff;
let sam: Staff;
let manager: Staff;

const configuration = (uid: string) =>
  strapi.plugin('content-manager').service('content-types').findConfiguration({ uid });

beforeAll(async () => {
  strapi = await startStrapi();
  seller = await createStaff(strapi, 'Sales Staff', { firstname: 'Selma' });
  sam = await createStaff(strapi, 'Sales Staff', { firstname: 'Sam', lastname: 'Seller' });
  manager = await createStaff(strapi, 'Sales Manager');
});

afterAll(async () => {
  await stopStrapi(strapi);
});

describe('the labels of the Content Manager', () => {
  it.each(CRM_TYPES)('%s: every field has a label other than its attribute name', async (uid) => {
    const { metadatas } = await configuration(uid);
    const attributes = Object.keys(strapi.contentType(uid as never).attributes);
    const unlabelled = attributes.filter(
      (field) =>
        metadatas[field] && (metadatas[field].edit.label === field || metadatas[field].list.label === field)
    );
    expect(unlabelled).toEqual([]);
  });

  it('titles customers by full name, shows relations by name and keeps the conversion fields read-only', async () => {
    const customer = await configuration(CUSTOMER);
    expect(customer.settings.mainField).toBe('fullName');
    expect(customer.metadatas.fullName.edit).toMatchObject({ label: 'Full name', editable: false });
    expect(customer.metadatas.lead.edit).toMatchObject({ mainField: 'name', editable: false });
    const lead = await configuration(LEAD);
    expect(lead.metadatas.customer.edit).toMatchObject({ mainField: 'fullName', editable: false });
    expect(lead.metadatas.dateConverted.edit).toMatchObject({ label: 'Converted on', editable: false });
    expect(lead.metadatas.leadStatus.edit.mainField).toBe('name');
    expect((await configuration('plugin::crm.task')).metadatas.assignedTo.list.mainField).toBe('firstname');
  });
});

describe('custom-field values through the Custom Fields API', () => {
  it('are a registered custom field stored as JSON: values written before read back unchanged', async () => {
    for (const uid of [LEAD, CUSTOMER]) {
      expect(strapi.contentType(uid as never).attributes.customFields).toMatchObject({
        type: 'json',
        customField: 'plugin::crm.custom-field-values',
      });
    }
    expect(strapi.get('custom-fields').get('plugin::crm.custom-field-values')).toMatchObject({
      type: 'json',
    });
    await strapi.db.query('plugin::crm.custom-field').deleteMany({ where: { slug: 'budget' } });
    await strapi.documents('plugin::crm.custom-field').create({
      data: { name: 'Budget', slug: 'budget', target: 'lead', type: 'number', active: true } as never,
    });
    const lead = await createLead(strapi, { name: 'Json Jo', createdBy: seller.id });
    // written straight into the column, as a database from before the change holds it
    await strapi.db
      .query(LEAD)
      .update({ where: { id: lead.id }, data: { customFields: { budget: 1200, legacy: 'kept' } } });
    const read = await seller.get(`${CM}/${LEAD}/${lead.documentId}`);
    expect(read.status).toBe(200);
    expect(read.body.data.customFields).toEqual({ budget: 1200, legacy: 'kept' });

    const bad = await seller
      .put(`${CM}/${LEAD}/${lead.documentId}`)
      .send({ customFields: { budget: 'lots' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.errors).toEqual([
      expect.objectContaining({ path: ['customFields', 'budget'] }),
    ]);
    // what the typed input sends: the active fields only; the server keeps the others
    const good = await seller
      .put(`${CM}/${LEAD}/${lead.documentId}`)
      .send({ customFields: { budget: 1500 } });
    expect(good.status).toBe(200);
    expect(good.body.data.customFields).toEqual({ budget: 1500, legacy: 'kept' });
    // the whole object sent back as read: the unchanged value of an unknown field does not block a save
    const whole = await seller
      .put(`${CM}/${LEAD}/${lead.documentId}`)
      .send({ city: 'Lyon', customFields: { budget: 1500, legacy: 'kept' } });
    expect(whole.status).toBe(200);
    // a new unknown key is refused, as on the plugin's routes
    const unknown = await seller
      .put(`${CM}/${LEAD}/${lead.documentId}`)
      .send({ customFields: { budget: 1500, invented: 'x' } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details.errors).toEqual([
      expect.objectContaining({ path: ['customFields', 'invented'] }),
    ]);
  });
});

describe('staff shown by name to a Sales Staff user in the Content Manager', () => {
  let lead: { documentId: string };

  beforeAll(async () => {
    lead = await createLead(strapi, { name: 'Named Nora', createdBy: seller.id, assignedTo: sam.id });
  });

  it('names the assignee in the edit view relation (and never sends an email)', async () => {
    const res = await seller.get(`/content-manager/relations/${LEAD}/${lead.documentId}/assignedTo`);
    expect(res.status).toBe(200);
    expect(res.body.results).toEqual([expect.objectContaining({ firstname: 'Sam' })]);
    expect(JSON.stringify(res.body)).not.toMatch(/@crm\.test|password/);
  });

  it('names the staff in the relation picker and the list view', async () => {
    const picker = await seller.get(`/content-manager/relations/${LEAD}/assignedTo?pageSize=100`);
    expect(picker.status).toBe(200);
    expect(picker.body.results.map((u: { firstname?: string }) => u.firstname)).toContain('Sam');
    expect(JSON.stringify(picker.body)).not.toMatch(/@crm\.test|password/);

    const list = await seller.get(`${CM}/${LEAD}?pageSize=100`);
    expect(list.status).toBe(200);
    const row = list.body.results.find((l: { documentId: string }) => l.documentId === lead.documentId);
    expect(row.assignedTo).toEqual(expect.objectContaining({ firstname: 'Sam' }));
    expect(JSON.stringify(list.body)).not.toMatch(/@crm\.test|password/);
  });

  it('gives away no email through filters or the admin users routes', async () => {
    const probe = await seller.get(
      `${CM}/${LEAD}?filters[assignedTo][email][$startsWith]=${encodeURIComponent(sam.email.slice(0, 6))}`
    );
    expect(probe.status).toBe(400);
    expect(probe.body.error.name).toBe('ValidationError');
    const nested = await seller.get(`${CM}/${LEAD}?filters[$or][0][createdBy][email][$eq]=${sam.email}`);
    expect(nested.status).toBe(400);
    expect((await seller.get(`${CM}/${LEAD}?filters[assignedTo][firstname][$eq]=Sam`)).status).toBe(200);
    expect((await seller.get('/admin/users')).status).toBe(403);
    const users = await seller.get(`${CM}/admin::user`);
    expect(JSON.stringify(users.body)).not.toMatch(/@crm\.test|password/);
    const detail = await seller.get(`${CM}/${LEAD}/${lead.documentId}`);
    expect(detail.status).toBe(200);
    expect(JSON.stringify(detail.body)).not.toMatch(/@crm\.test|password/);
  });

  it('the same holds for the same routes spelled in capitals or with an encoded uid (the router accepts both)', async () => {
    for (const path of [
      `/Content-Manager/collection-types/${LEAD}?pageSize=100`,
      `/content-manager/collection-types/${encodeURIComponent(LEAD)}?pageSize=100`,
      `/CONTENT-MANAGER/collection-types/${LEAD}/${lead.documentId}`,
    ]) {
      const res = await seller.get(path);
      expect([path, res.status]).toEqual([path, 200]);
      expect(JSON.stringify(res.body)).toContain('Sam');
      expect(JSON.stringify(res.body)).not.toMatch(/@crm\.test|password/);
    }
    const probe = await seller.get(
      `/Content-Manager/collection-types/${LEAD}?filters[assignedTo][email][$startsWith]=${encodeURIComponent(sam.email.slice(0, 6))}`
    );
    expect(probe.status).toBe(400);
  });

  it("the plugin's list, board and export refuse a filter on a staff member's email or login", async () => {
    const prefix = encodeURIComponent(sam.email.slice(0, 6));
    for (const path of [
      `/crm/leads?filters[assignedTo][email][$startsWith]=${prefix}`,
      `/crm/leads?filters[$or][0][createdBy][username][$null]=true`,
      `/crm/leads/board?filters[assignedTo][$not][email][$eq]=${prefix}`,
      `/crm/leads/export?filters[assignedTo][email][$startsWith]=${prefix}`,
    ]) {
      const res = await manager.get(path);
      expect([path, res.status, res.body.error?.name]).toEqual([path, 400, 'ValidationError']);
    }
    expect((await seller.get(`/crm/leads?filters[assignedTo][firstname][$eq]=Sam`)).status).toBe(200);
  });

  it('names nobody to a user who reads no CRM record', async () => {
    const outsider = await createStaff(strapi, (await createRole(strapi, [])).id);
    const res = await outsider.get(`/content-manager/relations/${LEAD}/${lead.documentId}/assignedTo`);
    expect(res.status).not.toBe(200);
    expect(JSON.stringify(res.body)).not.toContain('Sam');
  });
});

describe('the Status picker of a lead', () => {
  it('offers every status but the customer one (only a conversion gives it); a converted lead still shows it', async () => {
    const statuses = await strapi.db.query('plugin::crm.lead-status').findMany({ orderBy: { id: 'asc' } });
    const customer = statuses.find((s: { isCustomerStatus: boolean }) => s.isCustomerStatus);
    const picker = await manager.get(`/content-manager/relations/${LEAD}/leadStatus?pageSize=100`);
    expect(picker.status).toBe(200);
    const offered = picker.body.results.map((r: { documentId: string }) => r.documentId).sort();
    expect(offered).toEqual(
      statuses
        .filter((s: { isCustomerStatus: boolean }) => !s.isCustomerStatus)
        .map((s: { documentId: string }) => s.documentId)
        .sort()
    );
    // with the picker's own omissions kept, and its search
    const first = statuses.find((s: { isCustomerStatus: boolean }) => !s.isCustomerStatus);
    const omitted = await manager.get(
      `/content-manager/relations/${LEAD}/leadStatus?pageSize=100&idsToOmit[0]=${first.id}`
    );
    const ids = omitted.body.results.map((r: { documentId: string }) => r.documentId);
    expect(ids).not.toContain(first.documentId);
    expect(ids).not.toContain(customer.documentId);
    expect(ids).toHaveLength(statuses.length - 2);

    const lead = await createLead(strapi, { name: 'Converted Carl', createdBy: manager.id });
    const converted = await manager
      .post(`/crm/leads/${lead.documentId}/convert`)
      .send({ customer: { firstName: 'Carl', email: `carl.${Date.now()}@x.test` } });
    expect(converted.status).toBe(201);
    const existing = await manager.get(`/content-manager/relations/${LEAD}/${lead.documentId}/leadStatus`);
    expect(existing.body.results.map((r: { documentId: string }) => r.documentId)).toEqual([
      customer.documentId,
    ]);
  });
});

describe('the pickers of an entry already saved', () => {
  // the admin panel asks with the entry's id: Strapi then leaves out its current targets with a
  // subquery in the where-clause, which the filters' shape check must not walk into
  it.each(['Super Admin', 'Sales Manager', 'Sales Staff'])(
    "offer their targets to the %s, the lead's current status left out",
    async (role) => {
      const user = role === 'Sales Manager' ? manager : await createStaff(strapi, role);
      const lead = await createLead(strapi, { name: `Picked Pia ${role}`, createdBy: user.id });
      const statuses = await strapi.db.query('plugin::crm.lead-status').findMany({ orderBy: { id: 'asc' } });
      const picker = await user.get(
        `/content-manager/relations/${LEAD}/leadStatus?id=${lead.documentId}&pageSize=100`
      );
      expect(picker.status).toBe(200);
      const current = await strapi.db
        .query(LEAD)
        .findOne({ where: { documentId: lead.documentId }, populate: ['leadStatus'] });
      expect(picker.body.results.map((r: { documentId: string }) => r.documentId).sort()).toEqual(
        statuses
          .filter(
            (s: { isCustomerStatus: boolean; id: number }) =>
              !s.isCustomerStatus && s.id !== current.leadStatus.id
          )
          .map((s: { documentId: string }) => s.documentId)
          .sort()
      );
      await strapi.documents('plugin::crm.tag').create({ data: { name: `Picked ${role}` } as never });
      for (const field of ['source', 'tags']) {
        const res = await user.get(`/content-manager/relations/${LEAD}/${field}?id=${lead.documentId}`);
        expect([field, res.status]).toEqual([field, 200]);
        expect(res.body.results.length).toBeGreaterThan(0);
      }
    }
  );

  it("offer a Sales Staff member only the leads they see, in a saved task's Lead picker", async () => {
    const own = await createLead(strapi, { name: 'Own Olga', createdBy: seller.id });
    const other = await createLead(strapi, { name: 'Other Otto', createdBy: seller.id });
    const hidden = await createLead(strapi, { name: 'Hidden Hugo', createdBy: manager.id });
    const task = await strapi
      .documents('plugin::crm.task')
      .create({ data: { title: 'Call Olga', lead: own.documentId, createdBy: seller.id } as never });
    const res = await seller.get(
      `/content-manager/relations/plugin::crm.task/lead?id=${task.documentId}&pageSize=100`
    );
    expect(res.status).toBe(200);
    const offered = res.body.results.map((r: { documentId: string }) => r.documentId);
    expect(offered).toContain(other.documentId);
    expect(offered).not.toContain(own.documentId);
    expect(offered).not.toContain(hidden.documentId);
  });
});

describe("the customer's full name", () => {
  const stored = (documentId: string) =>
    strapi.db.query(CUSTOMER).findOne({ where: { documentId }, select: ['fullName'] });

  it('follows the first and last name on create and update, whatever the write says about it', async () => {
    const created = await strapi.documents(CUSTOMER).create({
      data: { firstName: 'Ada', lastName: 'Lovelace', fullName: 'Someone Else' } as never,
    });
    expect((await stored(created.documentId)).fullName).toBe('Ada Lovelace');
    await strapi
      .documents(CUSTOMER)
      .update({ documentId: created.documentId, data: { lastName: 'Byron' } as never });
    expect((await stored(created.documentId)).fullName).toBe('Ada Byron');
    await strapi
      .documents(CUSTOMER)
      .update({ documentId: created.documentId, data: { lastName: null } as never });
    expect((await stored(created.documentId)).fullName).toBe('Ada');
    await strapi
      .documents(CUSTOMER)
      .update({ documentId: created.documentId, data: { fullName: 'Forged', city: 'London' } as never });
    expect((await stored(created.documentId)).fullName).toBe('Ada');
  });

  it('is set by the conversion', async () => {
    const lead = await createLead(strapi, { name: 'Grace Hopper', createdBy: seller.id });
    const res = await seller.post(`/crm/leads/${lead.documentId}/convert`).send({
      customer: { firstName: 'Grace', lastName: 'Brewster Hopper', email: 'grace.fullname@example.com' },
    });
    expect(res.status).toBe(201);
    expect((await stored(res.body.data.customer.documentId)).fullName).toBe('Grace Brewster Hopper');
  });
});

describe('the activity row of a note', () => {
  const noteRows = async (documentId: string) =>
    (
      await strapi.db.query('plugin::crm.activity').findMany({
        where: { lead: { documentId }, action: { $startsWith: 'note_' } },
        orderBy: { id: 'asc' },
      })
    ).map((row: { action: string; data: { excerpt?: string } }) => [row.action, row.data.excerpt]);

  it('keeps the first words of the note, from the plugin and from the Content Manager; anonymization erases them', async () => {
    const lead = await createLead(strapi, { name: 'Excerpt Eve', createdBy: seller.id });
    const long = `Called Eve about the renewal; she wants a quote for ${'twelve seats '.repeat(10)}`;
    const added = await seller.post(`/crm/leads/${lead.documentId}/notes`).send({ body: long });
    expect(added.status).toBe(201);
    await seller.put(`/crm/notes/${added.body.data.documentId}`).send({ body: 'Quote  sent\nby mail' });
    const viaCm = await seller
      .post(`${CM}/plugin::crm.note`)
      .send({ body: 'Eve signed', lead: { connect: [{ documentId: lead.documentId }] } });
    expect(viaCm.status).toBe(201);

    const rows = await noteRows(lead.documentId);
    expect(rows).toEqual([
      [
        'note_added',
        expect.stringMatching(/^Called Eve about the renewal; she wants a quote for twelve seats .*…$/),
      ],
      ['note_updated', 'Quote sent by mail'],
      ['note_added', 'Eve signed'],
    ]);
    expect((rows[0][1] as string).length).toBeLessThanOrEqual(81);

    expect((await manager.post(`/crm/leads/${lead.documentId}/anonymize`)).status).toBe(200);
    expect(await noteRows(lead.documentId)).toEqual([
      ['note_added', '[erased]'],
      ['note_updated', '[erased]'],
      ['note_added', '[erased]'],
    ]);
  });
});

describe('a second boot on a database written before', () => {
  it('fills the full name of older customers and keeps a label an administrator changed', async () => {
    const older = await strapi
      .documents(CUSTOMER)
      .create({ data: { firstName: 'Old', lastName: 'Timer' } as never });
    await strapi.db
      .query(CUSTOMER)
      .update({ where: { documentId: older.documentId }, data: { fullName: null } });
    const contentTypes = strapi.plugin('content-manager').service('content-types');
    const layout = await configuration(CUSTOMER);
    layout.metadatas.company.edit.label = 'Organisation';
    await contentTypes.updateConfiguration({ uid: CUSTOMER }, layout);

    await stopStrapi(strapi);
    strapi = await startStrapi({ keepDatabase: true });

    const row = await strapi.db.query(CUSTOMER).findOne({ where: { documentId: older.documentId } });
    expect(row.fullName).toBe('Old Timer');
    const after = await configuration(CUSTOMER);
    expect(after.metadatas.company.edit.label).toBe('Organisation');
    expect(after.metadatas.lastName.edit.label).toBe('Last name');
    expect((await http(strapi).get('/_health')).status).toBe(204);
  });
});

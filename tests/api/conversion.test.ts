/** SPEC §6 / issue 5: converting a lead into a customer, without losing anything. */
import type { Core } from '@strapi/strapi';
import { emails } from '../helpers/email';
import { countRows, createLead, references } from '../helpers/leads';
import { http, startStrapi, stopStrapi } from '../helpers/strapi';
import { createRole, createStaff, type Staff } from '../helpers/users';
import { startWebhookReceiver } from '../helpers/webhooks';
import { sanitize } from '@strapi/utils';
import { CUSTOMER_POPULATE, customerDetail } from '../../server/src/services/conversion/serialize';

const LEAD = 'plugin::crm.lead';
const CUSTOMER = 'plugin::crm.customer';
const FIELD = 'plugin::crm.custom-field';
const USER = 'plugin::users-permissions.user';
const NOTE = 'plugin::crm.note';
const TASK = 'plugin::crm.task';
const ACTIVITY = 'plugin::crm.activity';

let strapi: Core.Strapi;
let seller: Staff;
let other: Staff;
let manager: Staff;
let refs: Awaited<ReturnType<typeof references>>;

const field = (data: Record<string, unknown>) =>
  strapi.documents(FIELD).create({ data: { target: 'lead', ...data } as never });

/** A qualified lead with custom fields and two notes, created by the seller. */
const qualifiedLead = async (overrides: Record<string, unknown> = {}) => {
  const lead = await createLead(strapi, {
    name: 'Mary Ann de la Cruz',
    email: `mary.${Math.random().toString(36).slice(2)}@example.com`,
    phone: '+33 1 00 00 00 00',
    company: 'Cruz & Co',
    position: 'CEO',
    website: 'https://cruz.example',
    address: '1 rue de Rivoli',
    city: 'Paris',
    state: 'IDF',
    zip: '75001',
    country: 'France',
    status: refs.status.Qualified,
    createdBy: seller.id,
    customFields: {
      budget: 12000,
      mobile: '+33 6 12 34 56 78',
      homepage: 'https://mary.example',
      region: 'Europe',
      'shoe-size': 38,
    },
    ...overrides,
  });
  for (const body of ['Met at the fair', 'Wants a demo']) {
    await strapi
      .documents(NOTE)
      .create({ data: { body, lead: lead.documentId, author: seller.id } as never });
  }
  return lead;
};

const body = (lead: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  customer: {
    firstName: 'Mary',
    lastName: 'Ann de la Cruz',
    email: lead.email,
    company: 'Cruz & Co',
    phone: '+33 1 00 00 00 00',
  },
  ...extra,
});

const snapshot = async (leadDocumentId: string) => ({
  customers: await countRows(strapi, CUSTOMER),
  fields: await countRows(strapi, FIELD),
  users: await countRows(strapi, USER),
  notes: await countRows(strapi, NOTE),
  tasks: await countRows(strapi, TASK),
  activities: await countRows(strapi, ACTIVITY),
  lead: await strapi.db
    .query(LEAD)
    .findOne({ where: { documentId: leadDocumentId }, populate: { leadStatus: true, customer: true } }),
});

beforeAll(async () => {
  strapi = await startStrapi();
  seller = await createStaff(strapi, 'Sales Staff', { firstname: 'Sally' });
  other = await createStaff(strapi, 'Sales Staff');
  manager = await createStaff(strapi, 'Sales Manager');
  refs = await references(strapi);
  await field({ name: 'Budget', slug: 'budget', type: 'number' });
  await field({ name: 'Mobile', slug: 'mobile', type: 'text' });
  await field({ name: 'Homepage', slug: 'homepage', type: 'url' });
  await field({ name: 'Region', slug: 'region', type: 'select', options: ['Europe', 'Asia'] });
  await field({ name: 'Shoe size', slug: 'shoe-size', type: 'number' });
  // A customer definition that already exists: a custom merge reuses it.
  await field({
    name: 'Region',
    slug: 'region',
    type: 'select',
    options: ['Europe', 'Asia'],
    target: 'customer',
  });
});

afterAll(async () => {
  await stopStrapi(strapi);
});

beforeEach(() => emails.reset());

describe('GET /crm/leads/:id/conversion', () => {
  it('prefills the customer, keeping every word of the name', async () => {
    const lead = await qualifiedLead();
    const res = await seller.get(`/crm/leads/${lead.documentId}/conversion`);
    expect(res.status).toBe(200);
    expect(res.body.data.customer).toEqual({
      firstName: 'Mary',
      lastName: 'Ann de la Cruz',
      position: 'CEO',
      email: lead.email,
      phone: '+33 1 00 00 00 00',
      company: 'Cruz & Co',
      website: 'https://cruz.example',
      address: '1 rue de Rivoli',
      city: 'Paris',
      state: 'IDF',
      zip: '75001',
      country: 'France',
    });
    const bySlug = Object.fromEntries(res.body.data.customFields.map((f: { slug: string }) => [f.slug, f]));
    expect(bySlug.budget).toMatchObject({
      name: 'Budget',
      type: 'number',
      value: 12000,
      suggestedMerge: 'custom',
    });
    expect(res.body.data.targets).toEqual(
      expect.arrayContaining([
        { field: 'phone', type: 'text' },
        { field: 'website', type: 'url' },
      ])
    );
    expect(res.body.data.existingCustomer).toBeNull();
    expect(res.body.data.passwordPolicy).toEqual({ minLength: 10 });
  });

  it('says when a customer with this email exists', async () => {
    const lead = await qualifiedLead();
    const customer = await strapi
      .documents(CUSTOMER)
      .create({ data: { firstName: 'Existing', email: (lead.email as string).toUpperCase() } as never });
    const res = await seller.get(`/crm/leads/${lead.documentId}/conversion`);
    expect(res.body.data.existingCustomer).toMatchObject({
      documentId: customer.documentId,
      firstName: 'Existing',
    });
  });
});

describe('POST /crm/leads/:id/convert', () => {
  it('creates the customer with merged custom fields, moves the lead, copies notes and adds the task', async () => {
    const lead = await qualifiedLead({ lost: true });
    const before = await countRows(strapi, FIELD);
    const res = await seller.post(`/crm/leads/${lead.documentId}/convert`).send(
      body(lead, {
        customFields: [
          { slug: 'budget', merge: 'custom' },
          { slug: 'mobile', merge: 'database', target: 'phone' },
          { slug: 'homepage', merge: 'database', target: 'website' },
          { slug: 'shoe-size', merge: 'skip' },
        ],
        transferNotes: true,
        followUpTask: { title: 'Kick-off call', dueDate: '2026-12-01', assignedTo: seller.id },
      })
    );
    expect(res.status).toBe(201);
    const { customer, lead: converted } = res.body.data;
    expect(customer).toMatchObject({
      firstName: 'Mary',
      lastName: 'Ann de la Cruz',
      email: lead.email,
      company: 'Cruz & Co',
      phone: '+33 6 12 34 56 78',
      website: 'https://mary.example',
      customFields: { budget: 12000, region: 'Europe' },
      lead: { documentId: lead.documentId },
      user: null,
    });
    expect(customer.customFields).not.toHaveProperty('shoe-size');
    expect(customer.customFields).not.toHaveProperty('mobile');
    // "budget" got a new customer definition; "region" reused the existing one.
    expect(await countRows(strapi, FIELD)).toBe(before + 1);
    expect(
      await strapi.db.query(FIELD).findOne({ where: { slug: 'budget', target: 'customer' } })
    ).toMatchObject({ name: 'Budget', type: 'number' });

    expect(converted).toMatchObject({
      status: { name: 'Customer' },
      lost: false,
      junk: false,
      customer: { documentId: customer.documentId },
    });
    expect(converted.dateConverted).toEqual(expect.any(String));

    const row = await strapi.db
      .query(CUSTOMER)
      .findOne({ where: { documentId: customer.documentId }, populate: { lead: true } });
    expect(row.lead.documentId).toBe(lead.documentId);
    const notes = await strapi.db
      .query(NOTE)
      .findMany({ where: { customer: { documentId: customer.documentId } } });
    expect(notes.map((n: { body: string }) => n.body).sort()).toEqual(['Met at the fair', 'Wants a demo']);
    expect(await strapi.db.query(NOTE).count({ where: { lead: { documentId: lead.documentId } } })).toBe(2);
    const task = await strapi.db
      .query(TASK)
      .findOne({ where: { customer: { documentId: customer.documentId } }, populate: { assignedTo: true } });
    expect(task).toMatchObject({ title: 'Kick-off call', status: 'open', assignedTo: { id: seller.id } });
  });

  it('lands every prefilled field on the customer when the prefill is sent back, with a merge into country', async () => {
    const lead = await qualifiedLead();
    const prefill = (await seller.get(`/crm/leads/${lead.documentId}/conversion`)).body.data;
    const res = await seller.post(`/crm/leads/${lead.documentId}/convert`).send({
      customer: prefill.customer,
      customFields: [{ slug: 'region', merge: 'database', target: 'country' }],
    });
    expect(res.status).toBe(201);
    expect(res.body.data.customer).toMatchObject({ ...prefill.customer, country: 'Europe' });
    expect(res.body.data.customer.customFields).not.toHaveProperty('region');
  });

  it('takes the lead out of the default list, keeps it with includeConverted, and logs the conversion', async () => {
    const lead = await qualifiedLead();
    expect((await seller.post(`/crm/leads/${lead.documentId}/convert`).send(body(lead))).status).toBe(201);
    const list = await seller.get('/crm/leads?pageSize=100');
    expect(list.body.data.map((l: { documentId: string }) => l.documentId)).not.toContain(lead.documentId);
    const all = await seller.get('/crm/leads?pageSize=100&includeConverted=true');
    expect(all.body.data.map((l: { documentId: string }) => l.documentId)).toContain(lead.documentId);
    const activity = await seller.get(`/crm/leads/${lead.documentId}/activity`);
    const converted = activity.body.data.find((a: { action: string }) => a.action === 'converted');
    expect(converted).toMatchObject({ actor: { id: seller.id }, data: { customer: { firstName: 'Mary' } } });
    expect(await strapi.db.query(NOTE).count({ where: { lead: { documentId: lead.documentId } } })).toBe(2);
  });

  it("logs a changed email from the lead's to the customer's", async () => {
    const lead = await qualifiedLead();
    const res = await seller
      .post(`/crm/leads/${lead.documentId}/convert`)
      .send({ customer: { firstName: 'Mary', email: 'new.mary@example.com' } });
    expect(res.status).toBe(201);
    const row = await strapi.db
      .query(ACTIVITY)
      .findOne({ where: { action: 'email_changed_on_conversion', lead: { documentId: lead.documentId } } });
    expect(row.data).toEqual({ from: lead.email, to: 'new.mary@example.com' });
  });

  it('answers 409 to a second conversion, and to its prefill', async () => {
    const lead = await qualifiedLead();
    expect((await seller.post(`/crm/leads/${lead.documentId}/convert`).send(body(lead))).status).toBe(201);
    const again = await seller
      .post(`/crm/leads/${lead.documentId}/convert`)
      .send({ customer: { firstName: 'Mary' } });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ data: null, error: { status: 409, name: 'ConflictError' } });
    expect((await seller.get(`/crm/leads/${lead.documentId}/conversion`)).status).toBe(409);
    expect(await strapi.db.query(CUSTOMER).count({ where: { lead: { documentId: lead.documentId } } })).toBe(
      1
    );
  });
});

describe('the portal login', () => {
  it('answers the new customer as stored: its login, tags, custom fields and creator', async () => {
    const tag = await strapi.documents('plugin::crm.tag').create({ data: { name: 'Answer tag' } as never });
    const lead = await qualifiedLead({ tags: [tag.documentId] });
    const res = await seller.post(`/crm/leads/${lead.documentId}/convert`).send(
      body(lead, {
        customFields: [{ slug: 'mobile', merge: 'database', target: 'phone' }],
        login: { enabled: true, password: 'Portal-Pass-2026', sendWelcomeEmail: false },
      })
    );
    expect(res.status).toBe(201);
    const answered = res.body.data.customer as Record<string, unknown>;
    const stored = customerDetail(
      (await strapi.documents(CUSTOMER).findOne({
        documentId: answered.documentId as string,
        populate: CUSTOMER_POPULATE,
      })) as Parameters<typeof customerDetail>[0]
    );
    expect(Object.keys(answered)).toEqual(
      expect.arrayContaining(['createdAt', 'updatedAt', 'customFields', 'tags', 'user', 'lead', 'createdBy'])
    );
    expect(answered).toEqual(
      Object.fromEntries(Object.keys(answered).map((key) => [key, stored[key as keyof typeof stored]]))
    );
    expect(answered).toMatchObject({
      phone: '+33 6 12 34 56 78',
      tags: [{ documentId: tag.documentId, name: 'Answer tag' }],
      user: { email: lead.email },
      lead: { documentId: lead.documentId },
      createdBy: { id: seller.id, firstname: 'Sally' },
    });
  });

  it('with a password: a confirmed Customer user who can log in, the password nowhere', async () => {
    const lead = await qualifiedLead();
    const password = 'Portal-Pass-2026';
    const res = await seller
      .post(`/crm/leads/${lead.documentId}/convert`)
      .send(body(lead, { login: { enabled: true, password, sendWelcomeEmail: true } }));
    expect(res.status).toBe(201);
    expect(res.body.data.customer.user).toEqual({ id: expect.any(Number), email: lead.email });

    const auth = await http(strapi).post('/api/auth/local').send({ identifier: lead.email, password });
    expect(auth.status).toBe(200);
    const user = await strapi.db
      .query(USER)
      .findOne({ where: { id: auth.body.user.id }, populate: { role: true } });
    expect(user).toMatchObject({ confirmed: true, blocked: false, role: { type: 'customer' } });

    expect(emails.sent).toHaveLength(1);
    expect(emails.sent[0].to).toBe(lead.email);
    const activity = await strapi.db
      .query(ACTIVITY)
      .findMany({ where: { lead: { documentId: lead.documentId } } });
    for (const text of [JSON.stringify(res.body), JSON.stringify(emails.sent), JSON.stringify(activity)]) {
      expect(text).not.toContain(password);
    }
  });

  it('without a password: the welcome email carries a working set-password link', async () => {
    const lead = await qualifiedLead();
    const res = await seller
      .post(`/crm/leads/${lead.documentId}/convert`)
      .send(body(lead, { login: { enabled: true } }));
    expect(res.status).toBe(201);
    expect(emails.sent).toHaveLength(1);
    const code = /[?&]code=([a-f0-9]+)/.exec(emails.sent[0].text ?? '')?.[1];
    expect(code).toEqual(expect.any(String));
    const reset = await http(strapi)
      .post('/api/auth/reset-password')
      .send({ code, password: 'Chosen-Pass-2026', passwordConfirmation: 'Chosen-Pass-2026' });
    expect(reset.status).toBe(200);
    const auth = await http(strapi)
      .post('/api/auth/local')
      .send({ identifier: lead.email, password: 'Chosen-Pass-2026' });
    expect(auth.status).toBe(200);
  });

  it('a failing email provider does not undo the conversion: the failure is logged on the lead', async () => {
    const lead = await qualifiedLead();
    emails.failWith(new Error('SMTP is down'));
    const res = await seller
      .post(`/crm/leads/${lead.documentId}/convert`)
      .send(body(lead, { login: { enabled: true } }));
    emails.failWith(null);
    expect(res.status).toBe(201);
    expect(
      await strapi.db.query(CUSTOMER).count({ where: { documentId: res.body.data.customer.documentId } })
    ).toBe(1);
    const failure = await strapi.db
      .query(ACTIVITY)
      .findOne({ where: { action: 'welcome_email_failed', lead: { documentId: lead.documentId } } });
    expect(failure.data).toMatchObject({ to: lead.email, error: 'SMTP is down' });
  });

  it("answers 409 when the email's login already belongs to another customer", async () => {
    const first = await qualifiedLead();
    await seller
      .post(`/crm/leads/${first.documentId}/convert`)
      .send(body(first, { login: { enabled: true, password: 'Portal-Pass-2026' } }));
    const second = await qualifiedLead();
    const before = await snapshot(second.documentId);
    const res = await seller
      .post(`/crm/leads/${second.documentId}/convert`)
      .send({ customer: { firstName: 'Twin', email: 'twin@example.com' }, login: { enabled: true } });
    expect(res.status).toBe(201);
    const third = await qualifiedLead();
    const clash = await seller
      .post(`/crm/leads/${third.documentId}/convert`)
      .send({ customer: { firstName: 'Clash', email: 'clash@example.com' }, login: { enabled: true } });
    expect(clash.status).toBe(201);
    // Reusing a login that belongs to the first customer, under a fresh customer email record:
    await strapi.db.query(CUSTOMER).update({
      where: { documentId: clash.body.data.customer.documentId },
      data: { email: 'moved@example.com' },
    });
    const fourth = await qualifiedLead();
    const conflict = await seller
      .post(`/crm/leads/${fourth.documentId}/convert`)
      .send({ customer: { firstName: 'Again', email: 'clash@example.com' }, login: { enabled: true } });
    expect(conflict.status).toBe(409);
    expect(before.customers).toBeLessThan(await countRows(strapi, CUSTOMER));
  });
});

describe("the lead in the conversion's answer", () => {
  const convertWatching = async (
    lead: { documentId: string },
    request: Record<string, unknown>,
    beforeTransaction?: () => unknown
  ) => {
    const conversion = strapi.plugin('crm').service('conversion');
    const answered: string[] = [];
    conversion.hooks.beforeTransaction = beforeTransaction;
    conversion.hooks.answered = (how: string) => answered.push(how);
    try {
      const res = await seller.post(`/crm/leads/${lead.documentId}/convert`).send(request);
      expect(res.status).toBe(201);
      const stored = await seller.get(`/crm/leads/${lead.documentId}`);
      expect(stored.status).toBe(200);
      return { answer: res.body.data.lead, stored: stored.body.data, answered };
    } finally {
      conversion.hooks.beforeTransaction = undefined;
      conversion.hooks.answered = undefined;
    }
  };

  it("is the lead as stored, made of the request's own read when nobody wrote the lead meanwhile", async () => {
    const tag = await strapi.documents('plugin::crm.tag').create({ data: { name: 'Kept tag' } as never });
    const lead = await qualifiedLead({ tags: [tag.documentId], assignedTo: other.id, value: 4200 });
    const { answer, stored, answered } = await convertWatching(lead, body(lead));
    expect(answered).toEqual(['as read, converted']);
    expect(answer).toEqual(stored);
    expect(answer).toMatchObject({
      lost: false,
      junk: false,
      status: { isCustomerStatus: true },
      assignedTo: { id: other.id },
      tags: [{ documentId: tag.documentId, name: 'Kept tag' }],
      customer: { firstName: 'Mary', email: lead.email },
    });
    expect(answer.dateConverted).toEqual(expect.any(String));
  });

  it('merged into an existing customer, names that customer', async () => {
    const lead = await qualifiedLead({ junk: true });
    const existing = await strapi.documents(CUSTOMER).create({
      data: { firstName: 'Maria', lastName: 'Cruz', email: lead.email, company: 'Kept Co' } as never,
    });
    const { answer, stored, answered } = await convertWatching(
      lead,
      body(lead, { existingCustomerId: existing.documentId })
    );
    expect(answered).toEqual(['as read, converted']);
    expect(answer).toEqual(stored);
    expect(answer).toMatchObject({
      junk: false,
      customer: { documentId: existing.documentId, firstName: 'Maria', company: 'Kept Co' },
    });
  });

  it("is read again when someone wrote the lead between the request's read and the claim", async () => {
    const lead = await qualifiedLead();
    const { answer, stored, answered } = await convertWatching(lead, body(lead), () =>
      strapi.documents(LEAD).update({
        documentId: lead.documentId,
        data: { phone: '+44 20 7946 0000', lost: true } as never,
      })
    );
    expect(answered).toEqual(['read again']);
    expect(answer).toEqual(stored);
    expect(answer).toMatchObject({ phone: '+44 20 7946 0000', lost: false });
    // the activity says the lead left "lost", which it was when it was claimed
    const rows = await strapi.db
      .query(ACTIVITY)
      .findMany({ where: { lead: { documentId: lead.documentId }, action: 'unmarked_lost' } });
    expect(rows).toHaveLength(1);
  });
});

describe('an existing customer', () => {
  it('answers 409 for a duplicate email, offering the customer to merge into', async () => {
    const lead = await qualifiedLead();
    const existing = await strapi
      .documents(CUSTOMER)
      .create({ data: { firstName: 'Mary', email: lead.email } as never });
    const before = await snapshot(lead.documentId);
    const res = await seller.post(`/crm/leads/${lead.documentId}/convert`).send(body(lead));
    expect(res.status).toBe(409);
    expect(res.body.error.details.existingCustomer).toMatchObject({ documentId: existing.documentId });
    expect(await snapshot(lead.documentId)).toEqual(before);
  });

  it('merges the lead into it with existingCustomerId, filling only what it lacks', async () => {
    const lead = await qualifiedLead();
    const existing = await strapi.documents(CUSTOMER).create({
      data: {
        firstName: 'Mary',
        email: lead.email,
        company: 'Kept Co',
        customFields: { region: 'Asia' },
      } as never,
    });
    const res = await seller
      .post(`/crm/leads/${lead.documentId}/convert`)
      .send(body(lead, { existingCustomerId: existing.documentId }));
    expect(res.status).toBe(201);
    expect(res.body.data.customer).toMatchObject({
      documentId: existing.documentId,
      company: 'Kept Co',
      phone: '+33 1 00 00 00 00',
      customFields: { region: 'Asia', budget: 12000 },
    });
    expect(res.body.data.lead.customer.documentId).toBe(existing.documentId);
  });
});

describe('refusals', () => {
  it('answers 404 for a lead the caller cannot see, whatever the body', async () => {
    const lead = await qualifiedLead();
    const res = await other.post(`/crm/leads/${lead.documentId}/convert`).send({ nonsense: true });
    expect(res.status).toBe(404);
    expect((await other.get(`/crm/leads/${lead.documentId}/conversion`)).status).toBe(404);
  });

  it('answers 403 to staff without the convert permission', async () => {
    const role = await createRole(strapi, [
      { action: 'plugin::content-manager.explorer.read', subject: LEAD },
      { action: 'plugin::content-manager.explorer.update', subject: LEAD },
      { action: 'plugin::content-manager.explorer.create', subject: CUSTOMER },
    ]);
    const noConvert = await createStaff(strapi, role.id);
    const lead = await qualifiedLead();
    const before = await snapshot(lead.documentId);
    const res = await noConvert.post(`/crm/leads/${lead.documentId}/convert`).send(body(lead));
    expect(res.status).toBe(403);
    expect(await snapshot(lead.documentId)).toEqual(before);
  });

  it.each([
    ['no customer', {}, ['customer']],
    ['no first name', { customer: { lastName: 'X' } }, ['customer', 'firstName']],
    ['a bad customer email', { customer: { firstName: 'M', email: 'nope' } }, ['customer', 'email']],
    ['a bad customer website', { customer: { firstName: 'M', website: 'http://' } }, ['customer', 'website']],
    ['a too long city', { customer: { firstName: 'M', city: 'x'.repeat(256) } }, ['customer', 'city']],
    [
      'an unknown merge kind',
      { customer: { firstName: 'M' }, customFields: [{ slug: 'budget', merge: 'maybe' }] },
      ['customFields', '0', 'merge'],
    ],
    [
      'a database merge without target',
      { customer: { firstName: 'M' }, customFields: [{ slug: 'mobile', merge: 'database' }] },
      ['customFields', '0', 'target'],
    ],
    [
      'a target customers lack',
      {
        customer: { firstName: 'M' },
        customFields: [{ slug: 'mobile', merge: 'database', target: 'shoeSize' }],
      },
      ['customFields', '0', 'target'],
    ],
    [
      'a value that does not fit its target',
      {
        customer: { firstName: 'M' },
        customFields: [{ slug: 'budget', merge: 'database', target: 'email' }],
      },
      ['customFields', '0', 'target'],
    ],
    [
      'an unknown custom field',
      { customer: { firstName: 'M' }, customFields: [{ slug: 'nope', merge: 'custom' }] },
      ['customFields', '0', 'slug'],
    ],
    [
      'a field listed twice',
      {
        customer: { firstName: 'M' },
        customFields: [
          { slug: 'budget', merge: 'skip' },
          { slug: 'budget', merge: 'custom' },
        ],
      },
      ['customFields', '1', 'slug'],
    ],
    [
      'a weak password',
      {
        customer: { firstName: 'M', email: 'weak@example.com' },
        login: { enabled: true, password: 'short' },
      },
      ['login', 'password'],
    ],
    [
      'the email as password',
      {
        customer: { firstName: 'M', email: 'same.as.password@example.com' },
        login: { enabled: true, password: 'same.as.password@example.com' },
      },
      ['login', 'password'],
    ],
    [
      'a login without email',
      { customer: { firstName: 'M' }, login: { enabled: true } },
      ['customer', 'email'],
    ],
    [
      'a task without title',
      { customer: { firstName: 'M' }, followUpTask: { dueDate: '2026-12-01' } },
      ['followUpTask', 'title'],
    ],
    [
      'a task with a bad date',
      { customer: { firstName: 'M' }, followUpTask: { title: 'Call', dueDate: 'soon' } },
      ['followUpTask', 'dueDate'],
    ],
    [
      'a task for someone not staff',
      { customer: { firstName: 'M' }, followUpTask: { title: 'Call', assignedTo: 99999 } },
      ['followUpTask', 'assignedTo'],
    ],
    [
      'an unknown existing customer',
      { customer: { firstName: 'M' }, existingCustomerId: 'nope' },
      ['existingCustomerId'],
    ],
    ['an unknown top-level key', { customer: { firstName: 'M' }, sendFlowers: true }, ['sendFlowers']],
  ])('answers 400 for %s, naming the path, and changes nothing', async (_label, payload, path) => {
    const lead = await qualifiedLead();
    const before = await snapshot(lead.documentId);
    const res = await seller.post(`/crm/leads/${lead.documentId}/convert`).send(payload);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ data: null, error: { status: 400, name: 'ValidationError' } });
    expect(res.body.error.details.errors.map((e: { path: string[] }) => e.path)).toContainEqual(path);
    expect(await snapshot(lead.documentId)).toEqual(before);
    expect(emails.sent).toHaveLength(0);
  });
});

it('answers 400 for a follow-up task given to a colleague who may not see the lead, and changes nothing', async () => {
  const lead = await qualifiedLead();
  const before = await snapshot(lead.documentId);
  const res = await seller
    .post(`/crm/leads/${lead.documentId}/convert`)
    .send({ customer: { firstName: 'M' }, followUpTask: { title: 'Call', assignedTo: other.id } });
  expect(res.status).toBe(400);
  expect(res.body.error.details.errors).toContainEqual(
    expect.objectContaining({ path: ['followUpTask', 'assignedTo'], message: 'may not see this lead' })
  );
  expect(await snapshot(lead.documentId)).toEqual(before);
  // a manager sees it: the task may be theirs
  const ok = await seller
    .post(`/crm/leads/${lead.documentId}/convert`)
    .send({ customer: { firstName: 'M' }, followUpTask: { title: 'Call', assignedTo: manager.id } });
  expect(ok.status).toBe(201);
});

it('answers 403 for a follow-up task the role may not create, or whose assignee it may not write, and changes nothing', async () => {
  const CM = 'plugin::content-manager.explorer';
  const base = [
    { action: `${CM}.read`, subject: LEAD },
    { action: `${CM}.update`, subject: LEAD },
    { action: `${CM}.create`, subject: CUSTOMER },
    { action: `${CM}.read`, subject: CUSTOMER },
    { action: 'plugin::crm.leads.convert' },
  ];
  const noTasks = await createStaff(strapi, (await createRole(strapi, base)).id);
  const noAssignee = await createStaff(
    strapi,
    (
      await createRole(strapi, [
        ...base,
        {
          action: `${CM}.create`,
          subject: 'plugin::crm.task',
          properties: { fields: ['title', 'dueDate', 'customer'] },
        },
      ])
    ).id
  );
  for (const [who, task, message] of [
    [noTasks, { title: 'Call' }, 'Your role may not create tasks'],
    [
      noAssignee,
      { title: 'Call', assignedTo: manager.id },
      'task fields, which the follow-up task would fill: assignedTo',
    ],
  ] as const) {
    const lead = await qualifiedLead({ isPublic: true });
    const before = await snapshot(lead.documentId);
    const res = await who
      .post(`/crm/leads/${lead.documentId}/convert`)
      .send({ customer: { firstName: 'M' }, followUpTask: task });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain(message);
    expect(await snapshot(lead.documentId)).toEqual(before);
  }
  // the task the role may write goes through
  const lead = await qualifiedLead({ isPublic: true });
  const ok = await noAssignee
    .post(`/crm/leads/${lead.documentId}/convert`)
    .send({ customer: { firstName: 'M' }, followUpTask: { title: 'Call', dueDate: '2027-01-05' } });
  expect(ok.status).toBe(201);
});

describe('field-level permissions (SPEC §3.1)', () => {
  const READ = 'plugin::content-manager.explorer.read';
  /** Lead fields a Sales Staff copy may read: neither the contact details, value, description, assignee, status, custom fields, tags nor name. */
  const READABLE_LEAD = [
    'position',
    'company',
    'website',
    'city',
    'country',
    'source',
    'isPublic',
    'lost',
    'junk',
  ];
  const HIDDEN_LEAD = [
    'name',
    'email',
    'phone',
    'value',
    'description',
    'assignedTo',
    'status',
    'customFields',
    'tags',
  ];
  const SECRET = {
    email: 'secret.tess@hidden.test',
    phone: '+1 555 0199',
    value: 515151,
    description: 'SECRET DESC 2',
  };
  let tess: Staff;

  beforeAll(async () => {
    const role = await createRole(strapi, [
      { action: READ, subject: LEAD, properties: { fields: READABLE_LEAD } },
      { action: 'plugin::content-manager.explorer.update', subject: LEAD },
      { action: 'plugin::content-manager.explorer.create', subject: CUSTOMER },
      {
        action: READ,
        subject: CUSTOMER,
        properties: { fields: ['firstName', 'lastName', 'company', 'lead'] },
      },
      { action: READ, subject: NOTE },
      { action: 'plugin::crm.leads.convert' },
    ]);
    tess = await createStaff(strapi, role.id, { firstname: 'Tess' });
  });

  /** A public lead of the seller holding every value the role may not read; `extra` adds custom fields or tags. */
  const secretLead = (extra: Record<string, unknown> = {}) =>
    createLead(strapi, {
      name: 'Secret Sam Probe',
      ...SECRET,
      company: 'Probe Ltd',
      assignedTo: seller.id,
      isPublic: true,
      status: refs.status.Qualified,
      createdBy: seller.id,
      customFields: {},
      ...extra,
    });
  const request = { customer: { firstName: 'FLS', lastName: 'Probe' }, login: { enabled: false } };

  it("answers the lead as GET /crm/leads/:id does and the customer by the role's customer fields", async () => {
    const lead = await secretLead();
    const res = await tess.post(`/crm/leads/${lead.documentId}/convert`).send({
      ...request,
      customer: { ...request.customer, email: `fls.${lead.documentId}@example.com`, phone: '+1 555 0100' },
    });
    expect(res.status).toBe(201);
    const { lead: answered, customer } = res.body.data;
    const detail = await tess.get(`/crm/leads/${lead.documentId}`);
    expect(detail.status).toBe(200);
    expect(Object.keys(answered).sort()).toEqual(Object.keys(detail.body.data).sort());
    for (const field of HIDDEN_LEAD) expect(answered).not.toHaveProperty(field);
    expect(answered).toMatchObject({ company: 'Probe Ltd', lost: false });
    expect(Object.keys(customer).sort()).toEqual(
      ['documentId', 'firstName', 'lastName', 'company', 'lead', 'createdAt', 'updatedAt', 'createdBy'].sort()
    );
    // the customer's origin lead, by the lead's rights: no name
    expect(customer.lead).toEqual({ documentId: lead.documentId });
    const text = JSON.stringify(res.body);
    for (const value of [...Object.values(SECRET), 'Secret Sam', 'example.com', '+1 555 0100'])
      expect(text).not.toContain(String(value));
    // what was written is whole: the conversion filters its answer, not the customer
    const row = await strapi.db.query(CUSTOMER).findOne({ where: { documentId: customer.documentId } });
    expect(row).toMatchObject({ email: `fls.${lead.documentId}@example.com`, phone: '+1 555 0100' });
  });

  it('refuses (403, nothing written) a lead whose custom-field values or tags the role may not read, whatever the merge', async () => {
    const tag = await strapi
      .documents('plugin::crm.tag')
      .create({ data: { name: `secret-${Date.now()}` } as never });
    const lead = await secretLead({ customFields: { budget: 888, region: 'Asia' }, tags: [tag.documentId] });
    const before = await snapshot(lead.documentId);
    for (const extra of [
      {},
      // skipping values the prefill could not show would lose them: refused all the same
      { customFields: ['budget', 'region'].map((slug) => ({ slug, merge: 'skip' })) },
    ]) {
      const res = await tess.post(`/crm/leads/${lead.documentId}/convert`).send({ ...request, ...extra });
      expect(res.status).toBe(403);
      expect(res.body).toEqual({
        data: null,
        error: {
          status: 403,
          name: 'ForbiddenError',
          message:
            'Your role may not read the custom fields and tags of this lead, which a conversion carries to the customer: ask someone who may read them to convert it',
          details: {},
        },
      });
      expect(JSON.stringify(res.body)).not.toContain('888');
    }
    expect(await snapshot(lead.documentId)).toEqual(before);

    // a role reading every field converts the same lead with everything carried and answered
    const res = await seller.post(`/crm/leads/${lead.documentId}/convert`).send(request);
    expect(res.status).toBe(201);
    expect(res.body.data.customer).toMatchObject({
      customFields: { budget: 888, region: 'Asia' },
      tags: [{ documentId: tag.documentId }],
    });
    expect(res.body.data.lead).toMatchObject({
      name: 'Secret Sam Probe',
      ...SECRET,
      assignedTo: { id: seller.id },
      status: { name: 'Customer' },
      customFields: { budget: 888, region: 'Asia' },
    });
  });
});

describe('atomicity', () => {
  const steps = [
    'claim',
    'custom-field-definitions',
    'customer',
    'login',
    'notes',
    'task',
    'lead',
    'activity',
  ];

  it.each(steps)('a failure after the "%s" step leaves the database as it was', async (failing) => {
    const lead = await qualifiedLead();
    const before = await snapshot(lead.documentId);
    const conversion = strapi.plugin('crm').service('conversion');
    conversion.hooks.afterStep = (step: string) => {
      if (step === failing) throw new Error(`injected failure after ${step}`);
    };
    try {
      const res = await seller.post(`/crm/leads/${lead.documentId}/convert`).send(
        body(lead, {
          customFields: [{ slug: 'mobile', merge: 'custom' }],
          login: { enabled: true, password: 'Portal-Pass-2026' },
          transferNotes: true,
          followUpTask: { title: 'Kick-off call' },
        })
      );
      expect(res.status).toBe(500);
    } finally {
      conversion.hooks.afterStep = undefined;
    }
    expect(await snapshot(lead.documentId)).toEqual(before);
    expect(emails.sent).toHaveLength(0);
    // And the lead can still be converted afterwards.
    expect((await seller.post(`/crm/leads/${lead.documentId}/convert`).send(body(lead))).status).toBe(201);
  });
});

/** An entry as Strapi's Document Service events carry it: every non-private relation whole, sanitized. */
const asStrapiEmits = async (uid: string, documentId: string) => {
  const model = strapi.getModel(uid as never) as { attributes: Record<string, unknown> };
  const populate = Object.fromEntries(
    Object.entries(model.attributes as Record<string, { type: string; private?: boolean }>)
      .filter(([, attribute]) => ['relation', 'media'].includes(attribute.type) && !attribute.private)
      .map(([name]) => [name, true])
  );
  const entry = await strapi.db.query(uid as never).findOne({ where: { documentId }, populate });
  return sanitize.sanitizers.defaultSanitizeOutput(
    { schema: model, getModel: (target: string) => strapi.getModel(target as never) } as never,
    entry as never
  );
};

describe('what the conversion writes without the Document Service', () => {
  it('leaves the lead as a Document Service update would: links, mirror, activity rows, and one entry.create and entry.update after the commit', async () => {
    const tag = await strapi
      .documents('plugin::crm.tag')
      .create({ data: { name: `conv-${Date.now()}` } as never });
    const events: { event: string; uid: string; entry: Record<string, unknown> }[] = [];
    const listeners = ['entry.create', 'entry.update'].map((event) => {
      const listener = async (payload: { uid: string; entry: Record<string, unknown> }) => {
        if ([LEAD, CUSTOMER].includes(payload.uid)) events.push({ event, ...payload });
      };
      strapi.eventHub.on(event, listener);
      return () => strapi.eventHub.removeListener(event, listener);
    });
    try {
      const lead = await qualifiedLead({
        lost: true,
        junk: true,
        tags: [tag.documentId],
        assignedTo: other.id,
      });
      // the Document Service emits after its commit without waiting: on a busy machine the lead's
      // own entry.create comes after createLead has returned; only the conversion's events count
      const leadCreated = () =>
        events.some((e) => e.event === 'entry.create' && e.entry.documentId === lead.documentId);
      for (let i = 0; i < 200 && !leadCreated(); i++) await new Promise((r) => setTimeout(r, 50));
      expect(leadCreated()).toBe(true);
      events.length = 0;

      const res = await seller.post(`/crm/leads/${lead.documentId}/convert`).send(body(lead));
      expect(res.status).toBe(201);
      const customerId = res.body.data.customer.documentId;

      const stored = await strapi.db.query(LEAD).findOne({
        where: { documentId: lead.documentId },
        populate: { leadStatus: true, customer: true, updatedBy: true },
      });
      expect(stored).toMatchObject({ lost: false, junk: false, updatedBy: { id: seller.id } });
      expect(stored.leadStatus.isCustomerStatus).toBe(true);
      expect(stored.customer.documentId).toBe(customerId);
      // the mirror column follows the status link (the list's visibility and board read it)
      expect(stored.statusMirror).toBe(stored.leadStatus.id);
      const customer = await strapi.db.query(CUSTOMER).findOne({
        where: { documentId: customerId },
        populate: { lead: true, tags: true, createdBy: true },
      });
      expect(customer).toMatchObject({
        fullName: 'Mary Ann de la Cruz',
        lead: { documentId: lead.documentId },
        createdBy: { id: seller.id },
      });
      expect(customer.tags.map((t: { documentId: string }) => t.documentId)).toEqual([tag.documentId]);

      // the rows the activity middleware logs for the same change, then the conversion's own
      const rows = await strapi.db.query(ACTIVITY).findMany({
        where: { lead: { documentId: lead.documentId }, action: { $ne: 'created' } },
        populate: { actor: true },
        orderBy: { id: 'asc' },
      });
      expect(rows.map((r: { action: string }) => r.action)).toEqual([
        'status_changed',
        'unmarked_lost',
        'unmarked_junk',
        'converted',
      ]);
      expect(rows[0].data).toEqual({
        from: { documentId: refs.status.Qualified, name: 'Qualified' },
        to: { documentId: stored.leadStatus.documentId, name: stored.leadStatus.name },
      });
      expect(rows.every((r: { actor: { id: number } }) => r.actor.id === seller.id)).toBe(true);

      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(events.map(({ event, uid }) => `${event} ${uid}`).sort()).toEqual([
        `entry.create ${CUSTOMER}`,
        `entry.update ${LEAD}`,
      ]);
      const created = events.find((e) => e.uid === CUSTOMER)!.entry;
      expect(created).toMatchObject({
        documentId: customerId,
        fullName: 'Mary Ann de la Cruz',
        // known to be empty, not read back: as a populate would have answered them
        attachments: [],
        user: null,
      });
      expect((created.tags as { documentId: string }[]).map((t) => t.documentId)).toEqual([tag.documentId]);
      expect((created.lead as { documentId: string }).documentId).toBe(lead.documentId);
      // sanitized as Strapi's own events are: no admin user behind createdBy
      expect(created.createdBy).toBeUndefined();
      const updated = events.find((e) => e.uid === LEAD)!.entry;
      // the status row whole, as a populate reads it
      expect(updated.leadStatus).toMatchObject({
        id: stored.leadStatus.id,
        name: stored.leadStatus.name,
        color: stored.leadStatus.color,
        isCustomerStatus: true,
      });
      expect((updated.customer as { documentId: string }).documentId).toBe(customerId);
      expect(updated.statusMirror).toBeUndefined();
      // each event carries its entry as Strapi's own would: read with every relation but the
      // private ones, and sanitized — the relations the conversion knew were not read again
      expect(updated).toEqual(await asStrapiEmits(LEAD, lead.documentId));
      expect(created).toEqual(await asStrapiEmits(CUSTOMER, customerId));
      expect(updated.assignedTo).toMatchObject({ id: other.id, firstname: other.firstname });
      expect(updated.assignedTo).not.toHaveProperty('password');
    } finally {
      for (const off of listeners) off();
    }
  });
});

describe('webhooks', () => {
  it('send lead.converted and customer.created to Strapi webhooks', async () => {
    const receiver = await startWebhookReceiver();
    try {
      const admin = await createStaff(strapi, 'Super Admin');
      const created = await admin.post('/admin/webhooks').send({
        name: 'crm test',
        url: receiver.url,
        headers: {},
        events: ['lead.converted', 'customer.created'],
      });
      expect(created.status).toBe(201);
      const lead = await qualifiedLead();
      expect((await manager.post(`/crm/leads/${lead.documentId}/convert`).send(body(lead))).status).toBe(201);
      const deadline = Date.now() + 10_000;
      while (receiver.events.length < 2 && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 100));
      expect(receiver.events.map((e) => e.event).sort()).toEqual(['customer.created', 'lead.converted']);
      const converted = receiver.events.find((e) => e.event === 'lead.converted')!.body as {
        lead: { documentId: string };
      };
      expect(converted.lead.documentId).toBe(lead.documentId);
    } finally {
      await receiver.close();
    }
  });
});

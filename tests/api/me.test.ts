/** Issue 7 / SPEC §7: a customer reads and updates their own profile, and nothing else. */
import type { Core } from '@strapi/strapi';
import { createLead } from '../helpers/leads';
import { http, startStrapi, stopStrapi } from '../helpers/strapi';
import { createEndUser, createStaff, type Staff } from '../helpers/users';

let strapi: Core.Strapi;
let seller: Staff;

/** Converts a lead with a portal login and logs that customer in. */
const customerWithLogin = async (firstName: string) => {
  const email = `${firstName.toLowerCase()}.${Date.now()}@example.com`;
  const lead = await createLead(strapi, { name: `${firstName} Client`, email, createdBy: seller.id });
  const password = 'Portal-Pass-2026';
  const res = await seller.post(`/crm/leads/${lead.documentId}/convert`).send({
    customer: { firstName, lastName: 'Client', email, phone: '+33 1 00' },
    login: { enabled: true, password, sendWelcomeEmail: false },
  });
  expect(res.status).toBe(201);
  const auth = await http(strapi).post('/api/auth/local').send({ identifier: email, password });
  return { customer: res.body.data.customer, jwt: auth.body.jwt as string };
};

const me = (jwt?: string) => {
  const get = http(strapi).get('/api/crm/me');
  return jwt ? get.set('Authorization', `Bearer ${jwt}`) : get;
};
const updateMe = (jwt: string, body: object) =>
  http(strapi).put('/api/crm/me').set('Authorization', `Bearer ${jwt}`).send(body);

beforeAll(async () => {
  strapi = await startStrapi();
  seller = await createStaff(strapi, 'Sales Staff');
});

afterAll(async () => {
  await stopStrapi(strapi);
});

it('answers the logged-in customer their own profile, in the configured fields only', async () => {
  const { customer, jwt } = await customerWithLogin('Olive');
  await customerWithLogin('Other');
  const res = await me(jwt);
  expect(res.status).toBe(200);
  expect(res.body.data).toMatchObject({
    documentId: customer.documentId,
    firstName: 'Olive',
    phone: '+33 1 00',
  });
  expect(res.body.data).not.toHaveProperty('customFields');
  expect(res.body.data).not.toHaveProperty('user');
});

it('updates an allowed field and logs it on the customer', async () => {
  const { customer, jwt } = await customerWithLogin('Pablo');
  const res = await updateMe(jwt, { phone: '+34 600 000', city: 'Sevilla' });
  expect(res.status).toBe(200);
  expect(res.body.data).toMatchObject({ phone: '+34 600 000', city: 'Sevilla' });
  const row = await strapi.db
    .query('plugin::crm.customer')
    .findOne({ where: { documentId: customer.documentId } });
  expect(row).toMatchObject({ phone: '+34 600 000', city: 'Sevilla' });
  const log = await strapi.db.query('plugin::crm.activity').findOne({
    where: { action: 'profile_updated_by_customer', customer: { documentId: customer.documentId } },
  });
  expect(log.data.fields.sort()).toEqual(['city', 'phone']);
});

it.each([
  ['a field that is not editable', { email: 'new@example.com' }, 'email'],
  ['a field customers do not have', { isVip: true }, 'isVip'],
  ['an emptied first name', { firstName: '' }, 'firstName'],
  ['a bad website', { website: 'http://' }, 'website'],
])('answers 400 for %s and changes nothing', async (_label, body, path) => {
  const { customer, jwt } = await customerWithLogin('Quinn');
  const before = await strapi.db
    .query('plugin::crm.customer')
    .findOne({ where: { documentId: customer.documentId } });
  const res = await updateMe(jwt, body);
  expect(res.status).toBe(400);
  expect(res.body.error.details.errors.map((e: { path: string[] }) => e.path[0])).toContain(path);
  expect(
    await strapi.db.query('plugin::crm.customer').findOne({ where: { documentId: customer.documentId } })
  ).toEqual(before);
});

it('refuses a caller without a JWT, and answers 404 to a customer account without a profile', async () => {
  const anonymous = await me();
  expect(anonymous.status).toBe(401);
  expect(anonymous.body).toMatchObject({ data: null, error: { status: 401, name: 'UnauthorizedError' } });
  const forged = await me('not-a-jwt');
  expect(forged.status).toBe(401);
  const { jwt } = await createEndUser(strapi, { roleType: 'customer' });
  const res = await me(jwt);
  expect(res.status).toBe(404);
  expect(res.body.error.name).toBe('NotFoundError');
});

it('gives an ordinary authenticated user no access', async () => {
  const { jwt } = await createEndUser(strapi);
  expect((await me(jwt)).status).toBe(403);
});

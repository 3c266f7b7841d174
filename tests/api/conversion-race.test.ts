/**
 * Issue 5: one customer per lead, also when many requests race. The claim is a conditional
 * update inside the transaction, so on every database exactly one conversion wins.
 */
import type { Core } from '@strapi/strapi';
import { emails } from '../helpers/email';
import { countRows, createLead } from '../helpers/leads';
import { startStrapi, stopStrapi } from '../helpers/strapi';
import { createStaff, type Staff } from '../helpers/users';

let strapi: Core.Strapi;
let seller: Staff;

beforeAll(async () => {
  strapi = await startStrapi();
  seller = await createStaff(strapi, 'Sales Staff');
});

afterAll(async () => {
  await stopStrapi(strapi);
});

it('50 concurrent conversions of one lead: one customer, one login, one email, 49 × 409', async () => {
  const lead = await createLead(strapi, {
    name: 'Racing Rita',
    email: 'rita@example.com',
    createdBy: seller.id,
  });
  const customers = await countRows(strapi, 'plugin::crm.customer');
  const users = await countRows(strapi, 'plugin::users-permissions.user');
  emails.reset();

  const responses = await Promise.all(
    Array.from({ length: 50 }, () =>
      seller.post(`/crm/leads/${lead.documentId}/convert`).send({
        customer: { firstName: 'Rita', email: 'rita@example.com' },
        login: { enabled: true, password: 'Racing-Pass-2026', sendWelcomeEmail: true },
      })
    )
  );

  const statuses = responses.map((r) => r.status).sort();
  expect(statuses.filter((s) => s === 201)).toHaveLength(1);
  expect(statuses.filter((s) => s === 409)).toHaveLength(49);
  expect(await countRows(strapi, 'plugin::crm.customer')).toBe(customers + 1);
  expect(await countRows(strapi, 'plugin::users-permissions.user')).toBe(users + 1);
  expect(emails.sent.filter((m) => m.to === 'rita@example.com')).toHaveLength(1);
  const converted = await strapi.db.query('plugin::crm.activity').count({
    where: { action: 'converted', lead: { documentId: lead.documentId } },
  });
  expect(converted).toBe(1);
});

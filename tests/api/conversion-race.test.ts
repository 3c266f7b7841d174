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

it('20 concurrent conversions of different leads with one email: one customer, one login, 19 × 409', async () => {
  // made one after the other: the race under test is the conversions' (creates at once are
  // lead-mirrors.test.ts's)
  const leads = [];
  for (let i = 0; i < 20; i++)
    leads.push(
      await createLead(strapi, { name: `Twin ${i}`, email: `twin.${i}@example.com`, createdBy: seller.id })
    );
  const customers = await countRows(strapi, 'plugin::crm.customer');
  const users = await countRows(strapi, 'plugin::users-permissions.user');
  const activity = Math.max(
    0,
    ...(await strapi.db.query('plugin::crm.activity').findMany({ select: ['id'] })).map(
      (r: { id: number }) => r.id
    )
  );

  const responses = await Promise.all(
    leads.map((lead, i) =>
      seller.post(`/crm/leads/${lead.documentId}/convert`).send({
        // one address, written in different cases
        customer: { firstName: 'Twin', email: i % 2 ? 'Same.Twin@Example.com' : 'same.twin@example.com' },
        login: { enabled: true, password: 'Racing-Pass-2026', sendWelcomeEmail: false },
      })
    )
  );

  const won = responses.filter((r) => r.status === 201);
  const lost = responses.filter((r) => r.status === 409);
  expect(won).toHaveLength(1);
  expect(lost).toHaveLength(19);
  for (const res of lost) {
    expect(res.body.error.message).toMatch(/already exists/);
  }
  expect(await countRows(strapi, 'plugin::crm.customer')).toBe(customers + 1);
  expect(await countRows(strapi, 'plugin::users-permissions.user')).toBe(users + 1);
  // only the winner's lead is converted; the others are untouched and can be merged later
  const converted = await strapi.db
    .query('plugin::crm.lead')
    .count({ where: { id: { $in: leads.map((l) => l.id) }, dateConverted: { $notNull: true } } });
  expect(converted).toBe(1);
  // the losers wrote nothing: no activity row on their leads
  const losers = leads.filter((_, i) => responses[i].status === 409).map((l) => l.id);
  expect(
    await strapi.db
      .query('plugin::crm.activity')
      .count({ where: { lead: { id: { $in: losers } }, id: { $gt: activity } } })
  ).toBe(0);
});

it('concurrent first use of a custom-field merge creates its definition once and fails no conversion', async () => {
  const slug = `first_use_${Date.now()}`;
  await strapi
    .documents('plugin::crm.custom-field')
    .create({ data: { name: 'First use', slug, type: 'text', target: 'lead', active: true } as never });
  const leads = await Promise.all(
    Array.from({ length: 10 }, (_, i) =>
      createLead(strapi, {
        name: `First ${i}`,
        createdBy: seller.id,
        customFields: { [slug]: `value ${i}` },
      })
    )
  );
  const responses = await Promise.all(
    leads.map((lead, i) =>
      seller.post(`/crm/leads/${lead.documentId}/convert`).send({
        customer: { firstName: 'First', email: `first.use.${i}.${slug}@example.com` },
        customFields: [{ slug, merge: 'custom' }],
      })
    )
  );
  expect(responses.map((r) => r.status)).toEqual(Array(10).fill(201));
  const definitions = await strapi.db
    .query('plugin::crm.custom-field')
    .findMany({ where: { slug, target: 'customer' } });
  expect(definitions).toHaveLength(1);
  const customers = await strapi.db
    .query('plugin::crm.customer')
    .findMany({ where: { email: { $endsWith: `${slug}@example.com` } } });
  expect(customers.map((c: { customFields: Record<string, string> }) => c.customFields[slug]).sort()).toEqual(
    leads.map((_, i) => `value ${i}`).sort()
  );
});

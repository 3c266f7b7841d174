/** Issue 4 / SPEC §5: GDPR export and anonymization of a lead. */
import type { Core } from '@strapi/strapi';
import { createLead } from '../helpers/leads';
import { startStrapi, stopStrapi } from '../helpers/strapi';
import { createRole, createStaff, type Staff } from '../helpers/users';

let strapi: Core.Strapi;
let seller: Staff;
let other: Staff;
let manager: Staff;

const PERSONAL = {
  name: 'Henrietta Swan Leavitt',
  email: 'henrietta@harvard.example',
  phone: '+1 617 555 0199',
  address: '60 Garden Street',
  position: 'Astronomer',
  website: 'https://henrietta.example',
  description: 'Prefers calls after 5pm',
};

/** A lead whose personal values were changed once (so the log holds old and new ones), with sections. */
const personLead = async () => {
  await strapi.db
    .query('plugin::crm.custom-field')
    .deleteMany({ where: { slug: { $in: ['mobile', 'budget'] } } });
  await strapi.documents('plugin::crm.custom-field').create({
    data: { name: 'Mobile', slug: 'mobile', target: 'lead', type: 'text', personal: true } as never,
  });
  await strapi
    .documents('plugin::crm.custom-field')
    .create({ data: { name: 'Budget', slug: 'budget', target: 'lead', type: 'number' } as never });
  const lead = await createLead(strapi, {
    ...PERSONAL,
    email: 'old.henrietta@harvard.example',
    city: 'Cambridge',
    value: 900,
    createdBy: seller.id,
    customFields: { mobile: '+1 617 555 0142', budget: 900 },
  });
  expect((await seller.put(`/crm/leads/${lead.documentId}`).send({ email: PERSONAL.email })).status).toBe(
    200
  );
  await seller
    .post(`/crm/leads/${lead.documentId}/notes`)
    .send({ body: `Spoke with ${PERSONAL.name} at ${PERSONAL.phone}` });
  await seller.post(`/crm/leads/${lead.documentId}/tasks`).send({ title: `Email ${PERSONAL.email}` });
  await seller
    .post(`/crm/leads/${lead.documentId}/opportunities`)
    .send({ name: 'Telescope time', value: 900 });
  return lead;
};

beforeAll(async () => {
  strapi = await startStrapi();
  seller = await createStaff(strapi, 'Sales Staff');
  other = await createStaff(strapi, 'Sales Staff');
  manager = await createStaff(strapi, 'Sales Manager');
});

afterAll(async () => {
  await stopStrapi(strapi);
});

describe('GET /crm/leads/:id/export', () => {
  it('downloads everything held about the lead as JSON, and logs the export', async () => {
    const lead = await personLead();
    const res = await seller.get(`/crm/leads/${lead.documentId}/export`);
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toContain(`lead-${lead.documentId}.json`);
    const { data } = res.body;
    expect(data.lead).toMatchObject({
      ...PERSONAL,
      customFields: { mobile: '+1 617 555 0142', budget: 900 },
    });
    expect(data.notes).toHaveLength(1);
    expect(data.tasks).toHaveLength(1);
    expect(data.opportunities).toHaveLength(1);
    expect(data.reminders).toEqual([]);
    expect(data.activity.map((a: { action: string }) => a.action)).toEqual(
      expect.arrayContaining(['created', 'field_changed', 'note_added'])
    );
    expect(data.consents).toEqual([]);
    const exported = await strapi.db
      .query('plugin::crm.activity')
      .count({ where: { action: 'exported', lead: { documentId: lead.documentId } } });
    expect(exported).toBe(1);
  });

  it('is a 404 for a lead the caller cannot see, a 403 without the export permission', async () => {
    const lead = await personLead();
    expect((await other.get(`/crm/leads/${lead.documentId}/export`)).status).toBe(404);
    const role = await createRole(strapi, [
      { action: 'plugin::content-manager.explorer.read', subject: 'plugin::crm.lead' },
    ]);
    const reader = await createStaff(strapi, role.id);
    expect((await reader.get(`/crm/leads/${lead.documentId}/export`)).status).toBe(403);
  });
});

describe('POST /crm/leads/:id/anonymize', () => {
  it("leaves no personal value in any of the lead's rows, keeps the statistics, and logs it", async () => {
    const lead = await personLead();
    const res = await manager.post(`/crm/leads/${lead.documentId}/anonymize`);
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      name: 'Anonymized lead',
      email: null,
      phone: null,
      city: 'Cambridge',
      value: 900,
      customFields: { budget: 900 },
    });

    const row = await strapi.db.query('plugin::crm.lead').findOne({ where: { documentId: lead.documentId } });
    const related = await Promise.all(
      [
        'plugin::crm.note',
        'plugin::crm.task',
        'plugin::crm.opportunity',
        'plugin::crm.reminder',
        'plugin::crm.activity',
      ].map((uid) => strapi.db.query(uid as never).findMany({ where: { lead: { id: row.id } } }))
    );
    const everything = JSON.stringify([row, ...related]);
    for (const value of [...Object.values(PERSONAL), 'old.henrietta@harvard.example', '+1 617 555 0142']) {
      expect(everything).not.toContain(value);
    }
    const actions = related[4].map((a: { action: string }) => a.action);
    expect(actions).toContain('anonymized');
    expect(actions).toContain('field_changed');
  });

  it('is a 403 for Sales Staff (no anonymize permission) and a 404 for a lead one cannot see', async () => {
    const lead = await personLead();
    expect((await seller.post(`/crm/leads/${lead.documentId}/anonymize`)).status).toBe(403);
    const row = await strapi.db.query('plugin::crm.lead').findOne({ where: { documentId: lead.documentId } });
    expect(row.name).toBe(PERSONAL.name);
    const privateOne = await createLead(strapi, { name: 'Hidden Hal', createdBy: seller.id });
    const hiddenFromManager = await createStaff(
      strapi,
      (
        await createRole(strapi, [
          { action: 'plugin::crm.leads.anonymize' },
          {
            action: 'plugin::content-manager.explorer.read',
            subject: 'plugin::crm.lead',
            conditions: ['plugin::crm.lead-is-public'],
          },
          {
            action: 'plugin::content-manager.explorer.update',
            subject: 'plugin::crm.lead',
            conditions: ['plugin::crm.lead-is-public'],
          },
        ])
      ).id
    );
    expect((await hiddenFromManager.post(`/crm/leads/${privateOne.documentId}/anonymize`)).status).toBe(404);
  });
});

/**
 * Issue 15 item 5 and issue 17 item 3: a conversion gives the customer copies of the lead's
 * opportunities and attachments (the lead keeps its own, SPEC §6), each copy behind the
 * customer's visibility, all in the conversion's one transaction; the notes are copied in one
 * batch.
 */
import fs from 'fs';
import type { Core } from '@strapi/strapi';
import { testPrivateDir } from '../helpers/database';
import { countRows, createLead, references } from '../helpers/leads';
import { startStrapi, stopStrapi } from '../helpers/strapi';
import { createRole, createStaff, type Staff } from '../helpers/users';

const FILE = 'plugin::upload.file';
const OPPORTUNITY = 'plugin::crm.opportunity';
const NOTE = 'plugin::crm.note';
const CUSTOMER = 'plugin::crm.customer';

let strapi: Core.Strapi;
let seller: Staff;
let other: Staff;
let refs: Awaited<ReturnType<typeof references>>;

const storedFiles = () => {
  const dir = testPrivateDir();
  return fs.existsSync(dir) ? fs.readdirSync(dir).length : 0;
};

/** A qualified lead of the seller with an opportunity, an attachment and `notes` notes. */
const leadWithSections = async (notes = 2) => {
  const lead = await createLead(strapi, {
    name: 'Carried Carla',
    email: `carla.${Math.random().toString(36).slice(2)}@example.com`,
    status: refs.status.Qualified,
    createdBy: seller.id,
  });
  const opportunity = await seller
    .post(`/crm/leads/${lead.documentId}/opportunities`)
    .send({ name: 'Renewal', value: 1200, stage: 'Proposal', closeDate: '2027-02-01' });
  expect(opportunity.status).toBe(201);
  const file = await seller
    .post(`/crm/leads/${lead.documentId}/attachments`)
    .attach('files', Buffer.from('Quote: 1,200 EUR'), { filename: 'quote.txt', contentType: 'text/plain' });
  expect(file.status).toBe(201);
  for (let i = 0; i < notes; i++) {
    await strapi
      .documents(NOTE)
      .create({ data: { body: `Note ${i + 1}`, lead: lead.documentId, author: seller.id } as never });
  }
  return { lead, fileId: file.body.data[0].documentId as string };
};

const convert = (lead: { documentId: string; email?: unknown }) =>
  seller.post(`/crm/leads/${lead.documentId}/convert`).send({
    customer: { firstName: 'Carla', lastName: 'Carried', email: lead.email },
    transferNotes: true,
  });

beforeAll(async () => {
  strapi = await startStrapi();
  seller = await createStaff(strapi, 'Sales Staff');
  other = await createStaff(strapi, 'Sales Staff');
  refs = await references(strapi);
});

afterAll(async () => {
  await stopStrapi(strapi);
});

it("gives the customer copies of the lead's opportunities and attachments; the lead keeps its own", async () => {
  const { lead, fileId } = await leadWithSections();
  const res = await convert(lead);
  expect(res.status).toBe(201);
  const customerId = res.body.data.customer.documentId;

  const leadOpportunities = await seller.get(`/crm/leads/${lead.documentId}/opportunities`);
  const customerOpportunities = await seller.get(`/crm/customers/${customerId}/opportunities`);
  expect(leadOpportunities.body.data).toEqual([expect.objectContaining({ name: 'Renewal' })]);
  expect(customerOpportunities.body.data).toEqual([
    expect.objectContaining({ name: 'Renewal', stage: 'Proposal', closeDate: '2027-02-01' }),
  ]);
  expect(Number(customerOpportunities.body.data[0].value)).toBe(1200);
  expect(customerOpportunities.body.data[0].documentId).not.toBe(leadOpportunities.body.data[0].documentId);

  const leadFiles = await seller.get(`/crm/leads/${lead.documentId}/attachments`);
  const customerFiles = await seller.get(`/crm/customers/${customerId}/attachments`);
  expect(leadFiles.body.data.map((f: { documentId: string }) => f.documentId)).toEqual([fileId]);
  expect(customerFiles.body.data).toEqual([
    expect.objectContaining({ name: 'quote.txt', mime: 'text/plain' }),
  ]);
  const copyId = customerFiles.body.data[0].documentId;
  expect(copyId).not.toBe(fileId);
  for (const id of [fileId, copyId]) {
    const download = await seller.get(`/crm/attachments/${id}/file`).buffer(true);
    expect(download.status).toBe(200);
    expect(download.headers['content-disposition']).toMatch(/^attachment/);
    expect(download.text).toBe('Quote: 1,200 EUR');
  }

  const activity = await seller.get(`/crm/leads/${lead.documentId}/activity`);
  const converted = activity.body.data.find((a: { action: string }) => a.action === 'converted');
  expect(converted.data.copied).toEqual({ notes: 2, opportunities: 1, attachments: 1 });
});

it("refuses (403, nothing copied) to a role that may not read the lead's attachments; its leads without files convert", async () => {
  const READ = 'plugin::content-manager.explorer.read';
  const leadFields = strapi
    .service('admin::content-type')
    .getNestedFields(strapi.contentTypes['plugin::crm.lead'], { components: strapi.components }) as string[];
  const role = await createRole(strapi, [
    {
      action: READ,
      subject: 'plugin::crm.lead',
      properties: { fields: leadFields.filter((field) => field !== 'attachments') },
    },
    { action: 'plugin::content-manager.explorer.update', subject: 'plugin::crm.lead' },
    { action: 'plugin::content-manager.explorer.create', subject: CUSTOMER },
    { action: READ, subject: CUSTOMER },
    { action: 'plugin::crm.leads.convert' },
  ]);
  const noFiles = await createStaff(strapi, role.id);
  const { lead } = await leadWithSections(0);
  const before = {
    files: await countRows(strapi, FILE),
    customers: await countRows(strapi, CUSTOMER),
    stored: storedFiles(),
  };
  const refused = await noFiles.post(`/crm/leads/${lead.documentId}/convert`).send({
    customer: { firstName: 'Carla', email: lead.email },
  });
  expect(refused.status).toBe(403);
  expect(refused.body.error).toMatchObject({
    name: 'ForbiddenError',
    message: expect.stringMatching(
      /^Your role may not read the attachments of this lead, which a conversion carries/
    ),
  });
  expect({
    files: await countRows(strapi, FILE),
    customers: await countRows(strapi, CUSTOMER),
    stored: storedFiles(),
  }).toEqual(before);
  expect(
    (await strapi.db.query('plugin::crm.lead').findOne({ where: { id: lead.id } })).dateConverted
  ).toBeNull();

  const plain = await createLead(strapi, {
    name: 'Fileless Fred',
    status: refs.status.Qualified,
    createdBy: seller.id,
  });
  const converted = await noFiles
    .post(`/crm/leads/${plain.documentId}/convert`)
    .send({ customer: { firstName: 'Fred' } });
  expect(converted.status).toBe(201);
  expect(converted.body.data.lead).not.toHaveProperty('attachments');
  // the seller, who reads the files, converts the refused lead with its file copied (the first test's path)
  expect((await convert(lead)).status).toBe(201);
});

it("keeps each copy behind the customer's visibility: a staff member who cannot see it gets 404s", async () => {
  const { lead } = await leadWithSections(0);
  const res = await convert(lead);
  const customerId = res.body.data.customer.documentId;
  const copyId = (await seller.get(`/crm/customers/${customerId}/attachments`)).body.data[0].documentId;
  expect((await other.get(`/crm/customers/${customerId}/attachments`)).status).toBe(404);
  expect((await other.get(`/crm/customers/${customerId}/opportunities`)).status).toBe(404);
  expect((await other.get(`/crm/attachments/${copyId}/file`)).status).toBe(404);
});

it("removing the lead's file leaves the customer's copy", async () => {
  const { lead, fileId } = await leadWithSections(0);
  const customerId = (await convert(lead)).body.data.customer.documentId;
  const manager = await createStaff(strapi, 'Sales Manager');
  // a converted lead is locked to those who read every lead
  expect((await manager.del(`/crm/attachments/${fileId}`)).status).toBe(200);
  const copies = await seller.get(`/crm/customers/${customerId}/attachments`);
  expect(copies.body.data).toHaveLength(1);
  expect((await seller.get(`/crm/attachments/${copies.body.data[0].documentId}/file`)).status).toBe(200);
});

it.each(['opportunities', 'attachments', 'activity'])(
  'a failure after the "%s" step leaves no copy behind, stored file included',
  async (failing) => {
    const { lead } = await leadWithSections();
    const before = {
      files: await countRows(strapi, FILE),
      opportunities: await countRows(strapi, OPPORTUNITY),
      notes: await countRows(strapi, NOTE),
      customers: await countRows(strapi, CUSTOMER),
      stored: storedFiles(),
    };
    const conversion = strapi.plugin('crm').service('conversion');
    conversion.hooks.afterStep = (step: string) => {
      if (step === failing) throw new Error(`injected failure after ${step}`);
    };
    try {
      expect((await convert(lead)).status).toBe(500);
    } finally {
      conversion.hooks.afterStep = undefined;
    }
    expect({
      files: await countRows(strapi, FILE),
      opportunities: await countRows(strapi, OPPORTUNITY),
      notes: await countRows(strapi, NOTE),
      customers: await countRows(strapi, CUSTOMER),
      stored: storedFiles(),
    }).toEqual(before);
  }
);

it('copies the notes in one insert, whatever their number', async () => {
  const { lead } = await leadWithSections(12);
  const inserts: string[] = [];
  const listener = (query: { sql: string }) => {
    if (/^insert into [`"]crm_notes[`"]/i.test(query.sql)) inserts.push(query.sql);
  };
  strapi.db.connection.on('query', listener);
  try {
    expect((await convert(lead)).status).toBe(201);
  } finally {
    strapi.db.connection.off('query', listener);
  }
  expect(inserts).toHaveLength(1);
  const customer = await strapi.db
    .query(CUSTOMER)
    .findOne({ where: { lead: { documentId: lead.documentId } } });
  const copied = await strapi.db.query(NOTE).findMany({
    where: { customer: { id: customer.id } },
    populate: { author: true },
    orderBy: { id: 'asc' },
  });
  expect(copied.map((n: { body: string }) => n.body)).toEqual(
    Array.from({ length: 12 }, (_, i) => `Note ${i + 1}`)
  );
  expect(copied.every((n: { author: { id: number } }) => n.author?.id === seller.id)).toBe(true);
});

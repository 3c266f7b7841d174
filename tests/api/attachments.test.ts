/** Issue 4: a lead's attachments through Strapi's upload plugin, behind the lead's visibility. */
import type { Core } from '@strapi/strapi';
import { countRows, createLead } from '../helpers/leads';
import { startStrapi, stopStrapi } from '../helpers/strapi';
import { createRole, createStaff, type Staff } from '../helpers/users';

const FILE = 'plugin::upload.file';

let strapi: Core.Strapi;
let seller: Staff;
let other: Staff;
let manager: Staff;

beforeAll(async () => {
  strapi = await startStrapi();
  seller = await createStaff(strapi, 'Sales Staff');
  other = await createStaff(strapi, 'Sales Staff');
  manager = await createStaff(strapi, 'Sales Manager');
});

afterAll(async () => {
  await stopStrapi(strapi);
});

const upload = (
  who: Staff,
  leadId: string,
  name: string,
  content: string | Buffer,
  contentType = 'text/plain'
) =>
  who
    .post(`/crm/leads/${leadId}/attachments`)
    .attach('files', Buffer.from(content), { filename: name, contentType });

it("uploads, lists and deletes a lead's files, logging each", async () => {
  const lead = await createLead(strapi, { name: 'Filed Fiona', createdBy: seller.id });
  const res = await upload(seller, lead.documentId, 'quote.txt', 'Quote: 1,200 EUR');
  expect(res.status).toBe(201);
  expect(res.body.data).toEqual([expect.objectContaining({ name: 'quote.txt', mime: 'text/plain' })]);
  const fileId = res.body.data[0].documentId;

  const list = await seller.get(`/crm/leads/${lead.documentId}/attachments`);
  expect(list.body.data.map((f: { documentId: string }) => f.documentId)).toEqual([fileId]);
  const detail = await seller.get(`/crm/leads/${lead.documentId}`);
  expect(detail.body.data.attachments.map((f: { name: string }) => f.name)).toEqual(['quote.txt']);

  const removed = await seller.del(`/crm/attachments/${fileId}`);
  expect(removed.status).toBe(200);
  expect(await strapi.db.query(FILE).count({ where: { documentId: fileId } })).toBe(0);
  const actions = (
    await strapi.db
      .query('plugin::crm.activity')
      .findMany({ where: { lead: { documentId: lead.documentId } } })
  ).map((a: { action: string }) => a.action);
  expect(actions).toEqual(expect.arrayContaining(['attachment_added', 'attachment_deleted']));
});

it('refuses a file of a refused type or too large with a 400, storing nothing', async () => {
  const lead = await createLead(strapi, { name: 'Picky Pam', createdBy: seller.id });
  const before = await countRows(strapi, FILE);
  const exe = await upload(seller, lead.documentId, 'tool.exe', 'MZ...', 'application/x-msdownload');
  expect(exe.status).toBe(400);
  expect(exe.body.error.details.errors[0].path).toEqual(['files', '0']);
  const original = strapi.config.get('plugin::crm.attachments.maxSize');
  strapi.config.set('plugin::crm.attachments.maxSize', 10);
  try {
    const big = await upload(seller, lead.documentId, 'big.txt', 'more than ten bytes');
    expect(big.status).toBe(400);
    expect(big.body.error.details.errors[0].message).toMatch(/larger than 10 bytes/);
  } finally {
    strapi.config.set('plugin::crm.attachments.maxSize', original);
  }
  const empty = await seller.post(`/crm/leads/${lead.documentId}/attachments`).send({});
  expect(empty.status).toBe(400);
  expect(await countRows(strapi, FILE)).toBe(before);
});

it('is a 404 for a lead the caller cannot see, on every route', async () => {
  const lead = await createLead(strapi, { name: 'Secret Sid', createdBy: seller.id });
  const res = await upload(seller, lead.documentId, 'secret.txt', 'classified');
  const fileId = res.body.data[0].documentId;
  const before = await countRows(strapi, FILE);
  expect((await other.get(`/crm/leads/${lead.documentId}/attachments`)).status).toBe(404);
  expect((await upload(other, lead.documentId, 'x.txt', 'x')).status).toBe(404);
  expect((await other.del(`/crm/attachments/${fileId}`)).status).toBe(404);
  expect(await countRows(strapi, FILE)).toBe(before);
});

it('is a 403 for a caller who sees the lead but may not update it, storing nothing', async () => {
  const LEAD = 'plugin::crm.lead';
  const role = await createRole(strapi, [
    { action: 'plugin::content-manager.explorer.read', subject: LEAD },
    { action: 'plugin::content-manager.explorer.update', subject: LEAD, conditions: ['admin::is-creator'] },
  ]);
  const reader = await createStaff(strapi, role.id);
  const lead = await createLead(strapi, { name: 'Read-only Rita', createdBy: seller.id });
  const before = await countRows(strapi, FILE);
  const res = await upload(reader, lead.documentId, 'nope.txt', 'not yours');
  expect(res.status).toBe(403);
  expect(await countRows(strapi, FILE)).toBe(before);
  expect((await seller.get(`/crm/leads/${lead.documentId}/attachments`)).body.data).toEqual([]);
  // the same caller may add files to a lead they created
  const own = await createLead(strapi, { name: 'Own Otto', createdBy: reader.id });
  expect((await upload(reader, own.documentId, 'mine.txt', 'mine')).status).toBe(201);
});

it('anonymizing a lead removes its files', async () => {
  const lead = await createLead(strapi, { name: 'Forgotten Flo', createdBy: seller.id });
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
    'base64'
  );
  const res = await upload(seller, lead.documentId, 'id-card.png', png, 'image/png');
  expect(res.status).toBe(201);
  const fileId = res.body.data[0].documentId;
  expect((await manager.post(`/crm/leads/${lead.documentId}/anonymize`)).status).toBe(200);
  expect(await strapi.db.query(FILE).count({ where: { documentId: fileId } })).toBe(0);
});

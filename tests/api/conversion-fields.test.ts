/**
 * SPEC §5, "conversion fields belong to the conversion": dateConverted, the customer link and the
 * customer status are written by the conversion only, on every path; a converted lead is not moved
 * back to an open status; lockConvertedLeads holds whatever the body carries. And SPEC §3.1:
 * writes are checked on the state after them as well as before.
 */
import type { Core } from '@strapi/strapi';
import { createLead, references } from '../helpers/leads';
import { startStrapi, stopStrapi } from '../helpers/strapi';
import { createStaff, type Staff } from '../helpers/users';

const CM = '/content-manager/collection-types/plugin::crm.lead';
const LEAD = 'plugin::crm.lead';

let strapi: Core.Strapi;
let seller: Staff;
let colleague: Staff;
let manager: Staff;
let refs: Awaited<ReturnType<typeof references>>;

beforeAll(async () => {
  strapi = await startStrapi();
  seller = await createStaff(strapi, 'Sales Staff');
  colleague = await createStaff(strapi, 'Sales Staff');
  manager = await createStaff(strapi, 'Sales Manager');
  refs = await references(strapi);
});

afterAll(async () => {
  await stopStrapi(strapi);
});

const stored = (id: number | string) =>
  strapi.db.query(LEAD).findOne({ where: { id }, populate: { leadStatus: true, customer: true } });

const convert = async (lead: { documentId: string }, who = seller) => {
  const res = await who
    .post(`/crm/leads/${lead.documentId}/convert`)
    .send({ customer: { firstName: 'Conny', email: `conny.${lead.documentId}@example.com` } });
  expect(res.status).toBe(201);
  return res.body.data;
};

describe('through the Content Manager', () => {
  it.each([
    ['dateConverted', () => ({ dateConverted: '2026-01-01T00:00:00.000Z' })],
    ['the customer status', () => ({ leadStatus: { connect: [{ documentId: refs.status.Customer }] } })],
  ])('setting %s on an open lead is a validation error and changes nothing', async (_, body) => {
    const lead = await createLead(strapi, { name: 'Forging Fred', createdBy: seller.id });
    const before = await stored(lead.id);
    const res = await seller.put(`${CM}/${lead.documentId}`).send(body());
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('ValidationError');
    expect(await stored(lead.id)).toEqual(before);
    expect(
      (
        await seller.post(`/crm/leads/${lead.documentId}/convert`).send({
          customer: { firstName: 'Fred', email: `fred.${lead.documentId}@example.com` },
        })
      ).status
    ).toBe(201);
  });

  it('linking a customer to an open lead is refused', async () => {
    const other = await createLead(strapi, { name: 'Converted Cleo', createdBy: manager.id });
    const { customer } = await convert(other, manager);
    const lead = await createLead(strapi, { name: 'Linking Lena', createdBy: manager.id });
    const res = await manager
      .put(`${CM}/${lead.documentId}`)
      .send({ customer: { connect: [{ documentId: customer.documentId }] } });
    expect(res.status).toBe(400);
    expect((await stored(lead.id)).customer).toBeNull();
  });

  it("clearing a converted lead's conversion or moving it is refused, even for a manager", async () => {
    const lead = await createLead(strapi, { name: 'Done Dora', createdBy: manager.id });
    await convert(lead, manager);
    const before = await stored(lead.id);
    for (const body of [
      { dateConverted: null },
      { leadStatus: { connect: [{ documentId: refs.status.New }] } },
      { customer: { disconnect: [{ documentId: before.customer.documentId }] } },
      { lost: true },
    ]) {
      const res = await manager.put(`${CM}/${lead.documentId}`).send(body);
      expect(res.status).toBe(400);
    }
    expect(await stored(lead.id)).toEqual(before);
    // other fields stay editable for a manager
    expect((await manager.put(`${CM}/${lead.documentId}`).send({ city: 'Leeds' })).status).toBe(200);
  });

  it('lockConvertedLeads holds whatever the body carries', async () => {
    const lead = await createLead(strapi, { name: 'Locked Lou', createdBy: seller.id });
    await convert(lead);
    const before = await stored(lead.id);
    for (const body of [{ city: 'York' }, { city: 'York', dateConverted: before.dateConverted }]) {
      expect((await seller.put(`${CM}/${lead.documentId}`).send(body)).status).toBe(403);
      expect((await seller.put(`/crm/leads/${lead.documentId}`).send({ city: 'York' })).status).toBe(403);
    }
    expect(await stored(lead.id)).toEqual(before);
  });
});

describe('through the plugin routes (the board)', () => {
  it('moving a converted lead to an open status is a 409 and changes nothing', async () => {
    const lead = await createLead(strapi, { name: 'Board Bea', createdBy: manager.id });
    await convert(lead, manager);
    const before = await stored(lead.id);
    const res = await manager.put(`/crm/leads/${lead.documentId}`).send({ status: refs.status.New });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/converted lead keeps the customer status/);
    expect(await stored(lead.id)).toEqual(before);
    const list = await manager.get('/crm/leads?pageSize=100');
    expect(list.body.data.map((l: { documentId: string }) => l.documentId)).not.toContain(lead.documentId);
  });
});

describe('writes checked after as well as before', () => {
  it('a staff member cannot make a public lead of others private without keeping it', async () => {
    const lead = await createLead(strapi, { name: 'Public Pia', createdBy: colleague.id, isPublic: true });
    const before = await stored(lead.id);
    const res = await seller.put(`/crm/leads/${lead.documentId}`).send({ isPublic: false });
    expect(res.status).toBe(403);
    const viaCm = await seller.put(`${CM}/${lead.documentId}`).send({ isPublic: false });
    expect(viaCm.status).toBe(403);
    expect(await stored(lead.id)).toEqual(before);
    // giving it away to a colleague and hiding it is the same
    const away = await seller
      .put(`/crm/leads/${lead.documentId}`)
      .send({ isPublic: false, assignedTo: colleague.id });
    expect(away.status).toBe(403);
    expect(await stored(lead.id)).toEqual(before);
  });

  it('a manager cannot move a file off one lead onto another', async () => {
    const from = await createLead(strapi, { name: 'File From', createdBy: manager.id });
    const to = await createLead(strapi, { name: 'File To', createdBy: manager.id });
    const up = await manager
      .post(`/crm/leads/${from.documentId}/attachments`)
      .attach('files', Buffer.from('quote'), { filename: 'quote.txt', contentType: 'text/plain' });
    expect(up.status).toBe(201);
    const file = (
      await strapi.db.query(LEAD).findOne({ where: { id: from.id }, populate: { attachments: true } })
    ).attachments[0];
    const res = await manager.put(`${CM}/${to.documentId}`).send({ attachments: [file.id] });
    expect(res.status).toBe(400);
    const target = await strapi.db
      .query(LEAD)
      .findOne({ where: { id: to.id }, populate: { attachments: true } });
    expect(target.attachments ?? []).toEqual([]);
  });
});

/**
 * SPEC §3: who sees which lead, on every path. A lead one may not see answers 404, like a lead
 * that does not exist; a list never counts it.
 */
import type { Core } from '@strapi/strapi';
import { createLead } from '../helpers/leads';
import { http, startStrapi, stopStrapi } from '../helpers/strapi';
import { createRole, createStaff, type Staff } from '../helpers/users';

let strapi: Core.Strapi;
const users: Record<string, Staff> = {};
let privateLead: { documentId: string };
let publicLead: { documentId: string };

type Who = 'superAdmin' | 'manager' | 'creator' | 'assignee' | 'other';
const EVERYONE: Who[] = ['superAdmin', 'manager', 'creator', 'assignee', 'other'];
/** Who may see each lead: the private one is the creator's and assigned to the assignee. */
const SEES_PRIVATE: Record<Who, boolean> = {
  superAdmin: true,
  manager: true,
  creator: true,
  assignee: true,
  other: false,
};

beforeAll(async () => {
  strapi = await startStrapi();
  users.superAdmin = await createStaff(strapi, 'Super Admin');
  users.manager = await createStaff(strapi, 'Sales Manager');
  users.creator = await createStaff(strapi, 'Sales Staff');
  users.assignee = await createStaff(strapi, 'Sales Staff');
  users.other = await createStaff(strapi, 'Sales Staff');
  users.outsider = await createStaff(strapi, (await createRole(strapi, [])).id);
  privateLead = await createLead(strapi, {
    name: 'Private Pat',
    createdBy: users.creator.id,
    assignedTo: users.assignee.id,
    isPublic: false,
  });
  publicLead = await createLead(strapi, {
    name: 'Public Paula',
    createdBy: users.manager.id,
    isPublic: true,
  });
});

afterAll(async () => {
  await stopStrapi(strapi);
});

const listed = async (who: string, path = '/crm/leads') => {
  const res = await users[who].get(path);
  expect(res.status).toBe(200);
  return res.body;
};

describe.each(EVERYONE)('as %s', (who) => {
  const seesPrivate = SEES_PRIVATE[who];

  it(`${seesPrivate ? 'sees' : 'does not see'} the private lead in the list, and the count agrees`, async () => {
    const body = await listed(who);
    const ids = body.data.map((l: { documentId: string }) => l.documentId);
    expect(ids.includes(privateLead.documentId)).toBe(seesPrivate);
    expect(ids).toContain(publicLead.documentId);
    expect(body.meta.pagination.total).toBe(seesPrivate ? 2 : 1);
  });

  it(`${seesPrivate ? 'sees' : 'does not see'} the private lead on the board`, async () => {
    const body = await listed(who, '/crm/leads/board');
    const ids = body.data.flatMap((c: { leads: { documentId: string }[] }) =>
      c.leads.map((l) => l.documentId)
    );
    expect(ids.includes(privateLead.documentId)).toBe(seesPrivate);
    expect(ids).toContain(publicLead.documentId);
    const total = body.data.reduce((sum: number, c: { total: number }) => sum + c.total, 0);
    expect(total).toBe(seesPrivate ? 2 : 1);
  });

  it(`${seesPrivate ? 'reads' : 'gets 404 for'} the private lead and its activity; reads the public one`, async () => {
    const detail = await users[who].get(`/crm/leads/${privateLead.documentId}`);
    const activity = await users[who].get(`/crm/leads/${privateLead.documentId}/activity`);
    if (seesPrivate) {
      expect(detail.status).toBe(200);
      expect(detail.body.data).toMatchObject({ documentId: privateLead.documentId, name: 'Private Pat' });
      expect(activity.status).toBe(200);
    } else {
      expect(detail.status).toBe(404);
      expect(detail.body).toMatchObject({ data: null, error: { status: 404, name: 'NotFoundError' } });
      expect(JSON.stringify(detail.body)).not.toContain('Private Pat');
      expect(activity.status).toBe(404);
    }
    expect((await users[who].get(`/crm/leads/${publicLead.documentId}`)).status).toBe(200);
  });

  it(`${seesPrivate ? 'may' : 'may not'} update, mark lost/junk the private lead`, async () => {
    const update = await users[who]
      .put(`/crm/leads/${privateLead.documentId}`)
      .send({ city: `City of ${who}` });
    const lost = await users[who].post(`/crm/leads/${privateLead.documentId}/lost`).send({ value: false });
    const junk = await users[who].post(`/crm/leads/${privateLead.documentId}/junk`).send({ value: false });
    const expected = seesPrivate ? 200 : 404;
    expect([update.status, lost.status, junk.status]).toEqual([expected, expected, expected]);
    const row = await strapi.db
      .query('plugin::crm.lead')
      .findOne({ where: { documentId: privateLead.documentId } });
    if (seesPrivate) expect(row.city).toBe(`City of ${who}`);
    else expect(row.city).not.toBe(`City of ${who}`);
  });

  it(`${seesPrivate ? 'may' : 'may not'} delete a private lead like it`, async () => {
    const lead = await createLead(strapi, {
      name: `Doomed for ${who}`,
      createdBy: users.creator.id,
      assignedTo: users.assignee.id,
    });
    const res = await users[who].del(`/crm/leads/${lead.documentId}`);
    expect(res.status).toBe(seesPrivate ? 200 : 404);
    const still = await strapi.db.query('plugin::crm.lead').count({ where: { documentId: lead.documentId } });
    expect(still).toBe(seesPrivate ? 0 : 1);
  });
});

describe('a staff member without any CRM permission', () => {
  it.each([
    ['GET', '/crm/leads'],
    ['GET', '/crm/leads/board'],
    ['GET', '/crm/leads/PRIVATE'],
    ['PUT', '/crm/leads/PRIVATE'],
    ['DELETE', '/crm/leads/PRIVATE'],
    ['POST', '/crm/leads/PRIVATE/lost'],
    ['GET', '/crm/leads/PRIVATE/activity'],
    ['POST', '/crm/leads'],
  ])('is refused %s %s with 403', async (method, path) => {
    const url = path.replace('PRIVATE', privateLead.documentId);
    const outsider = users.outsider;
    const req =
      method === 'GET'
        ? outsider.get(url)
        : method === 'PUT'
          ? outsider.put(url)
          : method === 'DELETE'
            ? outsider.del(url)
            : outsider.post(url);
    const res = await req.send({ name: 'x', value: true });
    expect(res.status).toBe(403);
    expect(res.body.data).toBeNull();
  });

  it('and an anonymous caller gets 401', async () => {
    const res = await http(strapi).get(`/crm/leads/${privateLead.documentId}`);
    expect(res.status).toBe(401);
  });
});

describe('the same rule in the Content Manager', () => {
  const CM = '/content-manager/collection-types/plugin::crm.lead';

  it.each(EVERYONE)('%s: the Content Manager list and detail agree with the plugin', async (who) => {
    const list = await users[who].get(CM);
    expect(list.status).toBe(200);
    const ids = list.body.results.map((l: { documentId: string }) => l.documentId);
    expect(ids.includes(privateLead.documentId)).toBe(SEES_PRIVATE[who]);
    expect(ids).toContain(publicLead.documentId);
    const detail = await users[who].get(`${CM}/${privateLead.documentId}`);
    expect(detail.status).toBe(SEES_PRIVATE[who] ? 200 : 404);
  });

  it('answers 404, as for a missing lead, to update, delete or clone an invisible lead', async () => {
    const before = await strapi.db
      .query('plugin::crm.lead')
      .findOne({ where: { documentId: privateLead.documentId } });
    const update = await users.other.put(`${CM}/${privateLead.documentId}`).send({ city: 'Probed' });
    const remove = await users.other.del(`${CM}/${privateLead.documentId}`);
    const clone = await users.other.post(`${CM}/clone/${privateLead.documentId}`).send({ name: 'Copy' });
    const missing = await users.other.get(`${CM}/doesnotexist`);
    expect([update.status, remove.status, clone.status, missing.status]).toEqual([404, 404, 404, 404]);
    expect(update.body.error.name).toBe(missing.body.error.name);
    const after = await strapi.db
      .query('plugin::crm.lead')
      .findOne({ where: { documentId: privateLead.documentId } });
    expect(after).toEqual(before);
  });

  it('keeps invisible leads out of the relation picker of a customer', async () => {
    const res = await users.other.get('/content-manager/relations/plugin::crm.customer/lead?pageSize=100');
    expect(res.status).toBe(200);
    const ids = res.body.results.map((l: { documentId: string }) => l.documentId);
    expect(ids).toContain(publicLead.documentId);
    expect(ids).not.toContain(privateLead.documentId);
  });
});

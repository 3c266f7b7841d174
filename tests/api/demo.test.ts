/** The demo app as `npm run develop` starts it: the printed users log in and see demo leads. */
import type { Core } from '@strapi/strapi';
import { http, startStrapi, stopStrapi } from '../helpers/strapi';

let strapi: Core.Strapi;

beforeAll(async () => {
  strapi = await startStrapi({
    env: {
      DEMO_USERS: 'true',
      DEMO_SEED: 'true',
      DEMO_ADMIN_EMAIL: 'boss@demo.example',
      DEMO_ADMIN_PASSWORD: 'Boss-Pass-2026',
    },
  });
});

afterAll(async () => {
  await stopStrapi(strapi);
  Object.assign(process.env, { DEMO_USERS: 'false' });
  delete process.env.DEMO_ADMIN_EMAIL;
  delete process.env.DEMO_ADMIN_PASSWORD;
});

const login = async (email: string, password: string) => {
  const res = await http(strapi).post('/admin/login').send({ email, password });
  expect(res.status).toBe(200);
  return res.body.data.token as string;
};

describe('the demo', () => {
  it('creates the Super Admin from DEMO_ADMIN_EMAIL / DEMO_ADMIN_PASSWORD, who sees every open lead', async () => {
    const token = await login('boss@demo.example', 'Boss-Pass-2026');
    const res = await http(strapi).get('/crm/leads?pageSize=100').set('Authorization', `Bearer ${token}`);
    expect(res.status).toBe(200);
    const open = await strapi.db.query('plugin::crm.lead').count({ where: { lost: false, junk: false } });
    expect(res.body.meta.pagination.total).toBe(open);
    expect(open).toBeGreaterThan(40);
  });

  it('seeds about fifty leads with tags and custom fields, some public, lost and junk', async () => {
    const leads = await strapi.db.query('plugin::crm.lead').findMany({ populate: { tags: true } });
    expect(leads).toHaveLength(50);
    expect(leads.some((l: { isPublic: boolean }) => l.isPublic)).toBe(true);
    expect(leads.some((l: { isPublic: boolean }) => !l.isPublic)).toBe(true);
    expect(leads.some((l: { lost: boolean }) => l.lost)).toBe(true);
    expect(leads.some((l: { junk: boolean }) => l.junk)).toBe(true);
    expect(leads.some((l: { tags: unknown[] }) => l.tags.length > 0)).toBe(true);
    expect(leads.every((l: { customFields: { industry?: string } }) => !!l.customFields.industry)).toBe(true);
  });

  it('lets a Sales Staff member in with the printed password, seeing only their own, assigned and public leads', async () => {
    const token = await login('sam@crm.example.com', 'Demo-Sales-2026');
    const sam = await strapi.db.query('admin::user').findOne({ where: { email: 'sam@crm.example.com' } });
    const res = await http(strapi)
      .get('/crm/leads?pageSize=100&includeLost=true&includeJunk=true')
      .set('Authorization', `Bearer ${token}`);
    expect(res.status).toBe(200);
    const expected = await strapi.db.query('plugin::crm.lead').count({
      where: { $or: [{ createdBy: { id: sam.id } }, { assignedTo: { id: sam.id } }, { isPublic: true }] },
    });
    expect(res.body.meta.pagination.total).toBe(expected);
    expect(expected).toBeLessThan(50);
  });

  it('lets the Sales Manager in', async () => {
    expect(await login('mia@crm.example.com', 'Demo-Sales-2026')).toEqual(expect.any(String));
  });
});

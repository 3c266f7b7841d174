import type { Core } from '@strapi/strapi';
import { http, startStrapi, stopStrapi } from '../helpers/strapi';
import { createRole, createStaff } from '../helpers/users';

/** The settings the admin's New lead form and board read with the team (`GET /crm/staff` → `meta.settings`). */
let strapi: Core.Strapi;

beforeAll(async () => {
  strapi = await startStrapi();
});

afterAll(async () => {
  await stopStrapi(strapi);
});

describe('GET /crm/staff meta.settings', () => {
  it('answers the configured currency and the default status and source of a new lead', async () => {
    const seller = await createStaff(strapi, 'Sales Staff');

    const res = await seller.get('/crm/staff');

    expect(res.status).toBe(200);
    expect(res.body.meta).toEqual({
      settings: {
        currency: 'USD',
        defaultStatus: 'New',
        defaultSource: 'Website',
        editsConvertedLeads: false,
      },
    });
  });

  it('tells whether the caller may still edit a converted lead: who sees every lead, or anyone without the lock', async () => {
    const seller = await createStaff(strapi, 'Sales Staff');
    const manager = await createStaff(strapi, 'Sales Manager');
    expect((await seller.get('/crm/staff')).body.meta.settings.editsConvertedLeads).toBe(false);
    expect((await manager.get('/crm/staff')).body.meta.settings.editsConvertedLeads).toBe(true);
    strapi.config.set('plugin::crm.lockConvertedLeads', false);
    try {
      expect((await seller.get('/crm/staff')).body.meta.settings.editsConvertedLeads).toBe(true);
    } finally {
      strapi.config.set('plugin::crm.lockConvertedLeads', true);
    }
  });

  it('follows the plugin config', async () => {
    const admin = await createStaff(strapi, 'Super Admin');
    strapi.config.set('plugin::crm.currency', 'EUR');
    strapi.config.set('plugin::crm.webLeads.defaultStatus', 'Contacted');
    strapi.config.set('plugin::crm.webLeads.defaultSource', 'Referral');
    try {
      const res = await admin.get('/crm/staff');
      expect(res.body.meta.settings).toEqual({
        currency: 'EUR',
        defaultStatus: 'Contacted',
        defaultSource: 'Referral',
        editsConvertedLeads: true,
      });
    } finally {
      strapi.config.set('plugin::crm.currency', 'USD');
      strapi.config.set('plugin::crm.webLeads.defaultStatus', 'New');
      strapi.config.set('plugin::crm.webLeads.defaultSource', 'Website');
    }
  });

  it('tells nothing to a caller without an admin token or without read on leads', async () => {
    const anonymous = await http(strapi).get('/crm/staff');
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).toMatchObject({ data: null, error: { status: 401 } });
    expect(anonymous.body.meta).toBeUndefined();

    const role = await createRole(strapi, [
      { action: 'plugin::content-manager.explorer.read', subject: 'plugin::crm.customer' },
    ]);
    const outsider = await createStaff(strapi, role.id);
    const refused = await outsider.get('/crm/staff');
    expect(refused.status).toBe(403);
    expect(refused.body.meta).toBeUndefined();
  });
});

import type { Core } from '@strapi/strapi';
import { emails } from '../helpers/email';
import { createLead } from '../helpers/leads';
import { http, startStrapi, stopStrapi } from '../helpers/strapi';
import { createEndUser, createRole, createStaff, findRole } from '../helpers/users';

const LEAD = 'plugin::crm.lead';
const CM_READ = 'plugin::content-manager.explorer.read';

let strapi: Core.Strapi;

beforeAll(async () => {
  strapi = await startStrapi();
});

afterAll(async () => {
  await stopStrapi(strapi);
});

describe('the plugin in a booted Strapi', () => {
  it('is loaded with its content types, services and RBAC actions and conditions', () => {
    expect(strapi.plugin('crm')).toBeDefined();
    for (const name of [
      'lead',
      'lead-status',
      'lead-source',
      'tag',
      'custom-field',
      'customer',
      'note',
      'task',
      'reminder',
      'opportunity',
      'activity',
    ]) {
      expect(strapi.contentTypes[`plugin::crm.${name}` as keyof typeof strapi.contentTypes]).toBeDefined();
    }
    const { actionProvider, conditionProvider } = strapi.service('admin::permission');
    expect(actionProvider.has('plugin::crm.leads.convert')).toBe(true);
    expect(actionProvider.has('plugin::crm.leads.export')).toBe(true);
    expect(actionProvider.has('plugin::crm.leads.anonymize')).toBe(true);
    expect(conditionProvider.has('plugin::crm.lead-is-assigned')).toBe(true);
    expect(conditionProvider.has('plugin::crm.lead-is-public')).toBe(true);
  });

  it('seeds the default statuses (one customer status) and sources', async () => {
    const statuses = await strapi.db.query('plugin::crm.lead-status').findMany({ orderBy: { order: 'asc' } });
    expect(statuses.map((s: { name: string }) => s.name)).toEqual([
      'New',
      'Contacted',
      'Qualified',
      'Proposal',
      'Customer',
    ]);
    expect(
      statuses
        .filter((s: { isCustomerStatus: boolean }) => s.isCustomerStatus)
        .map((s: { name: string }) => s.name)
    ).toEqual(['Customer']);
    const sources = await strapi.db.query('plugin::crm.lead-source').findMany();
    expect(sources.map((s: { name: string }) => s.name).sort()).toEqual([
      'Campaign',
      'Email',
      'Other',
      'Phone',
      'Referral',
      'Website',
    ]);
    const endUserRoles = await strapi.db.query('plugin::users-permissions.role').findMany();
    expect(endUserRoles.map((r: { type: string }) => r.type).sort()).toEqual([
      'authenticated',
      'customer',
      'public',
    ]);
  });

  it('creates Sales Staff with conditional lead access and Sales Manager without conditions', async () => {
    const permissionsOf = async (roleName: string) =>
      strapi.db.query('admin::permission').findMany({ where: { role: { name: roleName } } });

    const staff = await permissionsOf('Sales Staff');
    const staffLeadRead = staff.find(
      (p: { action: string; subject: string }) => p.action === CM_READ && p.subject === LEAD
    );
    expect(staffLeadRead.conditions.sort()).toEqual([
      'admin::is-creator',
      'plugin::crm.lead-is-assigned',
      'plugin::crm.lead-is-public',
    ]);
    expect(staff.map((p: { action: string }) => p.action)).toContain('plugin::crm.leads.convert');
    expect(staff.map((p: { action: string }) => p.action)).not.toContain('plugin::crm.leads.anonymize');

    const manager = await permissionsOf('Sales Manager');
    const managerLeadRead = manager.find(
      (p: { action: string; subject: string }) => p.action === CM_READ && p.subject === LEAD
    );
    expect(managerLeadRead.conditions).toEqual([]);
    expect(manager.map((p: { action: string }) => p.action)).toContain('plugin::crm.leads.anonymize');
  });
});

describe('GET /crm/staff', () => {
  it('lists active staff who may read leads, with id and names only', async () => {
    const admin = await createStaff(strapi, 'Super Admin', { firstname: 'Alice' });
    const seller = await createStaff(strapi, 'Sales Staff', { firstname: 'Bob' });
    const outsider = await createStaff(strapi, (await createRole(strapi, [])).id, { firstname: 'Eve' });

    const res = await admin.get('/crm/staff');

    expect(res.status).toBe(200);
    const ids = res.body.data.map((s: { id: number }) => s.id);
    expect(ids).toEqual(expect.arrayContaining([admin.id, seller.id]));
    expect(ids).not.toContain(outsider.id);
    const bob = res.body.data.find((s: { id: number }) => s.id === seller.id);
    expect(bob).toEqual({ id: seller.id, firstname: 'Bob', lastname: seller.lastname });
  });

  it('answers 401 without an admin token', async () => {
    const res = await http(strapi).get('/crm/staff');
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ data: null, error: { status: 401, name: 'UnauthorizedError' } });
  });

  it('answers 403 to staff whose role may not read leads, even if it reads other CRM types', async () => {
    const role = await createRole(strapi, [{ action: CM_READ, subject: 'plugin::crm.customer' }]);
    const outsider = await createStaff(strapi, role.id);
    const res = await outsider.get('/crm/staff');
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ data: null, error: { status: 403, name: 'PolicyError' } });
  });

  it('accepts a custom role that may read leads under conditions only', async () => {
    const role = await createRole(strapi, [
      { action: CM_READ, subject: LEAD, conditions: ['plugin::crm.lead-is-public'] },
    ]);
    const reader = await createStaff(strapi, role.id);
    const res = await reader.get('/crm/staff');
    expect(res.status).toBe(200);
    expect(res.body.data.map((s: { id: number }) => s.id)).toContain(reader.id);
  });
});

describe('the test harness', () => {
  it('captures email sent through the email plugin', async () => {
    emails.reset();
    await strapi
      .plugin('email')
      .service('email')
      .send({ to: 'ada@example.com', subject: 'Hello', text: 'Hi Ada' });
    expect(emails.sent).toEqual([
      expect.objectContaining({ to: 'ada@example.com', subject: 'Hello', text: 'Hi Ada' }),
    ]);
  });

  it('creates users-permissions users whose JWT authenticates', async () => {
    const { jwt, email } = await createEndUser(strapi);
    const res = await http(strapi).get('/api/users/me').set('Authorization', `Bearer ${jwt}`);
    expect(res.status).toBe(200);
    expect(res.body.email).toBe(email);
  });
});

describe('the Content Manager layouts of the CRM types', () => {
  it('show staff by first name and plain labels', async () => {
    const configuration = (uid: string) =>
      strapi.plugin('content-manager').service('content-types').findConfiguration({ uid });
    const lead = await configuration('plugin::crm.lead');
    expect(lead.metadatas.assignedTo.edit.mainField).toBe('firstname');
    expect(lead.metadatas.assignedTo.list.mainField).toBe('firstname');
    expect(lead.metadatas.leadStatus.edit.label).toBe('Status');
    expect((await configuration('plugin::crm.note')).metadatas.author.edit.mainField).toBe('firstname');
  });

  it('show the conversion fields read-only in the edit view (SPEC §5)', async () => {
    const { metadatas } = await strapi
      .plugin('content-manager')
      .service('content-types')
      .findConfiguration({ uid: 'plugin::crm.lead' });
    expect(metadatas.dateConverted.edit.editable).toBe(false);
    expect(metadatas.customer.edit.editable).toBe(false);
    expect(metadatas.city.edit.editable).toBe(true);
  });
});

describe('a second boot on the same database', () => {
  it('keeps what an administrator changed in the roles, the defaults and the Content Manager layout', async () => {
    const staffRole = await findRole(strapi, 'Sales Staff');
    await strapi.db
      .query('admin::role')
      .update({ where: { id: staffRole.id }, data: { description: 'Our own words' } });
    const contacted = await strapi.db
      .query('plugin::crm.lead-status')
      .findOne({ where: { name: 'Contacted' } });
    await strapi.db.query('plugin::crm.lead-status').delete({ where: { id: contacted.id } });
    const rolesBefore = await strapi.db.query('admin::role').count();
    const contentTypes = strapi.plugin('content-manager').service('content-types');
    const layout = await contentTypes.findConfiguration({ uid: LEAD });
    layout.metadatas.leadStatus.edit.label = 'Stage';
    await contentTypes.updateConfiguration({ uid: LEAD }, layout);

    await stopStrapi(strapi);
    strapi = await startStrapi({ keepDatabase: true });

    expect(((await findRole(strapi, 'Sales Staff')) as { description?: string }).description).toBe(
      'Our own words'
    );
    expect(await strapi.db.query('admin::role').count()).toBe(rolesBefore);
    const names = (await strapi.db.query('plugin::crm.lead-status').findMany()).map(
      (s: { name: string }) => s.name
    );
    expect(names).not.toContain('Contacted');
    const staffLeadRead = await strapi.db.query('admin::permission').findOne({
      where: { role: { name: 'Sales Staff' }, action: CM_READ, subject: LEAD },
    });
    expect(staffLeadRead.conditions).toHaveLength(3);
    const layoutAfter = await strapi
      .plugin('content-manager')
      .service('content-types')
      .findConfiguration({ uid: LEAD });
    expect(layoutAfter.metadatas.leadStatus.edit.label).toBe('Stage');
  });

  it("runs the Content Manager's route guards of this instance only, once each", async () => {
    // the route objects belong to @strapi/content-manager's module, which both boots of this file
    // share: the first boot's guards, bound to its destroyed instance, must be gone
    const routers = strapi.plugin('content-manager').routes as unknown as Record<
      string,
      { routes?: { path: string; config?: { middlewares?: unknown[] } }[] }
    >;
    const countRoute = Object.values(routers)
      .flatMap((router) => router.routes ?? [])
      .find((route) => route.path === '/homepage/count-documents');
    expect(countRoute?.config?.middlewares).toHaveLength(1);

    const owner = await createStaff(strapi, 'Sales Staff');
    const staff = await createStaff(strapi, 'Sales Staff');
    const count = async () => {
      const res = await staff.get('/content-manager/homepage/count-documents');
      expect(res.status).toBe(200);
      return res.body.data as { published: number; draft: number; modified: number };
    };
    const before = await count();
    await createLead(strapi, { name: 'Not theirs', createdBy: owner.id });
    expect(await count()).toEqual(before);

    const namesOnly = await createRole(strapi, [
      { action: CM_READ, subject: LEAD, properties: { fields: ['name'] } },
    ]);
    const restricted = await createStaff(strapi, namesOnly.id);
    const picker = await restricted.get(`/content-manager/relations/${LEAD}/assignedTo`);
    expect(picker.status).toBe(403);
    expect(picker.body.error.status).toBe(403);
  });
});

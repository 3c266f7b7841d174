import type { Core } from '@strapi/strapi';
import type request from 'supertest';
import { http } from './strapi';

let sequence = 0;
const unique = (prefix: string) => `${prefix}-${process.env.JEST_WORKER_ID ?? 1}-${Date.now()}-${++sequence}`;

export const STAFF_PASSWORD = 'Test-Staff-2026';

export interface Staff {
  id: number;
  email: string;
  firstname: string;
  lastname: string;
  token: string;
  /** supertest request carrying this user's admin JWT. */
  get: (url: string) => request.Test;
  post: (url: string) => request.Test;
  put: (url: string) => request.Test;
  del: (url: string) => request.Test;
}

export const findRole = async (strapi: Core.Strapi, name: string) => {
  const role = await strapi.db.query('admin::role').findOne({ where: { name } });
  if (!role) throw new Error(`no admin role named "${name}"`);
  return role as { id: number; name: string };
};

/** Creates an admin role holding exactly `permissions`. */
export const createRole = async (
  strapi: Core.Strapi,
  permissions: { action: string; subject?: string | null; properties?: object; conditions?: string[] }[],
  name = unique('role')
) => {
  const roleService = strapi.service('admin::role');
  const role = await roleService.create({ name, description: 'test role' });
  await roleService.assignPermissions(
    role.id,
    permissions.map((p) => ({ subject: null, properties: {}, conditions: [], ...p }))
  );
  return role as { id: number; name: string };
};

/** Logs an admin user in through POST /admin/login, as the admin panel does. */
export const loginStaff = async (strapi: Core.Strapi, email: string, password = STAFF_PASSWORD) => {
  const res = await http(strapi).post('/admin/login').send({ email, password });
  if (res.status !== 200)
    throw new Error(`admin login failed for ${email}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data.token as string;
};

/** Creates an active admin user with the named role (or role id) and logs them in. */
export const createStaff = async (
  strapi: Core.Strapi,
  role: string | number,
  {
    firstname = 'Test',
    lastname = unique('staff'),
    extraRoles = [],
  }: { firstname?: string; lastname?: string; extraRoles?: number[] } = {}
): Promise<Staff> => {
  const roleId = typeof role === 'number' ? role : (await findRole(strapi, role)).id;
  const email = `${unique('staff')}@crm.test`.toLowerCase();
  const user = await strapi.service('admin::user').create({
    email,
    firstname,
    lastname,
    password: STAFF_PASSWORD,
    isActive: true,
    registrationToken: null,
    roles: [roleId, ...extraRoles],
  });
  const token = await loginStaff(strapi, email);
  const auth = (test: request.Test) => test.set('Authorization', `Bearer ${token}`);
  return {
    id: user.id,
    email,
    firstname,
    lastname,
    token,
    get: (url) => auth(http(strapi).get(url)),
    post: (url) => auth(http(strapi).post(url)),
    put: (url) => auth(http(strapi).put(url)),
    del: (url) => auth(http(strapi).delete(url)),
  };
};

/** Creates a confirmed users-permissions user (role type `authenticated` unless said) and logs them in. */
export const createEndUser = async (
  strapi: Core.Strapi,
  { roleType = 'authenticated', password = 'Test-User-2026' } = {}
) => {
  const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: roleType } });
  const email = `${unique('user')}@crm.test`.toLowerCase();
  const user = await strapi.plugin('users-permissions').service('user').add({
    username: email,
    email,
    password,
    provider: 'local',
    confirmed: true,
    blocked: false,
    role: role.id,
  });
  const res = await http(strapi).post('/api/auth/local').send({ identifier: email, password });
  if (res.status !== 200)
    throw new Error(`users-permissions login failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { user, email, password, jwt: res.body.jwt as string };
};

/**
 * SPEC §3.1, "Strapi's own roles are untouched": on a brand-new project the Editor and Author
 * roles are exactly what Strapi makes them (Author keeps admin::is-creator on every content
 * permission), and the Sales roles are created once, with their conditions.
 */
import type { Core } from '@strapi/strapi';
import { startStrapi, stopStrapi } from '../helpers/strapi';
import { findRole } from '../helpers/users';

interface StoredPermission {
  action: string;
  subject: string | null;
  conditions: string[];
  properties: { fields?: string[] };
}

let strapi: Core.Strapi;

beforeAll(async () => {
  // a copy of the database the app's first boot on an empty one leaves (the run's template)
  strapi = await startStrapi();
});

afterAll(async () => {
  await stopStrapi(strapi);
});

const permissionsOf = async (name: string) =>
  (await strapi.db
    .query('admin::permission')
    .findMany({ where: { role: { id: (await findRole(strapi, name)).id } } })) as StoredPermission[];

const contentPermissions = (permissions: StoredPermission[]) =>
  permissions.filter((p) => p.action.startsWith('plugin::content-manager.explorer.'));

it('Author has admin::is-creator on every content permission, as Strapi creates it', async () => {
  const author = contentPermissions(await permissionsOf('Author'));
  expect(author.length).toBeGreaterThan(0);
  expect(author.filter((p) => !p.conditions.includes('admin::is-creator'))).toEqual([]);
  expect(author.map((p) => p.subject)).toEqual(
    expect.arrayContaining(['plugin::crm.lead', 'plugin::crm.note'])
  );
});

it("Editor has Strapi's unconditioned content permissions, and Author the same minus publish", async () => {
  const editor = contentPermissions(await permissionsOf('Editor'));
  const author = contentPermissions(await permissionsOf('Author'));
  expect(editor.filter((p) => p.conditions.length > 0)).toEqual([]);
  const key = (p: StoredPermission) => `${p.action} ${p.subject}`;
  const editorWithoutPublish = editor
    .filter((p) => !p.action.endsWith('.publish'))
    .map(key)
    .sort();
  expect(author.map(key).sort()).toEqual(editorWithoutPublish);
});

it('the Sales roles exist once, Sales Staff with the three lead conditions', async () => {
  for (const name of ['Sales Staff', 'Sales Manager']) {
    expect(await strapi.db.query('admin::role').count({ where: { name } })).toBe(1);
  }
  const leadRead = (await permissionsOf('Sales Staff')).find(
    (p) => p.action === 'plugin::content-manager.explorer.read' && p.subject === 'plugin::crm.lead'
  );
  expect(leadRead?.conditions.sort()).toEqual(
    ['admin::is-creator', 'plugin::crm.lead-is-assigned', 'plugin::crm.lead-is-public'].sort()
  );
});

it('a second boot on the same database changes no role', async () => {
  const before = JSON.stringify(
    await strapi.db.query('admin::permission').findMany({ orderBy: { id: 'asc' } })
  );
  await stopStrapi(strapi);
  strapi = await startStrapi({ keepDatabase: true });
  const after = JSON.stringify(
    await strapi.db.query('admin::permission').findMany({ orderBy: { id: 'asc' } })
  );
  expect(after).toEqual(before);
});

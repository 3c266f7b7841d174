import type { Core } from '@strapi/strapi';
import { CM_ACTION, CONDITION, PLUGIN_ACTION, UID, type CrmUid } from '../uids';

interface PermissionInput {
  action: string;
  subject: string | null;
  properties?: { fields?: string[] };
  conditions?: string[];
}

const LEAD_CONDITIONS = [CONDITION.isCreator, CONDITION.isAssigned, CONDITION.isPublic];
const CRUD = [CM_ACTION.read, CM_ACTION.create, CM_ACTION.update, CM_ACTION.delete];
/** The lead's sections and customers: staff work them freely; the lead they hang off is what is guarded. */
const WORKED_TYPES: CrmUid[] = [UID.customer, UID.note, UID.task, UID.reminder, UID.opportunity];
/** Reference data everyone reads; only managers change it. */
const REFERENCE_TYPES: CrmUid[] = [UID.leadStatus, UID.leadSource, UID.tag, UID.customField];

const fieldsOf = (strapi: Core.Strapi, uid: CrmUid) =>
  strapi.service('admin::content-type').getNestedFields(strapi.contentTypes[uid], {
    components: strapi.components,
  }) as string[];

const contentPermissions = (
  strapi: Core.Strapi,
  uid: CrmUid,
  actions: string[],
  conditions: string[] = []
): PermissionInput[] =>
  actions.map((action) => ({
    action,
    subject: uid,
    // delete has no field granularity in the Content Manager
    properties: action === CM_ACTION.delete ? {} : { fields: fieldsOf(strapi, uid) },
    conditions: action === CM_ACTION.create ? [] : conditions,
  }));

const pluginPermissions = (actions: string[]): PermissionInput[] =>
  actions.map((action) => ({ action, subject: null, properties: {}, conditions: [] }));

/** The two roles of SPEC §3, described as data so tests and docs can read them. */
export const salesRoles = (strapi: Core.Strapi) => [
  {
    name: 'Sales Staff',
    code: 'crm-sales-staff',
    description: 'Works the leads they created, the leads assigned to them and the public leads.',
    permissions: [
      ...contentPermissions(strapi, UID.lead, CRUD, LEAD_CONDITIONS),
      ...WORKED_TYPES.flatMap((uid) => contentPermissions(strapi, uid, CRUD)),
      ...REFERENCE_TYPES.flatMap((uid) => contentPermissions(strapi, uid, [CM_ACTION.read])),
      ...contentPermissions(strapi, UID.tag, [CM_ACTION.create]),
      ...pluginPermissions([PLUGIN_ACTION.convert, PLUGIN_ACTION.export]),
    ],
  },
  {
    name: 'Sales Manager',
    code: 'crm-sales-manager',
    description: 'Sees and works every lead, manages statuses, sources, tags and custom fields.',
    permissions: [
      ...contentPermissions(strapi, UID.lead, CRUD),
      ...WORKED_TYPES.flatMap((uid) => contentPermissions(strapi, uid, CRUD)),
      ...REFERENCE_TYPES.flatMap((uid) => contentPermissions(strapi, uid, CRUD)),
      ...pluginPermissions([PLUGIN_ACTION.convert, PLUGIN_ACTION.export, PLUGIN_ACTION.anonymize]),
    ],
  },
];

/**
 * Creates the Sales Staff and Sales Manager roles when no role of that name exists; never touches
 * an existing one.
 *
 * Plugins boot before the admin module. So Strapi's default roles are created first (the admin
 * creates Super Admin, Editor and Author only while no role exists at all), and the permissions
 * are stored with `createMany`, which keeps `admin::is-creator` although the admin registers that
 * condition later; `assignPermissions` would silently drop it. The admin's own bootstrap then
 * validates what was stored (`cleanPermissionsInDatabase`).
 */
export const ensureSalesRoles = async (strapi: Core.Strapi) => {
  const roleService = strapi.service('admin::role');
  await roleService.createRolesIfNoneExist();
  for (const { permissions, ...role } of salesRoles(strapi)) {
    if (await roleService.exists({ name: role.name })) continue;
    const created = await roleService.create(role);
    await strapi
      .service('admin::permission')
      .createMany(permissions.map((permission) => ({ ...permission, role: created.id })));
    strapi.log.info(`[crm] created the admin role "${role.name}"`);
  }
};

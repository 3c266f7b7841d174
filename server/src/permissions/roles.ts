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

const createMissingSalesRoles = async (strapi: Core.Strapi) => {
  const roleService = strapi.service('admin::role');
  for (const { permissions, ...role } of salesRoles(strapi)) {
    if (await roleService.exists({ name: role.name })) continue;
    const created = await roleService.create(role);
    await strapi
      .service('admin::permission')
      .createMany(permissions.map((permission) => ({ ...permission, role: created.id })));
    strapi.log.info(`[crm] created the admin role "${role.name}"`);
  }
};

/**
 * Creates the Sales Staff and Sales Manager roles when no role of that name exists; never touches
 * an existing one, nor Strapi's own roles (SPEC §3.1).
 *
 * Plugins boot before the admin module, and the admin creates Super Admin, Editor and Author only
 * while no role exists at all, with `assignPermissions`, which silently drops a condition not yet
 * registered: creating them from here would leave Author without `admin::is-creator`. So on a
 * brand-new project the Sales roles are created right after the admin has created its own, from
 * its own bootstrap; on an existing one, now.
 */
export const ensureSalesRoles = async (strapi: Core.Strapi) => {
  const roleService = strapi.service('admin::role') as {
    count(): Promise<number>;
    createRolesIfNoneExist(): Promise<void>;
  };
  if ((await roleService.count()) > 0) return createMissingSalesRoles(strapi);
  const createStrapiRoles = roleService.createRolesIfNoneExist.bind(roleService);
  roleService.createRolesIfNoneExist = async () => {
    await createStrapiRoles();
    await createMissingSalesRoles(strapi);
  };
};

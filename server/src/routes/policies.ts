import { CM_ACTION, PLUGIN_ACTION, UID } from '../uids';

type Permission = string | [action: string, subject: string];

/** The policy chain every admin route starts with: an authenticated admin holding `permissions`. */
export const adminPolicies = (...permissions: Permission[]) => [
  'admin::isAuthenticatedAdmin',
  ...(permissions.length ? [{ name: 'admin::hasPermissions', config: { actions: permissions } }] : []),
];

/** Holding the action on leads at all; which leads is decided per lead by the visibility service. */
export const LEADS = {
  read: [CM_ACTION.read, UID.lead] as Permission,
  create: [CM_ACTION.create, UID.lead] as Permission,
  update: [CM_ACTION.update, UID.lead] as Permission,
  delete: [CM_ACTION.delete, UID.lead] as Permission,
};

/** Holding the action on customers (no per-customer conditions). */
export const CUSTOMERS = {
  read: [CM_ACTION.read, UID.customer] as Permission,
  update: [CM_ACTION.update, UID.customer] as Permission,
};

/** Converting writes the lead and creates a customer: the plugin action and both rights. */
export const CONVERT: Permission[] = [PLUGIN_ACTION.convert, LEADS.update, [CM_ACTION.create, UID.customer]];

/** GDPR: the plugin actions, with reading (export) or updating (anonymize) the lead. */
export const EXPORT: Permission[] = [PLUGIN_ACTION.export, LEADS.read];
export const ANONYMIZE: Permission[] = [PLUGIN_ACTION.anonymize, LEADS.update];

import { ABILITIES, type RequiredPermission } from '../contracts/permissions';
import { CM_ACTION, UID } from '../uids';

type Permission = string | [action: string, subject: string];

/** The policy chain every admin route starts with: an authenticated admin holding `permissions`. */
export const adminPolicies = (...permissions: Permission[]) => [
  'admin::isAuthenticatedAdmin',
  ...(permissions.length ? [{ name: 'admin::hasPermissions', config: { actions: permissions } }] : []),
];

/** A contract's required permissions as the `admin::hasPermissions` policy takes them. */
const asPolicy = (required: RequiredPermission[]): Permission[] =>
  required.map(({ action, subject }) => (subject ? ([action, subject] as Permission) : action));

/**
 * Holding the action on leads at all; which leads is decided per lead by the visibility service.
 * The lists come from the contracts the admin shows its actions by (`contracts/permissions.ts`).
 */
export const LEADS = {
  read: asPolicy(ABILITIES.readLeads)[0],
  create: asPolicy(ABILITIES.createLead)[0],
  update: asPolicy(ABILITIES.updateLead)[0],
  delete: asPolicy(ABILITIES.deleteLead)[0],
};

/** Holding the action on customers (which customers: through the leads that became them). */
export const CUSTOMERS = {
  read: [CM_ACTION.read, UID.customer] as Permission,
  update: [CM_ACTION.update, UID.customer] as Permission,
};

/** Converting writes the lead and creates a customer: the plugin action and both rights. */
export const CONVERT = asPolicy(ABILITIES.convert);

/** GDPR: the plugin actions, with reading (export) or updating (anonymize) the lead. */
export const EXPORT = asPolicy(ABILITIES.export);
export const ANONYMIZE = asPolicy(ABILITIES.anonymize);

/** Content-type uids of the plugin, in one place so a typo is a type error. */
export const UID = {
  lead: 'plugin::crm.lead',
  leadStatus: 'plugin::crm.lead-status',
  leadSource: 'plugin::crm.lead-source',
  tag: 'plugin::crm.tag',
  customField: 'plugin::crm.custom-field',
  customer: 'plugin::crm.customer',
  note: 'plugin::crm.note',
  task: 'plugin::crm.task',
  reminder: 'plugin::crm.reminder',
  opportunity: 'plugin::crm.opportunity',
  activity: 'plugin::crm.activity',
  leadImport: 'plugin::crm.import',
} as const;

export type CrmUid = (typeof UID)[keyof typeof UID];

/** Content Manager actions, which the plugin's routes reuse so one role editor governs both. */
export const CM_ACTION = {
  read: 'plugin::content-manager.explorer.read',
  create: 'plugin::content-manager.explorer.create',
  update: 'plugin::content-manager.explorer.update',
  delete: 'plugin::content-manager.explorer.delete',
} as const;

/** The plugin's own RBAC actions (registered as `plugin::crm.<uid>`). */
export const PLUGIN_ACTION = {
  convert: 'plugin::crm.leads.convert',
  export: 'plugin::crm.leads.export',
  anonymize: 'plugin::crm.leads.anonymize',
} as const;

export const CONDITION = {
  isCreator: 'admin::is-creator',
  isAssigned: 'plugin::crm.lead-is-assigned',
  isPublic: 'plugin::crm.lead-is-public',
} as const;

/** RBAC actions the admin panel checks, mirroring the server's (`server/src/uids.ts`). */
const CM = 'plugin::content-manager.explorer';
export const LEAD_UID = 'plugin::crm.lead';
export const CUSTOMER_UID = 'plugin::crm.customer';

export const PERMISSIONS = {
  readLeads: [{ action: `${CM}.read`, subject: LEAD_UID }],
};

/** What the signed-in user may do in the CRM: drives which buttons, tabs and menus appear. */
export interface CrmAbilities {
  createLead: boolean;
  updateLead: boolean;
  deleteLead: boolean;
  convert: boolean;
  export: boolean;
  anonymize: boolean;
  /** Per section kind (notes, tasks, reminders, opportunities): read / create / update / delete. */
  section: (kind: SectionKind, action: 'read' | 'create' | 'update' | 'delete') => boolean;
}

export type SectionKind = 'notes' | 'tasks' | 'reminders' | 'opportunities';

export const SECTION_UIDS: Record<SectionKind, string> = {
  notes: 'plugin::crm.note',
  tasks: 'plugin::crm.task',
  reminders: 'plugin::crm.reminder',
  opportunities: 'plugin::crm.opportunity',
};

interface HeldPermission {
  action: string;
  subject?: string | null;
}

/**
 * Reads the abilities off the user's permissions. Conditions (creator, assignee, public) are not
 * evaluated here: the server applies them to each lead, and answers 404 for a lead out of reach.
 */
export const abilitiesFrom = (permissions: HeldPermission[]): CrmAbilities => {
  const has = (action: string, subject: string | null = null) =>
    permissions.some((p) => p.action === action && (p.subject ?? null) === subject);
  const updateLead = has(`${CM}.update`, LEAD_UID);
  return {
    createLead: has(`${CM}.create`, LEAD_UID),
    updateLead,
    deleteLead: has(`${CM}.delete`, LEAD_UID),
    // the convert route also wants update on the lead and create on customers
    convert: has('plugin::crm.leads.convert') && updateLead && has(`${CM}.create`, CUSTOMER_UID),
    export: has('plugin::crm.leads.export'),
    anonymize: has('plugin::crm.leads.anonymize') && updateLead,
    section: (kind, action) => has(`${CM}.${action}`, SECTION_UIDS[kind]),
  };
};

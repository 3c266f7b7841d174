/**
 * The permissions each CRM action needs, as `useRBAC` takes them: the same arrays the admin routes
 * demand (`server/src/routes/policies.ts`). Conditions (creator, assignee, public) are applied by
 * the server per lead, which answers 404 for a lead out of reach.
 */
import { CM_ACTION, PLUGIN_ACTION, UID } from '../uids';
import type { SectionKind } from './sections';

export interface RequiredPermission {
  action: string;
  subject?: string | null;
}

const on = (action: string, subject: string): RequiredPermission => ({ action, subject });

export const LEAD_UID = UID.lead;
export const CUSTOMER_UID = UID.customer;

const SECTION_UIDS: Record<SectionKind, string> = {
  notes: UID.note,
  tasks: UID.task,
  reminders: UID.reminder,
  opportunities: UID.opportunity,
};

/** Each ability needs every permission of its list. */
export const ABILITIES = {
  readLeads: [on(CM_ACTION.read, UID.lead)],
  createLead: [on(CM_ACTION.create, UID.lead)],
  updateLead: [on(CM_ACTION.update, UID.lead)],
  deleteLead: [on(CM_ACTION.delete, UID.lead)],
  /** Converting writes the lead and creates a customer: the plugin action and both rights. */
  convert: [
    { action: PLUGIN_ACTION.convert },
    on(CM_ACTION.update, UID.lead),
    on(CM_ACTION.create, UID.customer),
  ],
  export: [{ action: PLUGIN_ACTION.export }, on(CM_ACTION.read, UID.lead)],
  anonymize: [{ action: PLUGIN_ACTION.anonymize }, on(CM_ACTION.update, UID.lead)],
} satisfies Record<string, RequiredPermission[]>;

export type Ability = keyof typeof ABILITIES;

/** A section's own Content Manager rights (reading the lead is needed too). */
export const SECTION_ABILITIES = Object.fromEntries(
  (Object.keys(SECTION_UIDS) as SectionKind[]).map((kind) => [
    kind,
    (['read', 'create', 'update', 'delete'] as const).map((action) =>
      on(CM_ACTION[action], SECTION_UIDS[kind])
    ),
  ])
) as Record<SectionKind, RequiredPermission[]>;

export type SectionAction = 'read' | 'create' | 'update' | 'delete';

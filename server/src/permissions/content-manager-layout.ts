import type { Core } from '@strapi/strapi';
import { CONTACT_FIELD_LABELS } from '../contracts/labels';
import { UID, type CrmUid } from '../uids';

/** The contact fields leads and customers share, as the plugin's forms label them. */
const CONTACT = CONTACT_FIELD_LABELS;

/** Timestamps and authors every type has. */
const COMMON = {
  id: 'Id',
  documentId: 'Document id',
  createdAt: 'Created',
  updatedAt: 'Updated',
  createdBy: 'Created by',
  updatedBy: 'Updated by',
};

/** CRM types the Content Manager shows (import jobs are the plugin's own, hidden there). */
type ShownUid = Exclude<CrmUid, typeof UID.leadImport>;

/** The label of every field of every CRM type in the Content Manager (edit form and list columns). */
export const LABELS: Record<ShownUid, Record<string, string>> = {
  [UID.lead]: {
    name: 'Name',
    leadStatus: 'Status',
    source: 'Source',
    assignedTo: 'Assigned to',
    tags: 'Tags',
    ...CONTACT,
    value: 'Value',
    isPublic: 'Public lead',
    contactedToday: 'Contacted today',
    lastContactAt: 'Last contact',
    customFields: 'Custom fields',
    lost: 'Lost',
    junk: 'Junk',
    dateConverted: 'Converted on',
    customer: 'Customer',
    attachments: 'Attachments',
  },
  [UID.customer]: {
    fullName: 'Full name',
    firstName: 'First name',
    lastName: 'Last name',
    ...CONTACT,
    customFields: 'Custom fields',
    tags: 'Tags',
    lead: 'Converted from lead',
    user: 'Portal login',
    attachments: 'Attachments',
  },
  [UID.note]: { body: 'Note', lead: 'Lead', customer: 'Customer', author: 'Author' },
  [UID.task]: {
    title: 'Title',
    dueDate: 'Due date',
    status: 'Status',
    assignedTo: 'Assigned to',
    lead: 'Lead',
    customer: 'Customer',
  },
  [UID.reminder]: {
    remindAt: 'Remind at',
    message: 'Message',
    staff: 'Remind',
    lead: 'Lead',
    customer: 'Customer',
    notified: 'Notified',
  },
  [UID.opportunity]: {
    name: 'Name',
    value: 'Value',
    stage: 'Stage',
    closeDate: 'Close date',
    lead: 'Lead',
    customer: 'Customer',
  },
  [UID.activity]: { action: 'Action', lead: 'Lead', customer: 'Customer', actor: 'Done by', data: 'Details' },
  [UID.leadStatus]: { name: 'Name', color: 'Color', order: 'Order', isCustomerStatus: 'Customer status' },
  [UID.leadSource]: { name: 'Name' },
  [UID.tag]: { name: 'Name' },
  [UID.customField]: {
    name: 'Name',
    slug: 'Key',
    target: 'Applies to',
    type: 'Type',
    options: 'Options',
    required: 'Required',
    active: 'Active',
    personal: 'Personal data',
    webForm: 'On the web form',
    order: 'Order',
  },
};

/** What a relation to each target shows: a name, never the documentId. */
const TARGET_MAIN_FIELD: Record<string, string> = {
  'admin::user': 'firstname',
  [UID.customer]: 'fullName',
  [UID.lead]: 'name',
  [UID.leadStatus]: 'name',
  [UID.leadSource]: 'name',
  [UID.tag]: 'name',
  [UID.task]: 'title',
  [UID.opportunity]: 'name',
  'plugin::users-permissions.user': 'username',
};

/** The main field of a type, where its default ("id", a first name) says less than a name. */
const MAIN_FIELD: Partial<Record<CrmUid, { value: string; replaces: string[] }>> = {
  [UID.customer]: { value: 'fullName', replaces: ['id', 'documentId', 'firstName'] },
};

/**
 * Fields only the conversion writes (SPEC §5), and the customer's full name (kept from its first
 * and last name): shown, never offered for editing.
 */
const READ_ONLY: Partial<Record<CrmUid, string[]>> = {
  [UID.lead]: ['dateConverted', 'customer'],
  [UID.customer]: ['fullName', 'lead', 'user'],
};

interface Metadata {
  edit?: { label?: string; mainField?: string; editable?: boolean };
  list?: { label?: string; mainField?: string };
}

interface Configuration {
  settings?: { mainField?: string };
  metadatas?: Record<string, Metadata>;
}

/** A main field the Content Manager picked by itself (the id), or one we set before. */
const isDefaultMainField = (value: string | undefined) => !value || value === 'id' || value === 'documentId';

/**
 * Makes the Content Manager readable for the CRM's types: every field labelled, relations shown
 * by name (staff by first name, customers by full name), customers titled by full name, the
 * conversion fields read-only. Only values still at the Content Manager's defaults change (a
 * label equal to the attribute's name, an id as main field), so what an administrator set by
 * hand stays; a run that finds nothing to change writes nothing.
 */
export const tuneContentManagerLayouts = async (strapi: Core.Strapi) => {
  const contentTypes = strapi.plugin('content-manager').service('content-types');
  for (const uid of Object.keys(LABELS) as ShownUid[]) {
    const configuration = (await contentTypes.findConfiguration({ uid })) as Configuration | null;
    if (!configuration) continue;
    const metadatas = configuration.metadatas ?? {};
    const attributes = (strapi.contentType(uid)?.attributes ?? {}) as Record<
      string,
      { type?: string; target?: string }
    >;
    let changed = false;

    const main = MAIN_FIELD[uid];
    if (main && configuration.settings && main.replaces.includes(configuration.settings.mainField ?? 'id')) {
      configuration.settings.mainField = main.value;
      changed = true;
    }
    for (const [field, label] of Object.entries({ ...COMMON, ...LABELS[uid] })) {
      for (const view of ['edit', 'list'] as const) {
        const meta = metadatas[field]?.[view];
        if (meta && meta.label === field) {
          meta.label = label;
          changed = true;
        }
      }
    }
    for (const [field, attribute] of Object.entries(attributes)) {
      const target = attribute.type === 'relation' ? TARGET_MAIN_FIELD[attribute.target ?? ''] : undefined;
      if (!target) continue;
      const replaced = (value: string | undefined) =>
        isDefaultMainField(value) || (attribute.target === UID.customer && value === 'firstName');
      for (const view of ['edit', 'list'] as const) {
        const meta = metadatas[field]?.[view];
        if (meta && replaced(meta.mainField) && meta.mainField !== target) {
          meta.mainField = target;
          changed = true;
        }
      }
    }
    for (const field of READ_ONLY[uid] ?? []) {
      const meta = metadatas[field]?.edit;
      if (meta && meta.editable !== false) {
        meta.editable = false;
        changed = true;
      }
    }
    if (changed) await contentTypes.updateConfiguration({ uid }, configuration);
  }
};

import type { Core } from '@strapi/strapi';
import { UID, type CrmUid } from '../uids';

/** Staff relations, shown by first name instead of the admin user's documentId. */
const STAFF_FIELDS: Partial<Record<CrmUid, string[]>> = {
  [UID.lead]: ['assignedTo'],
  [UID.note]: ['author'],
  [UID.task]: ['assignedTo'],
  [UID.reminder]: ['staff'],
};

/** Labels for attribute names a sales team should not have to read. */
const LABELS: Partial<Record<CrmUid, Record<string, string>>> = {
  [UID.lead]: {
    leadStatus: 'Status',
    assignedTo: 'Assigned to',
    isPublic: 'Public',
    contactedToday: 'Contacted today',
    lastContactAt: 'Last contact',
    customFields: 'Custom fields',
    dateConverted: 'Converted on',
  },
  [UID.customer]: { firstName: 'First name', lastName: 'Last name', customFields: 'Custom fields' },
};

/** Fields only the conversion writes (SPEC §5): shown, never offered for editing. */
const READ_ONLY: Partial<Record<CrmUid, string[]>> = {
  [UID.lead]: ['dateConverted', 'customer'],
  [UID.customer]: ['lead', 'user'],
};

interface Metadata {
  edit?: { label?: string; mainField?: string; editable?: boolean };
  list?: { label?: string; mainField?: string };
}

/**
 * Makes the Content Manager readable for the CRM's types: staff shown by name, plain labels. Only
 * values still at the Content Manager's defaults change, so an administrator's layout stays; the
 * conversion fields are always read-only (the server refuses their change on every path anyway).
 */
export const tuneContentManagerLayouts = async (strapi: Core.Strapi) => {
  const contentTypes = strapi.plugin('content-manager').service('content-types');
  const uids = [...Object.keys(STAFF_FIELDS), ...Object.keys(LABELS), ...Object.keys(READ_ONLY)];
  for (const uid of new Set(uids) as Set<CrmUid>) {
    const configuration = await contentTypes.findConfiguration({ uid });
    const metadatas = (configuration?.metadatas ?? {}) as Record<string, Metadata>;
    let changed = false;
    for (const field of STAFF_FIELDS[uid] ?? []) {
      for (const view of ['edit', 'list'] as const) {
        const meta = metadatas[field]?.[view];
        if (meta && (!meta.mainField || meta.mainField === 'id' || meta.mainField === 'documentId')) {
          meta.mainField = 'firstname';
          changed = true;
        }
      }
    }
    for (const [field, label] of Object.entries(LABELS[uid] ?? {})) {
      for (const view of ['edit', 'list'] as const) {
        const meta = metadatas[field]?.[view];
        if (meta && meta.label === field) {
          meta.label = label;
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

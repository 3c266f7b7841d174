/** Turns two states of a lead into activity entries: what changed, from what, to what. */
import { MIRRORS } from '../../database/lead-mirrors';

export interface NamedRef {
  documentId: string;
  name: string;
}

export interface StaffRef {
  id: number;
  firstname: string | null;
  lastname: string | null;
}

export interface LeadSnapshot {
  [field: string]: unknown;
  status: NamedRef | null;
  source: NamedRef | null;
  assignedTo: StaffRef | null;
  tags: string[];
  customFields: Record<string, unknown>;
}

export interface ActivityEntry {
  action: string;
  data: Record<string, unknown>;
}

/** Fields whose changes are not logged as field changes (they have their own entries or none). */
const NOT_LOGGED = new Set([
  'id',
  'documentId',
  'createdAt',
  'updatedAt',
  'publishedAt',
  'locale',
  'createdBy',
  'updatedBy',
  'status',
  'leadStatus',
  'source',
  'assignedTo',
  'tags',
  'customFields',
  'lost',
  'junk',
  'dateConverted',
  'customer',
  // the columns mirroring status, source and assignee: the relations have their own entries
  ...MIRRORS.map((mirror) => mirror.attribute),
]);

const normalize = (value: unknown): unknown => {
  if (value instanceof Date) return value.toISOString();
  if (value === undefined) return null;
  return value;
};

const same = (a: unknown, b: unknown) => JSON.stringify(normalize(a)) === JSON.stringify(normalize(b));

const fieldChange = (field: string, from: unknown, to: unknown): ActivityEntry => ({
  action: 'field_changed',
  data: { field, from: normalize(from), to: normalize(to) },
});

export const diffLead = (before: LeadSnapshot, after: LeadSnapshot): ActivityEntry[] => {
  const entries: ActivityEntry[] = [];
  if (before.status?.documentId !== after.status?.documentId) {
    entries.push({ action: 'status_changed', data: { from: before.status, to: after.status } });
  }
  if (before.assignedTo?.id !== after.assignedTo?.id) {
    entries.push({ action: 'assigned', data: { from: before.assignedTo, to: after.assignedTo } });
  }
  for (const flag of ['lost', 'junk'] as const) {
    if (!!before[flag] !== !!after[flag]) {
      entries.push({ action: after[flag] ? `marked_${flag}` : `unmarked_${flag}`, data: {} });
    }
  }
  if (before.source?.documentId !== after.source?.documentId) {
    entries.push(fieldChange('source', before.source?.name ?? null, after.source?.name ?? null));
  }
  if (!same([...before.tags].sort(), [...after.tags].sort())) {
    entries.push(fieldChange('tags', before.tags, after.tags));
  }
  const fields = new Set([...Object.keys(before), ...Object.keys(after)].filter((f) => !NOT_LOGGED.has(f)));
  for (const field of fields) {
    if (!same(before[field], after[field])) entries.push(fieldChange(field, before[field], after[field]));
  }
  const slugs = new Set([...Object.keys(before.customFields), ...Object.keys(after.customFields)]);
  for (const slug of slugs) {
    if (!same(before.customFields[slug], after.customFields[slug])) {
      entries.push(fieldChange(`customFields.${slug}`, before.customFields[slug], after.customFields[slug]));
    }
  }
  return entries;
};

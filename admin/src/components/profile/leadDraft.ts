import type { CustomFieldDefinition, LeadDetail } from '../../../../server/src/contracts';

/** The lead's text fields, in the order the form shows them (name first). */
export const TEXT_FIELDS = [
  'name',
  'position',
  'email',
  'website',
  'phone',
  'company',
  'address',
  'city',
  'state',
  'zip',
  'country',
  'description',
] as const;

export type TextField = (typeof TEXT_FIELDS)[number];

/** The general form's state: texts as typed, relations as the ids a select holds. */
export interface LeadDraft {
  text: Record<TextField, string>;
  status: string;
  source: string;
  /** An admin user id as text, '' for unassigned. */
  assignedTo: string;
  tags: string[];
  value: number | undefined;
  isPublic: boolean;
  customFields: Record<string, unknown>;
}

export const toDraft = (lead: LeadDetail): LeadDraft => ({
  text: Object.fromEntries(TEXT_FIELDS.map((field) => [field, lead[field] ?? ''])) as Record<
    TextField,
    string
  >,
  status: lead.status?.documentId ?? '',
  source: lead.source?.documentId ?? '',
  assignedTo: lead.assignedTo ? String(lead.assignedTo.id) : '',
  tags: lead.tags.map((tag) => tag.documentId),
  value: lead.value ?? undefined,
  isPublic: lead.isPublic,
  customFields: { ...lead.customFields },
});

/** A custom-field value as the API takes it: an empty one is null (the server then drops it). */
const customValue = (value: unknown) =>
  value === undefined || value === '' || (Array.isArray(value) && value.length === 0) ? null : value;

/** Every field of the draft as the API takes it (`PUT /crm/leads/:id`). */
const toBody = (draft: LeadDraft, definitions: CustomFieldDefinition[]) => ({
  ...Object.fromEntries(
    TEXT_FIELDS.map((field) => {
      const text = draft.text[field].trim();
      return [field, text === '' && field !== 'name' ? null : text];
    })
  ),
  status: draft.status,
  source: draft.source,
  assignedTo: draft.assignedTo === '' ? null : Number(draft.assignedTo),
  tags: [...draft.tags].sort(),
  value: draft.value ?? null,
  isPublic: draft.isPublic,
  customFields: Object.fromEntries(
    definitions.map((def) => [def.slug, customValue(draft.customFields[def.slug])])
  ),
});

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The fields the user changed, as the body of `PUT /crm/leads/:id`: only those, so a save never
 * overwrites what someone else changed meanwhile; custom fields by slug, each changed one alone.
 */
export const changedFields = (
  initial: LeadDraft,
  draft: LeadDraft,
  definitions: CustomFieldDefinition[]
): Record<string, unknown> => {
  const before = toBody(initial, definitions);
  const after = toBody(draft, definitions);
  const body: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(after)) {
    if (field !== 'customFields' && !same(value, before[field as keyof typeof before])) body[field] = value;
  }
  const customFields = Object.fromEntries(
    Object.entries(after.customFields).filter(([slug, value]) => !same(value, before.customFields[slug]))
  );
  if (Object.keys(customFields).length) body.customFields = customFields;
  return body;
};

/**
 * The draft over a lead that changed meanwhile (marked lost, anonymized, saved): what the user
 * has not touched follows the new lead, what they are editing stays.
 */
export const rebase = (before: LeadDraft, after: LeadDraft, draft: LeadDraft): LeadDraft => {
  const pick = <T>(was: T, now: T, edited: T) => (same(edited, was) ? now : edited);
  const merge = <T extends Record<string, unknown>>(was: T, now: T, edited: T) =>
    Object.fromEntries(
      [...new Set([...Object.keys(now), ...Object.keys(edited)])].map((key) => [
        key,
        pick(was[key], now[key], edited[key]),
      ])
    ) as T;
  return {
    text: merge(before.text, after.text, draft.text),
    status: pick(before.status, after.status, draft.status),
    source: pick(before.source, after.source, draft.source),
    assignedTo: pick(before.assignedTo, after.assignedTo, draft.assignedTo),
    tags: pick(before.tags, after.tags, draft.tags),
    value: pick(before.value, after.value, draft.value),
    isPublic: pick(before.isPublic, after.isPublic, draft.isPublic),
    customFields: merge(before.customFields, after.customFields, draft.customFields),
  };
};

/** The message of `path`, or of the first error under it (`tags.1` for the tags picker). */
export const errorAt = (errors: Record<string, string>, path: string) =>
  errors[path] ?? Object.entries(errors).find(([key]) => key.startsWith(`${path}.`))?.[1];

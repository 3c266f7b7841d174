import type { CustomFieldDefinition, LeadInput } from '../../../../server/src/contracts';

/** The text fields of the New lead form, in the seed's order around "Lead value" (after Phone). */
export const TEXT_BEFORE_VALUE = ['name', 'position', 'email', 'website', 'phone'] as const;
export const TEXT_AFTER_VALUE = ['company', 'address', 'city', 'state', 'country', 'zip'] as const;
export type NewLeadText =
  (typeof TEXT_BEFORE_VALUE)[number] | (typeof TEXT_AFTER_VALUE)[number] | 'description';

/** The form's state: texts as typed, relations as the ids a select holds. */
export interface NewLeadDraft {
  status: string;
  source: string;
  /** An admin user id as text, '' for unassigned. */
  assignedTo: string;
  tags: string[];
  text: Record<NewLeadText, string>;
  value: number | undefined;
  isPublic: boolean;
  contactedToday: boolean;
  customFields: Record<string, unknown>;
}

const ALL_TEXT: NewLeadText[] = [...TEXT_BEFORE_VALUE, ...TEXT_AFTER_VALUE, 'description'];

export const emptyDraft = (defaults: { status: string; source: string }): NewLeadDraft => ({
  status: defaults.status,
  source: defaults.source,
  assignedTo: '',
  tags: [],
  text: Object.fromEntries(ALL_TEXT.map((field) => [field, ''])) as Record<NewLeadText, string>,
  value: undefined,
  isPublic: false,
  contactedToday: false,
  customFields: {},
});

const isEmpty = (value: unknown) =>
  value === undefined ||
  value === null ||
  (typeof value === 'string' && value.trim() === '') ||
  (Array.isArray(value) && value.length === 0) ||
  (typeof value === 'number' && Number.isNaN(value));

/** The fields the user must fill before the form is sent, by path (`customFields.<slug>` too). */
export const missingFields = (draft: NewLeadDraft, definitions: CustomFieldDefinition[]): string[] => [
  ...(['status', 'source'] as const).filter((field) => draft[field] === ''),
  ...(draft.text.name.trim() === '' ? ['name'] : []),
  ...definitions
    .filter((def) => def.required && def.type !== 'checkbox' && isEmpty(draft.customFields[def.slug]))
    .map((def) => `customFields.${def.slug}`),
];

/** The body of `POST /crm/leads`: what was filled in, trimmed; nothing for an empty field. */
export const toCreateBody = (
  draft: NewLeadDraft,
  definitions: CustomFieldDefinition[],
  now = new Date()
): LeadInput => {
  const body: LeadInput = { status: draft.status, source: draft.source };
  if (draft.assignedTo !== '') body.assignedTo = Number(draft.assignedTo);
  if (draft.tags.length) body.tags = draft.tags;
  for (const field of ALL_TEXT) {
    const text = draft.text[field].trim();
    if (text !== '') body[field] = text;
  }
  if (draft.value !== undefined && !Number.isNaN(draft.value)) body.value = draft.value;
  body.isPublic = draft.isPublic;
  body.contactedToday = draft.contactedToday;
  // "contacted today" is a contact: the lead's last contact is now
  if (draft.contactedToday) body.lastContactAt = now.toISOString();
  const customFields = Object.fromEntries(
    definitions
      .filter((def) => !isEmpty(draft.customFields[def.slug]))
      .map((def) => [def.slug, draft.customFields[def.slug]])
  );
  if (Object.keys(customFields).length) body.customFields = customFields;
  return body;
};

import type { IntlShape } from 'react-intl';
import {
  staffName,
  type ActivityEntry,
  type CustomFieldDefinition,
  type StaffRef,
} from '../../../../server/src/contracts';
import { getTranslation } from '../../utils/getTranslation';
import { LEAD_FIELD_LABELS } from '../../utils/fieldLabels';

/** English lines of the log; `{actor}` is who did it. Ids `crm.profile.activity.action.<action>`. */
const LINES: Record<string, string> = {
  created: '{actor} created the lead',
  field_changed: '{actor} changed {field}: {from} → {to}',
  status_changed: '{actor} changed the status: {from} → {to}',
  assigned: '{actor} changed the assignee: {from} → {to}',
  marked_lost: '{actor} marked the lead as lost',
  unmarked_lost: '{actor} marked the lead as not lost',
  marked_junk: '{actor} marked the lead as junk',
  unmarked_junk: '{actor} marked the lead as not junk',
  note_added: '{actor} added a note',
  note_added_excerpt: '{actor} added a note: “{excerpt}”',
  note_updated: '{actor} edited a note',
  note_updated_excerpt: '{actor} edited a note: “{excerpt}”',
  note_deleted: '{actor} deleted a note',
  task_added: '{actor} added a task',
  task_updated: '{actor} changed a task ({fields})',
  task_deleted: '{actor} deleted a task',
  reminder_added: '{actor} added a reminder',
  reminder_updated: '{actor} changed a reminder ({fields})',
  reminder_deleted: '{actor} deleted a reminder',
  opportunity_added: '{actor} added an opportunity',
  opportunity_updated: '{actor} changed an opportunity ({fields})',
  opportunity_deleted: '{actor} deleted an opportunity',
  attachment_added: '{actor} attached {name}',
  attachment_deleted: '{actor} removed the file {name}',
  converted: '{actor} converted the lead into the customer {customer}',
  email_changed_on_conversion: '{actor} changed the email on conversion: {from} → {to}',
  welcome_email_failed: 'The welcome email to {to} could not be sent',
  reminder_email_failed: 'A reminder email could not be sent',
  reminder_email_withheld: 'A reminder was not emailed: its staff member may no longer see this record',
  exported: '{actor} exported the lead (GDPR)',
  anonymized: '{actor} anonymized the lead (GDPR)',
  captured_from_web_form: 'The lead came in through the web form',
  web_form_resubmitted: 'The lead sent the web form again',
  consent_given: 'Consent given through the {through}: “{text}”',
};

const FALLBACK = '{actor}: {action}';

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

interface Context {
  intl: Pick<IntlShape, 'formatMessage' | 'formatList' | 'formatDate'>;
  customFields: CustomFieldDefinition[];
}

const text = (intl: Context['intl'], key: string, defaultMessage: string) =>
  intl.formatMessage({ id: getTranslation(`profile.activity.${key}`), defaultMessage });

/** A logged value as a person reads it: names for relations, "empty" for nothing. */
const showValue = (intl: Context['intl'], value: unknown): string => {
  if (value === null || value === undefined || value === '') return text(intl, 'empty', '(empty)');
  if (Array.isArray(value)) {
    return value.length
      ? intl.formatList(value.map((v) => showValue(intl, v)))
      : text(intl, 'empty', '(empty)');
  }
  if (typeof value === 'boolean') return value ? text(intl, 'yes', 'yes') : text(intl, 'no', 'no');
  // a date and time (last contact, a date custom field) in the reader's format, not ISO
  if (typeof value === 'string' && ISO_DATE_TIME.test(value) && !Number.isNaN(Date.parse(value)))
    return intl.formatDate(value, { dateStyle: 'medium', timeStyle: 'short' });
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if ('firstname' in record) return staffName(record as unknown as StaffRef);
    if (typeof record.name === 'string') return record.name;
    if (typeof record.firstName === 'string')
      return [record.firstName, record.lastName].filter(Boolean).join(' ');
    return JSON.stringify(value);
  }
  return String(value);
};

/** The label of a logged field: the form's label, or the custom field's name. */
const fieldLabel = (intl: Context['intl'], field: string, customFields: CustomFieldDefinition[]) => {
  if (field.startsWith('customFields.')) {
    const slug = field.slice('customFields.'.length);
    return customFields.find((def) => def.slug === slug)?.name ?? slug;
  }
  return LEAD_FIELD_LABELS[field]
    ? intl.formatMessage({
        id: getTranslation(`profile.fields.${field}`),
        defaultMessage: LEAD_FIELD_LABELS[field],
      })
    : field;
};

/** One human-readable line for an entry of the log: who, what, old → new. */
export const describeActivity = (entry: ActivityEntry, { intl, customFields }: Context) => {
  const data = entry.data ?? {};
  const values: Record<string, string> = {
    actor: entry.actor ? staffName(entry.actor) : text(intl, 'system', 'The system'),
    action: entry.action,
    field: typeof data.field === 'string' ? fieldLabel(intl, data.field, customFields) : '',
    from: showValue(intl, data.from),
    to: showValue(intl, data.to),
    name: showValue(intl, data.name),
    customer: showValue(intl, data.customer),
    fields: Array.isArray(data.fields) ? intl.formatList(data.fields.map(String)) : '',
    text: showValue(intl, data.text),
    through: typeof data.through === 'string' ? data.through : 'web form',
    excerpt: typeof data.excerpt === 'string' ? data.excerpt : '',
  };
  // a note's row quotes its first words when the log kept them
  const action =
    values.excerpt && `${entry.action}_excerpt` in LINES ? `${entry.action}_excerpt` : entry.action;
  const known = action in LINES;
  return intl.formatMessage(
    {
      id: getTranslation(`profile.activity.action.${known ? action : 'unknown'}`),
      defaultMessage: known ? LINES[action] : FALLBACK,
    },
    values
  );
};

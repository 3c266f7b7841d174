import type { SectionInput, SectionRecord } from '../../../../server/src/contracts';
import type { SectionKind } from '../../../../server/src/contracts';

export type SectionFieldType = 'text' | 'textarea' | 'date' | 'datetime' | 'number' | 'staff' | 'taskStatus';

export interface SectionField {
  name: string;
  /** English label; the id is `crm.profile.<kind>.field.<name>`. */
  label: string;
  type: SectionFieldType;
  required?: boolean;
}

/** English texts of a section; ids `crm.profile.<kind>.<key>`. */
export interface SectionTexts {
  title: string;
  add: string;
  newTitle: string;
  editTitle: string;
  empty: string;
  created: string;
  updated: string;
  deleted: string;
  deleteTitle: string;
  deleteBody: string;
}

export interface SectionSpec {
  kind: SectionKind;
  /** What the add and edit form holds (`server/src/validation/sections.ts`). */
  fields: SectionField[];
  /** What the list shows, fields or not (a note's author, when it was written). */
  columns: SectionField[];
  texts: SectionTexts;
}

const note = { name: 'body', label: 'Note', type: 'textarea', required: true } as const;
const task = {
  title: { name: 'title', label: 'Task', type: 'text', required: true },
  dueDate: { name: 'dueDate', label: 'Due date', type: 'date' },
  status: { name: 'status', label: 'Status', type: 'taskStatus' },
  assignedTo: { name: 'assignedTo', label: 'Assigned to', type: 'staff' },
} as const;
const reminder = {
  remindAt: { name: 'remindAt', label: 'Remind at', type: 'datetime', required: true },
  message: { name: 'message', label: 'Message', type: 'textarea', required: true },
  staff: { name: 'staff', label: 'Remind', type: 'staff' },
} as const;
const opportunity = {
  name: { name: 'name', label: 'Opportunity', type: 'text', required: true },
  value: { name: 'value', label: 'Value', type: 'number' },
  stage: { name: 'stage', label: 'Stage', type: 'text' },
  closeDate: { name: 'closeDate', label: 'Close date', type: 'date' },
} as const;

export const SECTION_SPECS: Record<SectionKind, SectionSpec> = {
  opportunities: {
    kind: 'opportunities',
    fields: [opportunity.name, opportunity.value, opportunity.stage, opportunity.closeDate],
    columns: [opportunity.name, opportunity.value, opportunity.stage, opportunity.closeDate],
    texts: {
      title: 'Opportunities',
      add: 'Add an opportunity',
      newTitle: 'New opportunity',
      editTitle: 'Edit the opportunity',
      empty: 'No opportunity yet.',
      created: 'The opportunity was added.',
      updated: 'The opportunity was saved.',
      deleted: 'The opportunity was deleted.',
      deleteTitle: 'Delete this opportunity?',
      deleteBody: 'The opportunity will be deleted.',
    },
  },
  tasks: {
    kind: 'tasks',
    fields: [task.title, task.dueDate, task.status, task.assignedTo],
    columns: [task.title, task.dueDate, task.status, task.assignedTo],
    texts: {
      title: 'Tasks',
      add: 'Add a task',
      newTitle: 'New task',
      editTitle: 'Edit the task',
      empty: 'No task yet.',
      created: 'The task was added.',
      updated: 'The task was saved.',
      deleted: 'The task was deleted.',
      deleteTitle: 'Delete this task?',
      deleteBody: 'The task will be deleted.',
    },
  },
  reminders: {
    kind: 'reminders',
    fields: [reminder.remindAt, reminder.message, reminder.staff],
    columns: [reminder.remindAt, reminder.message, reminder.staff],
    texts: {
      title: 'Reminders',
      add: 'Add a reminder',
      newTitle: 'New reminder',
      editTitle: 'Edit the reminder',
      empty: 'No reminder yet.',
      created: 'The reminder was added.',
      updated: 'The reminder was saved.',
      deleted: 'The reminder was deleted.',
      deleteTitle: 'Delete this reminder?',
      deleteBody: 'The reminder will be deleted.',
    },
  },
  notes: {
    kind: 'notes',
    fields: [note],
    columns: [
      note,
      { name: 'author', label: 'Written by', type: 'staff' },
      { name: 'createdAt', label: 'Written on', type: 'datetime' },
    ],
    texts: {
      title: 'Notes',
      add: 'Add a note',
      newTitle: 'New note',
      editTitle: 'Edit the note',
      empty: 'No note yet.',
      created: 'The note was added.',
      updated: 'The note was saved.',
      deleted: 'The note was deleted.',
      deleteTitle: 'Delete this note?',
      deleteBody: 'The note will be deleted.',
    },
  },
};

/** A form's state: every field as the text its input holds. */
export type SectionDraft = Record<string, string>;

const pad = (n: number) => String(n).padStart(2, '0');

/** An ISO instant as a `datetime-local` input shows it, in the browser's time zone. */
export const toLocalDateTime = (iso: string) => {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
};

const fieldValue = (record: SectionRecord, field: SectionField): unknown =>
  (record as unknown as Record<string, unknown>)[field.name];

/** The form's starting state: a record's values, or the defaults of a new one. */
export const toSectionDraft = (spec: SectionSpec, record: SectionRecord | null): SectionDraft =>
  Object.fromEntries(
    spec.fields.map((field) => {
      const value = record ? fieldValue(record, field) : undefined;
      if (field.type === 'taskStatus') return [field.name, typeof value === 'string' ? value : 'open'];
      if (value === null || value === undefined) return [field.name, ''];
      if (field.type === 'staff') return [field.name, String((value as { id: number }).id)];
      if (field.type === 'datetime') return [field.name, toLocalDateTime(String(value))];
      return [field.name, String(value)];
    })
  );

/** One field's text as the API takes it; undefined leaves the field out. */
const toApiValue = (field: SectionField, text: string): string | number | null | undefined => {
  const trimmed = text.trim();
  switch (field.type) {
    case 'number':
      return trimmed === '' ? null : Number(trimmed);
    case 'staff':
      // a reminder without a named staff member is for its author: let the server decide
      return trimmed === '' ? (field.name === 'staff' ? undefined : null) : Number(trimmed);
    case 'datetime':
      return trimmed === '' ? null : new Date(trimmed).toISOString();
    case 'date':
      return trimmed === '' ? null : trimmed;
    default:
      return trimmed === '' && !field.required ? null : trimmed;
  }
};

/**
 * The request body: on create every field given, on update only those the user changed (a
 * reminder already due must not fail on its unchanged time).
 */
export const toSectionInput = (
  spec: SectionSpec,
  initial: SectionDraft,
  draft: SectionDraft,
  isNew: boolean
) => {
  const body: SectionInput = {};
  for (const field of spec.fields) {
    if (!isNew && initial[field.name] === draft[field.name]) continue;
    const value = toApiValue(field, draft[field.name] ?? '');
    if (value !== undefined) body[field.name] = value;
  }
  return body;
};

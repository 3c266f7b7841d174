import { yup } from '@strapi/utils';
import {
  amount,
  dateTime,
  isoDate,
  LONG_TEXT,
  rejectUnknownKeys,
  SHORT_TEXT,
  staffId,
  text,
  trimmedText,
  unwrapData,
  validateBody,
} from './common';

const string = (max: number) => trimmedText(max);

/** The kinds of section a lead or customer has. */
export type SectionKind = 'notes' | 'tasks' | 'reminders' | 'opportunities';

/**
 * The writable fields of each section (typed by hand: an inferred yup type cannot be named in the
 * built declarations, which made every build print a TS2742 error).
 */
const FIELDS: Record<SectionKind, Record<string, yup.AnySchema>> = {
  notes: { body: string(LONG_TEXT) },
  tasks: {
    title: string(SHORT_TEXT),
    dueDate: isoDate(),
    status: yup.mixed().oneOf(['open', 'done'], 'must be open or done'),
    assignedTo: staffId(),
  },
  reminders: {
    remindAt: dateTime(),
    message: string(LONG_TEXT),
    staff: staffId(),
  },
  opportunities: {
    name: string(SHORT_TEXT),
    value: amount(),
    stage: text(SHORT_TEXT),
    closeDate: isoDate(),
  },
};

/** Fields a record of the section cannot be without. */
const REQUIRED: Record<SectionKind, string[]> = {
  notes: ['body'],
  tasks: ['title'],
  reminders: ['remindAt', 'message'],
  opportunities: ['name'],
};

export const SECTION_KINDS = Object.keys(FIELDS) as SectionKind[];

const isBlank = (v: unknown) => v === null || (typeof v === 'string' && v.trim() === '');

/**
 * Validates a section body. On create the required fields must be there; on update
 * (`partial`) every field is optional, but a required one cannot be emptied. A reminder's time,
 * when given, must be in the future.
 */
export const validateSection = async (
  kind: SectionKind,
  body: unknown,
  { partial }: { partial: boolean }
) => {
  const fields = FIELDS[kind];
  const data = rejectUnknownKeys(unwrapData(body), Object.keys(fields), kind.replace(/s$/, ''));
  const shape = Object.fromEntries(
    Object.entries(fields).map(([name, schema]) => {
      if (!REQUIRED[kind].includes(name)) return [name, schema];
      return [
        name,
        partial
          ? schema.test('not-empty', 'cannot be empty', (v: unknown) => v === undefined || !isBlank(v))
          : schema.test('required', 'is required', (v: unknown) => v !== undefined && !isBlank(v)),
      ];
    })
  );
  if (kind === 'reminders') {
    shape.remindAt = (shape.remindAt as yup.AnySchema).test(
      'future',
      'must be in the future',
      (v: unknown) => v === undefined || v === null || new Date(v as string).getTime() > Date.now()
    );
  }
  return validateBody<Record<string, unknown>>(yup.object(shape), data);
};

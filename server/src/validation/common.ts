import { yup } from '@strapi/utils';
import { validationError, type FieldError } from '../errors';

export const SHORT_TEXT = 255;
export const LONG_TEXT = 10_000;

/** A nullable text of at most `max` characters (longer input is refused, never truncated). */
export const text = (max = SHORT_TEXT) =>
  yup.string().typeError('must be text').nullable().max(max, `must be at most ${max} characters`);

/**
 * Text trimmed of surrounding spaces. yup's own `.trim()` throws on a value that is not a string
 * (a 500 for `{ "name": {} }`), so the trim leaves such a value for the type check to refuse.
 */
export const trimmedText = (max = SHORT_TEXT) =>
  yup
    .string()
    .typeError('must be text')
    .transform((value: unknown) => (typeof value === 'string' ? value.trim() : value))
    .max(max, `must be at most ${max} characters`);

export const requiredText = (max = SHORT_TEXT): yup.AnySchema => trimmedText(max).required('is required');

export const email = () => text().email('must be a valid email address');

/** An http(s) address; a bare domain ("acme.com") is read as https://acme.com. */
export const website = () =>
  text()
    .transform((value: string | null) =>
      typeof value === 'string' && value.trim() && !/^[a-z][a-z0-9+.-]*:/i.test(value.trim())
        ? `https://${value.trim()}`
        : value
    )
    .url('must be a valid http(s) URL');

export const documentId = () => yup.string().max(SHORT_TEXT, 'is not a valid id');

/** The largest value of an integer column (and of an id) on every database. */
export const INTEGER_MAX = 2_147_483_647;

/** Strapi's `decimal` is decimal(10,2) on PostgreSQL and MySQL: 8 digits before the point. */
export const DECIMAL_MAX = 99_999_999.99;

/** An admin user id, as staff are referenced in request bodies. */
export const staffId = () =>
  yup
    .number()
    .typeError('must be a staff id')
    .integer('must be a staff id')
    .positive('must be a staff id')
    .max(INTEGER_MAX, 'must be a staff id')
    .nullable();

/** An amount stored in a `decimal` column: finite, zero or more, within what the column holds. */
export const amount = () =>
  yup
    .number()
    .typeError('must be a number')
    .min(0, 'must be zero or more')
    .max(DECIMAL_MAX, `must be at most ${DECIMAL_MAX}`)
    .nullable();

/** Years every database stores in a date or datetime column (MySQL's DATETIME ends at 9999). */
const YEARS = { min: 1000, max: 9999 };

/** `YYYY-MM-DD` naming a day that exists (no 2026-02-30). */
export const isCalendarDate = (value: string) => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    year >= YEARS.min &&
    year <= YEARS.max &&
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day
  );
};

/** An ISO 8601 date or date and time that every database can store. */
export const isDateTime = (value: string) => {
  const match =
    /^(\d{4}-\d{2}-\d{2})(?:[T ]([01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,9})?)?(?:Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)?)?$/.exec(
      value
    );
  return !!match && isCalendarDate(match[1]) && Number.isFinite(Date.parse(value.replace(' ', 'T')));
};

/** A day as `YYYY-MM-DD` (a date column). */
export const isoDate = () =>
  yup
    .string()
    .typeError('must be a date (YYYY-MM-DD)')
    .nullable()
    .test('date', 'must be a date (YYYY-MM-DD)', (v: unknown) => v == null || isCalendarDate(String(v)));

/** A date and time (a datetime column), within the years every database stores. */
export const dateTime = (message = 'must be a date and time') =>
  yup
    .date()
    .typeError(message)
    .nullable()
    // yup rolls an impossible date over ("2026-13-45" became 2027-02-14): the text must name a real one
    .test('calendar', message, function () {
      const raw = (this as unknown as { originalValue?: unknown }).originalValue;
      return typeof raw !== 'string' || isDateTime(raw);
    })
    .test(
      'years',
      `must be between the years ${YEARS.min} and ${YEARS.max}`,
      (v: Date | null | undefined) =>
        v == null || (v.getUTCFullYear() >= YEARS.min && v.getUTCFullYear() <= YEARS.max)
    );

/** Fields a client may echo back from a response, which are not theirs to write. */
const READ_ONLY_KEYS = [
  'id',
  'documentId',
  'createdAt',
  'updatedAt',
  'publishedAt',
  'createdBy',
  'updatedBy',
  'locale',
];

/**
 * Refuses keys the schema does not know (a typo must not be silently dropped), naming each one;
 * read-only keys echoed back from a response are removed instead.
 */
export const rejectUnknownKeys = (body: Record<string, unknown>, known: string[], what: string) => {
  const unknown = Object.keys(body).filter((key) => !known.includes(key) && !READ_ONLY_KEYS.includes(key));
  if (unknown.length) {
    throw validationError(unknown.map((key) => ({ path: [key], message: `is not a field of a ${what}` })));
  }
  return Object.fromEntries(Object.entries(body).filter(([key]) => known.includes(key)));
};

/** Runs a yup schema collecting every error (no casting: JSON bodies keep their types). */
export const validateBody = async <T>(schema: yup.AnySchema, body: unknown): Promise<T> => {
  try {
    return (await schema.validate(body, { strict: false, abortEarly: false, stripUnknown: false })) as T;
  } catch (error) {
    if (error instanceof yup.ValidationError) {
      const inner = error.inner.length ? error.inner : [error];
      throw validationError(
        inner.map((e: yup.ValidationError): FieldError => ({
          // "customFields[0].merge" → ["customFields", "0", "merge"], as Strapi formats yup paths
          path: (e.path ?? '')
            .replace(/\[(\d+)\]/g, '.$1')
            .split('.')
            .filter(Boolean),
          message: e.message,
        }))
      );
    }
    throw error;
  }
};

/** Accepts a body with or without Strapi's `{ data: {...} }` wrapper. */
export const unwrapData = (body: unknown): Record<string, unknown> => {
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    throw validationError([{ path: [], message: 'The request body must be a JSON object' }]);
  }
  const record = body as Record<string, unknown>;
  const keys = Object.keys(record);
  if (
    keys.length === 1 &&
    keys[0] === 'data' &&
    record.data &&
    typeof record.data === 'object' &&
    !Array.isArray(record.data)
  ) {
    return record.data as Record<string, unknown>;
  }
  return record;
};

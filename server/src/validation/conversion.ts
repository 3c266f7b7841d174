import { CUSTOMER_TARGETS, type CustomerTarget } from '../contracts/conversion';
import { yup } from '@strapi/utils';
import { validationError, type FieldError } from '../errors';
import {
  documentId,
  email,
  isoDate,
  LONG_TEXT,
  rejectUnknownKeys,
  requiredText,
  SHORT_TEXT,
  staffId,
  text,
  unwrapData,
  validateBody,
  website,
} from './common';

/** Customer fields a conversion may write, with the kind of value each accepts: the contract's. */
export { CUSTOMER_TARGETS, type CustomerTarget };

export interface CustomerInput {
  firstName: string;
  lastName?: string | null;
  position?: string | null;
  company?: string | null;
  email?: string | null;
  phone?: string | null;
  website?: string | null;
  address?: string | null;
  city?: string | null;
  state?: string | null;
  zip?: string | null;
  country?: string | null;
  description?: string | null;
}

export interface MergeInstruction {
  slug: string;
  merge: 'custom' | 'database' | 'skip';
  target?: CustomerTarget;
}

export interface ConversionInput {
  customer: CustomerInput;
  customFields: MergeInstruction[];
  login: { enabled: boolean; password?: string; sendWelcomeEmail: boolean };
  transferNotes: boolean;
  followUpTask?: { title: string; dueDate?: string | null; assignedTo?: number | null };
  existingCustomerId?: string;
}

const customerSchema = yup
  .object({
    firstName: requiredText(),
    lastName: text(),
    position: text(),
    company: text(),
    email: email(),
    phone: text(),
    website: website(),
    address: text(),
    city: text(),
    state: text(),
    zip: text(),
    country: text(),
    description: text(LONG_TEXT),
  })
  .noUnknown(true, 'has a field customers do not have')
  .default(undefined)
  .required('is required')
  .typeError('must be an object');

const mergeSchema = yup
  .object({
    slug: yup.string().required('is required').max(SHORT_TEXT),
    merge: yup
      .mixed()
      .oneOf(['custom', 'database', 'skip'], 'must be custom, database or skip')
      .required('is required'),
    target: yup.mixed().when('merge', {
      is: 'database',
      then: (s: yup.AnySchema) =>
        s
          .required('is required to merge into a database field')
          .oneOf(Object.keys(CUSTOMER_TARGETS), `must be one of ${Object.keys(CUSTOMER_TARGETS).join(', ')}`),
      otherwise: (s: yup.AnySchema) => s.strip(),
    }),
  })
  .noUnknown(true, 'has an unknown key')
  .typeError('must be an object');

const schema = yup.object({
  customer: customerSchema,
  customFields: yup.array().of(mergeSchema).default([]).typeError('must be a list of merge instructions'),
  login: yup
    .object({
      enabled: yup.boolean().strict(true).default(false).typeError('must be true or false'),
      password: yup.string().strict(true).max(SHORT_TEXT).typeError('must be text'),
      sendWelcomeEmail: yup.boolean().strict(true).default(true).typeError('must be true or false'),
    })
    .noUnknown(true, 'has an unknown key')
    .default({ enabled: false, sendWelcomeEmail: true }),
  transferNotes: yup.boolean().strict(true).default(false).typeError('must be true or false'),
  followUpTask: yup
    .object({
      title: requiredText(),
      dueDate: isoDate(),
      assignedTo: staffId(),
    })
    .noUnknown(true, 'has an unknown key')
    .default(undefined),
  existingCustomerId: documentId(),
});

const TOP_LEVEL = [
  'customer',
  'customFields',
  'login',
  'transferNotes',
  'followUpTask',
  'existingCustomerId',
];

/**
 * Validates the body of POST /crm/leads/:id/convert: every field, every merge instruction, the
 * login block (with the password policy) and the follow-up task, naming each bad path at once.
 */
/**
 * The checks across fields (a custom field listed twice, a portal login's email and password),
 * read from the body as sent, so they run whether or not the body passed its schema.
 */
const crossFieldErrors = (data: Record<string, unknown>, minPasswordLength: number): FieldError[] => {
  const record = (value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  const errors: FieldError[] = [];
  const seen = new Set<unknown>();
  (Array.isArray(data.customFields) ? data.customFields : []).forEach((entry, i) => {
    const { slug } = record(entry);
    if (typeof slug !== 'string') return;
    if (seen.has(slug))
      errors.push({ path: ['customFields', String(i), 'slug'], message: 'is listed twice' });
    seen.add(slug);
  });
  const login = record(data.login);
  if (login.enabled !== true) return errors;
  // as the schema reads it: trimmed
  const sent = record(data.customer).email;
  const email = typeof sent === 'string' ? sent.trim() : sent;
  if (typeof email !== 'string' || !email) {
    errors.push({ path: ['customer', 'email'], message: 'is required for a portal login' });
  }
  const { password } = login;
  if (typeof password === 'string') {
    if (password.length < minPasswordLength) {
      errors.push({
        path: ['login', 'password'],
        message: `must be at least ${minPasswordLength} characters`,
      });
    } else if (typeof email === 'string' && email && password.toLowerCase() === email.toLowerCase()) {
      errors.push({ path: ['login', 'password'], message: 'must not be the email address' });
    }
  }
  return errors;
};

export const validateConversion = async (
  body: unknown,
  { minPasswordLength }: { minPasswordLength: number }
) => {
  const data = rejectUnknownKeys(unwrapData(body), TOP_LEVEL, 'conversion');
  const crossed = crossFieldErrors(data, minPasswordLength);
  let validated: ConversionInput;
  try {
    validated = await validateBody<ConversionInput>(schema, data);
  } catch (error) {
    // one 400 names every bad field: the schema's and the checks across fields together
    const found = (error as { details?: { errors?: FieldError[] } }).details?.errors;
    const named = new Set(found?.map((e) => e.path.join('.')));
    const added = crossed.filter((e) => !named.has(e.path.join('.')));
    if (!found?.length || !added.length) throw error;
    throw validationError([...found.map(({ path, message }) => ({ path, message })), ...added]);
  }
  if (crossed.length) throw validationError(crossed);
  // Strict booleans are not cast, so yup leaves their defaults out: set them here.
  return {
    ...validated,
    transferNotes: validated.transferNotes ?? false,
    login: {
      ...validated.login,
      enabled: validated.login?.enabled ?? false,
      sendWelcomeEmail: validated.login?.sendWelcomeEmail ?? true,
    },
  } satisfies ConversionInput;
};

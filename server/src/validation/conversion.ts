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
export const validateConversion = async (
  body: unknown,
  { minPasswordLength }: { minPasswordLength: number }
) => {
  const data = rejectUnknownKeys(unwrapData(body), TOP_LEVEL, 'conversion');
  const validated = await validateBody<ConversionInput>(schema, data);
  // Strict booleans are not cast, so yup leaves their defaults out: set them here.
  const input: ConversionInput = {
    ...validated,
    transferNotes: validated.transferNotes ?? false,
    login: {
      ...validated.login,
      enabled: validated.login?.enabled ?? false,
      sendWelcomeEmail: validated.login?.sendWelcomeEmail ?? true,
    },
  };
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  input.customFields.forEach(({ slug }, i) => {
    if (seen.has(slug))
      errors.push({ path: ['customFields', String(i), 'slug'], message: 'is listed twice' });
    seen.add(slug);
  });
  if (input.login.enabled) {
    if (!input.customer.email) {
      errors.push({ path: ['customer', 'email'], message: 'is required for a portal login' });
    }
    const { password } = input.login;
    if (password !== undefined) {
      if (password.length < minPasswordLength) {
        errors.push({
          path: ['login', 'password'],
          message: `must be at least ${minPasswordLength} characters`,
        });
      } else if (input.customer.email && password.toLowerCase() === input.customer.email.toLowerCase()) {
        errors.push({ path: ['login', 'password'], message: 'must not be the email address' });
      }
    }
  }
  if (errors.length) throw validationError(errors);
  return input;
};

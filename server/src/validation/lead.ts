import { yup } from '@strapi/utils';
import { validationError } from '../errors';
import {
  amount,
  dateTime,
  documentId,
  email,
  LONG_TEXT,
  rejectUnknownKeys,
  requiredText,
  trimmedText,
  staffId,
  text,
  unwrapData,
  validateBody,
  website,
} from './common';

/** What a client may write on a lead (lost, junk and conversion have their own routes). */
export interface LeadInput {
  name?: string;
  status?: string;
  source?: string;
  assignedTo?: number | null;
  tags?: string[];
  position?: string | null;
  email?: string | null;
  website?: string | null;
  phone?: string | null;
  value?: number | null;
  company?: string | null;
  address?: string | null;
  city?: string | null;
  state?: string | null;
  country?: string | null;
  zip?: string | null;
  description?: string | null;
  isPublic?: boolean;
  contactedToday?: boolean;
  lastContactAt?: Date | null;
  customFields?: Record<string, unknown>;
}

const fields = {
  name: requiredText(),
  status: documentId(),
  source: documentId(),
  assignedTo: staffId(),
  tags: yup.array().of(documentId().required()).typeError('must be a list of tag ids'),
  position: text(),
  email: email(),
  website: website(),
  phone: text(),
  value: amount(),
  company: text(),
  address: text(),
  city: text(),
  state: text(),
  country: text(),
  zip: text(),
  description: text(LONG_TEXT),
  isPublic: yup.boolean().typeError('must be true or false'),
  contactedToday: yup.boolean().typeError('must be true or false'),
  lastContactAt: dateTime('must be a date'),
  customFields: yup
    .object()
    .typeError('must be an object of values keyed by field slug')
    .nullable()
    // yup casts a list (or a number, a boolean…) into an object: the value as sent decides
    .test('an-object', 'must be an object of values keyed by field slug', (_value, context) => {
      const sent = (context as unknown as { originalValue: unknown }).originalValue;
      return sent === null || sent === undefined || (typeof sent === 'object' && !Array.isArray(sent));
    }),
};

const WRITABLE = Object.keys(fields);

const NOT_HERE: Record<string, string> = {
  lost: 'is set with POST /crm/leads/:id/lost',
  junk: 'is set with POST /crm/leads/:id/junk',
  dateConverted: 'is set by converting the lead',
  customer: 'is set by converting the lead',
};

const refuseActionFields = (body: Record<string, unknown>) => {
  const misplaced = Object.keys(body).filter((key) => key in NOT_HERE);
  if (misplaced.length) {
    throw validationError(misplaced.map((key) => ({ path: [key], message: NOT_HERE[key] })));
  }
};

const createSchema = yup.object(fields).shape({
  status: documentId().required('is required'),
  source: documentId().required('is required'),
});

const updateSchema = yup.object({
  ...fields,
  name: trimmedText().min(1, 'cannot be empty'),
});

/** Validates the body of POST /crm/leads. */
export const validateLeadCreate = async (body: unknown) => {
  const data = unwrapData(body);
  refuseActionFields(data);
  return validateBody<LeadInput>(createSchema, rejectUnknownKeys(data, WRITABLE, 'lead'));
};

/** Validates the body of PUT /crm/leads/:id (every field optional; name, when given, not empty). */
export const validateLeadUpdate = async (body: unknown) => {
  const data = unwrapData(body);
  refuseActionFields(data);
  return validateBody<LeadInput>(updateSchema, rejectUnknownKeys(data, WRITABLE, 'lead'));
};

/** Validates `{ "value": true|false }` of the lost and junk routes. */
export const validateFlag = async (body: unknown) =>
  validateBody<{ value: boolean }>(
    yup.object({
      value: yup.boolean().strict(true).required('is required').typeError('must be true or false'),
    }),
    unwrapData(body)
  );

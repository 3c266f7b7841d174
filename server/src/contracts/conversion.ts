/* eslint-disable @typescript-eslint/no-namespace -- one namespace per route, the contract style of Strapi's content-releases */
/** The conversion of a lead into a customer (SPEC §6): the dialog's prefill and the conversion. */
import { CUSTOMER_CONTACT_FIELDS } from '../content-types/customer/fields';
import type { ApiError } from './errors';
import type { CustomerDetail } from './customers';
import type { LeadDetail } from './leads';
import { FIELD_LIMITS, type CustomFieldType } from './reference';

/** The standard customer fields, in the order the dialog shows them. */
export const CUSTOMER_FIELDS = CUSTOMER_CONTACT_FIELDS;
export type CustomerField = (typeof CUSTOMER_FIELDS)[number];

/** Customer fields a conversion may write a custom-field value into, with the kind each accepts. */
export const CUSTOMER_TARGETS = {
  lastName: 'text',
  position: 'text',
  company: 'text',
  email: 'email',
  phone: 'text',
  website: 'url',
  address: 'text',
  city: 'text',
  state: 'text',
  zip: 'text',
  country: 'text',
  description: 'textarea',
} as const;

export type CustomerTarget = keyof typeof CUSTOMER_TARGETS;
export type TargetKind = (typeof CUSTOMER_TARGETS)[CustomerTarget];
export type MergeChoice = 'custom' | 'database' | 'skip';

/**
 * What a target holds beyond its kind: a person's last name and a place are words, a phone is
 * digits with separators, a zip a short code. The conversion never writes a number into a name.
 */
const TARGET_SHAPES: Partial<Record<CustomerTarget, 'name' | 'place' | 'phone' | 'code'>> = {
  lastName: 'name',
  city: 'place',
  state: 'place',
  country: 'place',
  phone: 'phone',
  zip: 'code',
};

/** The email syntax the server's validation (yup, the WHATWG rule) accepts. */
const EMAIL =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+$/;
/** An http(s) address on a named host with a top-level domain; no spaces. */
const WEB_ADDRESS =
  /^https?:\/\/(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}\.?(?::\d{1,5})?(?:[/?#]\S*)?$/i;
const PHONE = /^\+?[\d\s().\-/]+$/;
const LETTER = /\p{L}/u;

/**
 * The value as this customer field would store it, or undefined when it does not fit. One rule
 * for the dialog and the server: emails into email, web addresses into website, phone numbers
 * into phone, text short enough for the field, and a value of a custom field of type `source`
 * only where that type makes sense (a number or a date never into a name, a place or a position).
 */
export const fitTarget = (
  target: CustomerTarget,
  value: unknown,
  source?: CustomFieldType
): string | undefined => {
  const isNumber = typeof value === 'number' && Number.isFinite(value);
  const text = isNumber ? String(value) : value;
  if (typeof text !== 'string' || text.trim() === '') return undefined;
  if (source === 'checkbox' || source === 'multiselect') return undefined;
  const kind = CUSTOMER_TARGETS[target];
  const shape = TARGET_SHAPES[target];
  const limit = kind === 'textarea' ? FIELD_LIMITS.longText : FIELD_LIMITS.shortText;
  if (text.length > limit) return undefined;
  if (kind === 'textarea') return text;
  // a date says when, not who or where: only the description takes it
  if (source === 'date') return undefined;
  // an address (mail or web) goes into its own field only
  const isEmail = EMAIL.test(text);
  const isUrl = WEB_ADDRESS.test(text);
  if (kind === 'email') return isEmail ? text : undefined;
  if (kind === 'url') return isUrl ? text : undefined;
  if (isEmail || isUrl || source === 'email' || source === 'url') return undefined;
  if (shape === 'phone') {
    // a phone number has a few digits; a number custom field (an amount, a size) needs six to be one
    const digits = text.match(/\d/g)?.length ?? 0;
    return PHONE.test(text) && digits >= (isNumber || source === 'number' ? 6 : 3) ? text : undefined;
  }
  if (shape === 'code')
    return /^[\p{L}\d][\p{L}\d\s-]{0,15}$/u.test(text) && /\d/.test(text) ? text : undefined;
  // names, places and the other texts are words: a number (or digits only) never goes there
  if (isNumber || source === 'number' || !LETTER.test(text)) return undefined;
  if (shape === 'name' || shape === 'place') return /\d/.test(text) ? undefined : text;
  return text;
};

/** How sensible a target is for a value that fits it: exact formats first, free text last. */
const RANK: Record<'exact' | 'text' | 'place' | 'name' | 'textarea', number> = {
  exact: 0,
  text: 1,
  place: 2,
  name: 3,
  textarea: 4,
};
const rankOf = (target: CustomerTarget) => {
  const kind = CUSTOMER_TARGETS[target];
  const shape = TARGET_SHAPES[target];
  if (kind === 'email' || kind === 'url' || shape === 'phone' || shape === 'code') return RANK.exact;
  if (kind === 'textarea') return RANK.textarea;
  return shape ? RANK[shape] : RANK.text;
};

/**
 * The targets among `targets` this value (of a custom field of type `source`) fits, the most
 * sensible first; targets of the same rank keep their order.
 */
export const compatibleTargets = <T extends { field: CustomerTarget }>(
  targets: T[],
  value: unknown,
  source?: CustomFieldType
): T[] =>
  targets
    .map((target, index) => ({ target, index, rank: rankOf(target.field) }))
    .filter(({ target }) => fitTarget(target.field, value, source) !== undefined)
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map(({ target }) => target);

export interface CustomerSummary {
  documentId: string;
  firstName: string;
  lastName: string | null;
  email: string | null;
  company: string | null;
}

export type CustomerValues = Partial<Record<CustomerField, string | null>>;

/** The dialog's starting point. */
export interface ConversionPrefill {
  customer: CustomerValues;
  customFields: {
    slug: string;
    name: string;
    type: CustomFieldType;
    value: unknown;
    suggestedMerge: MergeChoice;
    suggestedTarget?: CustomerTarget;
  }[];
  targets: { field: CustomerTarget; type: TargetKind }[];
  existingCustomer: CustomerSummary | null;
  passwordPolicy?: { minLength: number };
}

export interface ConvertInput {
  customer: CustomerValues;
  customFields: { slug: string; merge: MergeChoice; target?: CustomerTarget }[];
  login: { enabled: boolean; password?: string; sendWelcomeEmail: boolean };
  transferNotes: boolean;
  followUpTask?: { title: string; dueDate?: string; assignedTo?: number };
  existingCustomerId?: string;
}

/** GET /crm/leads/:id/conversion */
export declare namespace GetConversion {
  interface Request {
    params: { id: string };
    query: Record<string, never>;
    body: never;
  }
  interface Response {
    data: ConversionPrefill;
    error?: ApiError;
  }
}

/** POST /crm/leads/:id/convert */
export declare namespace ConvertLead {
  interface Request {
    params: { id: string };
    query: Record<string, never>;
    body: ConvertInput;
  }
  interface Response {
    data: { customer: CustomerDetail; lead: LeadDetail };
    error?: ApiError;
  }
}

/** Where the Content Manager edits a customer. */
export const customerEditPath = (documentId: string) =>
  `/content-manager/collection-types/plugin::crm.customer/${documentId}`;

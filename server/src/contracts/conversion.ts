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

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const WEB_ADDRESS = /^https?:\/\/[^\s]+$/i;

/**
 * The value as a field of this kind would store it, or undefined when it does not fit: emails
 * into email fields, web addresses into website, text short enough for the field. The server's
 * check is stricter on email and URL syntax; a value this refuses the server refuses too.
 */
export const fitTarget = (kind: TargetKind, value: unknown): string | undefined => {
  const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
  if (typeof text !== 'string' || text === '') return undefined;
  if (kind === 'email') return EMAIL.test(text) && text.length <= FIELD_LIMITS.shortText ? text : undefined;
  if (kind === 'url')
    return WEB_ADDRESS.test(text) && text.length <= FIELD_LIMITS.shortText ? text : undefined;
  return text.length <= (kind === 'textarea' ? FIELD_LIMITS.longText : FIELD_LIMITS.shortText)
    ? text
    : undefined;
};

/** The targets among `targets` this value fits. */
export const compatibleTargets = <T extends { type: TargetKind }>(targets: T[], value: unknown): T[] =>
  targets.filter(({ type }) => fitTarget(type, value) !== undefined);

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

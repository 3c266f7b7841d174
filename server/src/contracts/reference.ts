/* eslint-disable @typescript-eslint/no-namespace -- one namespace per route, the contract style of Strapi's content-releases */
/** Reference data (statuses, sources, tags, custom-field definitions, staff) and the shapes they share. */
import type { ApiError } from './errors';

/** An admin user as the CRM shows them: never the email, never a password. */
export interface StaffRef {
  id: number;
  firstname: string | null;
  lastname: string | null;
}

export interface StatusRef {
  documentId: string;
  name: string;
  color: string | null;
  order: number | null;
  isCustomerStatus: boolean;
}

export interface NamedRef {
  documentId: string;
  name: string;
}

export const CUSTOM_FIELD_TYPES = [
  'text',
  'textarea',
  'number',
  'date',
  'select',
  'multiselect',
  'checkbox',
  'url',
  'email',
] as const;

export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];

/** A custom-field definition as the admin reads it. */
export interface CustomFieldDefinition {
  documentId: string;
  name: string;
  slug: string;
  type: CustomFieldType;
  options: string[] | null;
  required: boolean;
  active: boolean;
}

/** Text limits the server's validation applies (`server/src/validation/common.ts`). */
export const FIELD_LIMITS = {
  /** A string attribute, an email, a URL. */
  shortText: 255,
  /** A text attribute (descriptions, notes, messages). */
  longText: 10_000,
  /** A date custom-field value: `YYYY-MM-DD`. */
  date: 10,
} as const;

/** The Content Manager's collection-type list, through which the admin reads reference data. */
export interface ContentManagerList<T> {
  results: T[];
  pagination: { page: number; pageSize: number; pageCount?: number; total?: number };
}

/** "Ada Lovelace", or the first name alone. */
export const staffName = (member: Pick<StaffRef, 'firstname' | 'lastname'> | null | undefined) =>
  member ? [member.firstname, member.lastname].filter(Boolean).join(' ') : '';

/**
 * What the admin's forms and board take from the plugin config: the currency of lead values and
 * the status and source (by name) a new lead starts with (`webLeads.defaultStatus` / `defaultSource`).
 */
export interface LeadSettings {
  currency: string;
  defaultStatus: string;
  defaultSource: string;
  /** Whether the caller may still edit a converted lead (`lockConvertedLeads` spares who sees every lead). */
  editsConvertedLeads?: boolean;
}

/** GET /crm/staff */
export declare namespace FindStaff {
  interface Request {
    params: Record<string, never>;
    query: Record<string, never>;
    body: never;
  }
  interface Response {
    data: StaffRef[];
    meta?: { settings: LeadSettings };
    error?: ApiError;
  }
}

/**
 * The Content Manager custom field (`plugin::crm.custom-field-values`, Strapi's Custom Fields API)
 * that holds a lead's or customer's custom-field values: JSON stored, typed inputs in the admin.
 */
export const CUSTOM_FIELD_VALUES = 'custom-field-values';

/* eslint-disable @typescript-eslint/no-namespace -- one namespace per route, the contract style of Strapi's content-releases */
/** Leads: the list, the board, one lead and its writes (SPEC §4, §9). */
import type { ApiError } from './errors';
import type { CustomFieldType, NamedRef, StaffRef, StatusRef } from './reference';

/** Page size of `GET /crm/leads` when none is asked for, and the most one page may hold. */
export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 100;
/**
 * Above this many matching leads a list answers the cap as its total, with `totalCapped: true`
 * (config `list.countCap`; SPEC §10): counting a million rows to draw page 1 is not worth it.
 */
export const DEFAULT_COUNT_CAP = 10_000;
/** The list's order when none is asked for: newest first. */
export const DEFAULT_SORT = 'createdAt:desc';
/** Columns the leads list may be sorted by. */
export const SORTABLE_FIELDS = [
  'name',
  'company',
  'email',
  'phone',
  'city',
  'country',
  'value',
  'createdAt',
  'updatedAt',
  'lastContactAt',
  'dateConverted',
] as const;
export type SortField = (typeof SORTABLE_FIELDS)[number];

/**
 * Operators `customFields[<slug>][<operator>]=value` accepts per field type; the first is the one
 * meant by `customFields[<slug>]=value`. Values are one string: numbers as digits, dates as
 * `YYYY-MM-DD`, checkboxes as `true`/`false`.
 */
export const CUSTOM_FIELD_FILTER_OPERATORS = {
  text: ['$eq', '$containsi'],
  textarea: ['$eq', '$containsi'],
  url: ['$eq', '$containsi'],
  email: ['$eq', '$containsi'],
  select: ['$eq'],
  multiselect: ['$contains'],
  number: ['$eq', '$gt', '$gte', '$lt', '$lte'],
  date: ['$eq', '$gt', '$gte', '$lt', '$lte'],
  checkbox: ['$eq'],
} as const satisfies Record<CustomFieldType, readonly string[]>;

export type CustomFieldFilterOperator = (typeof CUSTOM_FIELD_FILTER_OPERATORS)[CustomFieldType][number];

export interface LeadSummary {
  documentId: string;
  name: string;
  position: string | null;
  email: string | null;
  website: string | null;
  phone: string | null;
  value: number | null;
  company: string | null;
  address: string | null;
  city: string | null;
  state: string | null;
  country: string | null;
  zip: string | null;
  description: string | null;
  isPublic: boolean;
  contactedToday: boolean | null;
  lastContactAt: string | null;
  lost: boolean;
  junk: boolean;
  dateConverted: string | null;
  createdAt: string;
  updatedAt: string;
  status: StatusRef | null;
  source: NamedRef | null;
  assignedTo: StaffRef | null;
  tags: NamedRef[];
}

export interface LeadAttachment {
  documentId: string;
  name: string;
  url: string;
  mime: string;
  size: number;
  createdAt: string;
}

export interface LeadDetail extends LeadSummary {
  customFields: Record<string, unknown>;
  createdBy: StaffRef | null;
  customer: {
    documentId: string;
    firstName: string;
    lastName: string | null;
    email: string | null;
    company: string | null;
  } | null;
  attachments: LeadAttachment[];
}

export interface Pagination {
  page: number;
  pageSize: number;
  pageCount: number;
  /** Exact below the count cap; the cap itself when `totalCapped`. */
  total: number;
  /** Set (true) when more leads match than the cap: the admin shows "10,000+". */
  totalCapped?: boolean;
  /** With a sort on createdAt, updatedAt or name, a full page's cursor: pass it as `after`. */
  nextCursor?: string;
}

/** A lead as a board card shows it: the list's fields and the next open task. */
export interface BoardCard extends LeadSummary {
  nextTask: { documentId: string; title: string; dueDate: string | null } | null;
}

export interface BoardColumn {
  status: StatusRef;
  /** Leads in the column, capped like the list's total. */
  total: number;
  totalCapped?: boolean;
  /**
   * Sum of the column's lead values (in the configured currency), within what the caller sees;
   * absent when the caller may not read `value`. With `totalCapped`, the sum of the leads `total`
   * counts: the column's first `list.countCap` leads in the board's order (newest first by default).
   */
  value?: number;
  leads: BoardCard[];
}

/** Query parameters of the list and the board (`filters[...]` in Strapi's syntax, flattened). */
export interface LeadListQuery {
  page?: number | string;
  pageSize?: number | string;
  sort?: string;
  q?: string;
  filters?: Record<string, unknown>;
  includeConverted?: boolean | string;
  includeLost?: boolean | string;
  includeJunk?: boolean | string;
  /** `me`, `unassigned` or a staff id. */
  assignedTo?: 'me' | 'unassigned' | number | string;
  customFields?: Record<string, unknown>;
  /** The `nextCursor` of the page before (keyset pagination; list only). */
  after?: string;
}

/** What a lead's create or update body may hold (`server/src/validation/lead.ts`). */
export type LeadInput = Record<string, unknown>;

/** GET /crm/leads */
export declare namespace FindLeads {
  interface Request {
    params: Record<string, never>;
    query: LeadListQuery;
    body: never;
  }
  interface Response {
    data: LeadSummary[];
    meta: { pagination: Pagination };
    error?: ApiError;
  }
}

/** GET /crm/leads/board */
export declare namespace GetBoard {
  interface Request {
    params: Record<string, never>;
    query: LeadListQuery;
    body: never;
  }
  interface Response {
    data: BoardColumn[];
    error?: ApiError;
  }
}

/** GET /crm/leads/:id */
export declare namespace GetLead {
  interface Request {
    params: { id: string };
    query: Record<string, never>;
    body: never;
  }
  interface Response {
    data: LeadDetail;
    error?: ApiError;
  }
}

/** POST /crm/leads */
export declare namespace CreateLead {
  interface Request {
    params: Record<string, never>;
    query: Record<string, never>;
    body: LeadInput;
  }
  interface Response {
    data: LeadDetail;
    error?: ApiError;
  }
}

/** PUT /crm/leads/:id */
export declare namespace UpdateLead {
  interface Request {
    params: { id: string };
    query: Record<string, never>;
    body: LeadInput;
  }
  interface Response {
    data: LeadDetail;
    error?: ApiError;
  }
}

/** DELETE /crm/leads/:id */
export declare namespace DeleteLead {
  interface Request {
    params: { id: string };
    query: Record<string, never>;
    body: never;
  }
  interface Response {
    /** The deleted lead as a list shows it. */
    data: LeadSummary;
    error?: ApiError;
  }
}

/** POST /crm/leads/:id/lost and POST /crm/leads/:id/junk */
export declare namespace SetLeadFlag {
  interface Request {
    params: { id: string; flag: 'lost' | 'junk' };
    query: Record<string, never>;
    body: { value: boolean };
  }
  interface Response {
    data: LeadDetail;
    error?: ApiError;
  }
}

/* eslint-disable @typescript-eslint/no-namespace -- one namespace per route, the contract style of Strapi's content-releases */
/** Bulk actions on selected leads and the CSV export of a list (SPEC §8, §9). */
import type { ApiError } from './errors';
import type { LeadListQuery } from './leads';

export const BULK_ACTIONS = [
  'assign',
  'status',
  'public',
  'lost',
  'junk',
  'tags.add',
  'tags.remove',
  'delete',
] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];

/** The most leads one bulk request may name. */
export const MAX_BULK_IDS = 500;

/** What `value` holds per action: a staff id or null, a status / tag documentIds, a flag, nothing. */
export interface BulkValue {
  assign: number | null;
  status: string;
  public: boolean;
  lost: boolean;
  junk: boolean;
  'tags.add': string[];
  'tags.remove': string[];
  delete: undefined;
}

export type BulkRequestBody = {
  [A in BulkAction]: { action: A; ids: string[]; value?: BulkValue[A] };
}[BulkAction];

/** One lead the action was not applied to: 404 hidden or missing, 403, 409 converted, 400 bad value. */
export interface BulkRefusal {
  id: string;
  status: number;
  message: string;
}

/** POST /crm/leads/bulk — each lead checked as if changed alone. */
export declare namespace BulkLeads {
  interface Request {
    params: Record<string, never>;
    query: Record<string, never>;
    body: BulkRequestBody;
  }
  interface Response {
    data: { done: string[]; refused: BulkRefusal[] };
    error?: ApiError;
  }
}

/**
 * GET /crm/leads/export — the list's query, every page, as `text/csv` (UTF-8, header row of field
 * names, only fields the caller may read), streamed; `Content-Disposition: attachment`.
 */
export declare namespace ExportLeads {
  interface Request {
    params: Record<string, never>;
    query: Omit<LeadListQuery, 'page' | 'pageSize'>;
    body: never;
  }
  type Response = string;
}

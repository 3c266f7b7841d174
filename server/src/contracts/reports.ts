/* eslint-disable @typescript-eslint/no-namespace -- one namespace per route, the contract style of Strapi's content-releases */
/** Lead reports (SPEC §8 Reports, §9 `GET /crm/reports/leads`). */
import type { ApiError } from './errors';

export const REPORT_INTERVALS = ['day', 'week', 'month'] as const;
export type ReportInterval = (typeof REPORT_INTERVALS)[number];

/** The longest period (in days, `from` and `to` included) each interval may cover. */
export const REPORT_MAX_DAYS: Record<ReportInterval, number> = { day: 366, week: 5 * 366, month: 20 * 366 };

/** Without `from`/`to`: the last 30 days up to today (UTC), by day. */
export const REPORT_DEFAULT_DAYS = 30;

/**
 * One interval. `period` is the first day of the interval (UTC, `YYYY-MM-DD`; weeks start on
 * Monday, months on the 1st; the first interval may start before `from`). `converted` is counted by
 * `dateConverted`; `lost` by the day the lead was last marked lost (its latest `marked_lost`
 * activity row; a lead created lost counts on its creation day), for leads that are lost now.
 * A count is `null` when the caller may not read the field behind it.
 */
export interface ReportBucket {
  period: string;
  created: number;
  converted: number | null;
  lost: number | null;
}

/**
 * A group (a source, a status, an assignee) of the leads created in the period: how many, how many
 * of them are converted and lost now, and the share converted (`null` when `total` is 0).
 */
export interface ReportGroup {
  /** The source's or status's documentId, the staff member's id; `null` for none / unassigned. */
  key: string | number | null;
  name: string | null;
  total: number;
  converted: number | null;
  lost: number | null;
  conversionRate: number | null;
}

/** Open leads (not converted, lost or junk) of one status, now: how many and their summed value. */
export interface PipelineRow {
  status: { documentId: string; name: string; color: string | null } | null;
  count: number;
  /** `null` when the caller may not read `value`. */
  value: number | null;
}

/**
 * Everything is counted over the leads the caller may see (the list's visibility), junk leads left
 * out. A section is `null` when the caller may not read the field it groups by (`source`,
 * `leadStatus`, `assignedTo`).
 */
export interface LeadReport {
  from: string;
  to: string;
  interval: ReportInterval;
  currency: string;
  totals: { created: number; converted: number | null; lost: number | null; conversionRate: number | null };
  series: ReportBucket[];
  bySource: ReportGroup[] | null;
  byStatus: ReportGroup[] | null;
  byAssignee: ReportGroup[] | null;
  pipeline: PipelineRow[] | null;
}

export interface LeadReportQuery {
  /** `YYYY-MM-DD`, included. */
  from?: string;
  /** `YYYY-MM-DD`, included. */
  to?: string;
  interval?: ReportInterval;
}

/** GET /crm/reports/leads */
export declare namespace GetLeadReport {
  interface Request {
    params: Record<string, never>;
    query: LeadReportQuery;
    body: never;
  }
  interface Response {
    data: LeadReport;
    error?: ApiError;
  }
}

/* eslint-disable @typescript-eslint/no-namespace -- one namespace per route, the contract style of Strapi's content-releases */
/** A lead's activity log (SPEC §5), newest first. */
import type { ApiError } from './errors';
import type { Pagination } from './leads';
import type { StaffRef } from './reference';

/** One row of the log (`server/src/services/activity.ts`). */
export interface ActivityEntry {
  documentId: string;
  action: string;
  data: Record<string, unknown>;
  /** The staff member who did it; null for the system or a web form. */
  actor: StaffRef | null;
  createdAt: string;
}

/** GET /crm/leads/:id/activity */
export declare namespace GetActivity {
  interface Request {
    params: { id: string };
    query: { page?: number; pageSize?: number };
    body: never;
  }
  interface Response {
    data: ActivityEntry[];
    meta: { pagination: Pagination };
    error?: ApiError;
  }
}

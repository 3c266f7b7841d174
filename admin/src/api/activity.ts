import type { ListResponse, StaffRef } from './types';
import { useRequest } from './useRequest';

/** One row of a lead's activity log (`server/src/services/activity.ts`). */
export interface ActivityEntry {
  documentId: string;
  action: string;
  data: Record<string, unknown>;
  /** The staff member who did it; null for the system or a web form. */
  actor: StaffRef | null;
  createdAt: string;
}

/** One page of a lead's activity log, newest first (`GET /crm/leads/:id/activity`). */
export const useActivity = (leadId: string, page: number, pageSize = 20) =>
  useRequest<ListResponse<ActivityEntry>>(
    `/crm/leads/${encodeURIComponent(leadId)}/activity?page=${page}&pageSize=${pageSize}`
  );

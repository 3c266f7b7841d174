/* eslint-disable @typescript-eslint/no-namespace -- one namespace per route, the contract style of Strapi's content-releases */
/** The caller's open tasks and pending reminders (SPEC §8 My work, §9 `GET /crm/my-work`). */
import type { ApiError } from './errors';

/** The most items one answer holds, and the default. */
export const MY_WORK_MAX_LIMIT = 100;
export const MY_WORK_DEFAULT_LIMIT = 50;

export interface MyWorkItem {
  kind: 'task' | 'reminder';
  documentId: string;
  /** The task's title or the reminder's message. */
  title: string;
  /** A task's `dueDate` (`YYYY-MM-DD`) or a reminder's `remindAt` (ISO date-time); `null` for none. */
  due: string | null;
  /** A task due before today (UTC), a reminder whose time has passed. */
  overdue: boolean;
  lead: { documentId: string; name: string } | null;
  customer: { documentId: string; name: string } | null;
}

/** GET /crm/my-work — overdue items first, then by due date; items without a date last. */
export declare namespace GetMyWork {
  interface Request {
    params: Record<string, never>;
    query: { limit?: number };
    body: never;
  }
  interface Response {
    data: MyWorkItem[];
    meta: { overdue: number; total: number };
    error?: ApiError;
  }
}

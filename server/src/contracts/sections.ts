/* eslint-disable @typescript-eslint/no-namespace -- one namespace per route, the contract style of Strapi's content-releases */
/** A lead's sections: notes, tasks, reminders, opportunities (SPEC §5). */
import type { ApiError } from './errors';
import type { Pagination } from './leads';
import type { StaffRef } from './reference';

export const SECTION_KINDS = ['notes', 'tasks', 'reminders', 'opportunities'] as const;
export type SectionKind = (typeof SECTION_KINDS)[number];

/** What every section record carries (`server/src/services/sections`). */
interface SectionRecordBase {
  documentId: string;
  lead: { documentId: string; name: string } | null;
  customer: { documentId: string; firstName: string } | null;
  createdAt: string;
  updatedAt: string;
}

export interface Note extends SectionRecordBase {
  body: string;
  author: StaffRef | null;
  /** In lists: whether the caller may change it (its author or a manager). */
  canChange?: boolean;
}

export interface Task extends SectionRecordBase {
  title: string;
  dueDate: string | null;
  status: 'open' | 'done' | null;
  assignedTo: StaffRef | null;
}

export interface Reminder extends SectionRecordBase {
  remindAt: string;
  message: string;
  notified: boolean | null;
  staff: StaffRef | null;
}

export interface Opportunity extends SectionRecordBase {
  name: string;
  value: number | null;
  stage: string | null;
  closeDate: string | null;
}

export interface SectionRecords {
  notes: Note;
  tasks: Task;
  reminders: Reminder;
  opportunities: Opportunity;
}

export type SectionRecord = SectionRecords[SectionKind];

/** What a section's create or update body may hold (`server/src/validation/sections.ts`). */
export type SectionInput = Record<string, string | number | null>;

/** GET /crm/leads/:id/<kind> */
export declare namespace ListSection {
  interface Request<K extends SectionKind = SectionKind> {
    params: { id: string; kind: K };
    query: { page?: number; pageSize?: number };
    body: never;
  }
  interface Response<K extends SectionKind = SectionKind> {
    data: SectionRecords[K][];
    meta: { pagination: Pagination };
    error?: ApiError;
  }
}

/** POST /crm/leads/:id/<kind> */
export declare namespace CreateSection {
  interface Request<K extends SectionKind = SectionKind> {
    params: { id: string; kind: K };
    query: Record<string, never>;
    body: SectionInput;
  }
  interface Response<K extends SectionKind = SectionKind> {
    data: SectionRecords[K];
    error?: ApiError;
  }
}

/** PUT /crm/<kind>/:id */
export declare namespace UpdateSection {
  interface Request<K extends SectionKind = SectionKind> {
    params: { id: string; kind: K };
    query: Record<string, never>;
    body: SectionInput;
  }
  interface Response<K extends SectionKind = SectionKind> {
    data: SectionRecords[K];
    error?: ApiError;
  }
}

/** DELETE /crm/<kind>/:id */
export declare namespace DeleteSection {
  interface Request<K extends SectionKind = SectionKind> {
    params: { id: string; kind: K };
    query: Record<string, never>;
    body: never;
  }
  /** The deleted record. */
  interface Response<K extends SectionKind = SectionKind> {
    data: SectionRecords[K];
    error?: ApiError;
  }
}

/** GET /crm/reminders — the caller's own reminders (at most 100, due first); `notified` narrows them. */
export declare namespace ListMyReminders {
  interface Request {
    params: Record<string, never>;
    query: { notified?: 'true' | 'false' };
    body: never;
  }
  interface Response {
    data: Reminder[];
    error?: ApiError;
  }
}

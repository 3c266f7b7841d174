import { useFetchClient } from '@strapi/strapi/admin';
import { useMemo } from 'react';
import type { SectionKind } from '../permissions';
import type { ListResponse, StaffRef } from './types';
import { useRequest } from './useRequest';

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

/** One page of a lead's section, newest first (`GET /crm/leads/:id/<kind>`). */
export const useSectionList = <K extends SectionKind>(kind: K, leadId: string, page: number, pageSize = 10) =>
  useRequest<ListResponse<SectionRecords[K]>>(
    `/crm/leads/${encodeURIComponent(leadId)}/${kind}?page=${page}&pageSize=${pageSize}`
  );

/** Writes on a section; each call resolves with the record or throws the server's error envelope. */
export const useSectionActions = <K extends SectionKind>(kind: K) => {
  const { post, put, del } = useFetchClient();
  return useMemo(
    () => ({
      create: async (leadId: string, body: SectionInput) =>
        (await post<{ data: SectionRecords[K] }>(`/crm/leads/${encodeURIComponent(leadId)}/${kind}`, body))
          .data.data,
      update: async (documentId: string, body: SectionInput) =>
        (await put<{ data: SectionRecords[K] }>(`/crm/${kind}/${encodeURIComponent(documentId)}`, body)).data
          .data,
      remove: async (documentId: string) => {
        await del(`/crm/${kind}/${encodeURIComponent(documentId)}`);
      },
    }),
    [kind, post, put, del]
  );
};

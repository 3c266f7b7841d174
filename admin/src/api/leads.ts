import { useFetchClient } from '@strapi/strapi/admin';
import { useMemo } from 'react';
import type { BoardColumn, LeadDetail, LeadSummary, ListResponse } from './types';
import { useRequest } from './useRequest';

/** Query parameters of `GET /crm/leads` and `/crm/leads/board`, flattened into URL entries. */
export type LeadQuery = [key: string, value: string][];

const withQuery = (path: string, query: LeadQuery) => {
  const search = new URLSearchParams(query).toString();
  return search ? `${path}?${search}` : path;
};

/** The leads list page (`GET /crm/leads`). */
export const useLeadList = (query: LeadQuery) =>
  useRequest<ListResponse<LeadSummary>>(useMemo(() => withQuery('/crm/leads', query), [query]));

/** The kanban columns (`GET /crm/leads/board`). */
export const useLeadBoard = (query: LeadQuery) =>
  useRequest<{ data: BoardColumn[] }>(useMemo(() => withQuery('/crm/leads/board', query), [query]));

/** One lead with its relations and custom fields (`GET /crm/leads/:id`). */
export const useLead = (documentId: string) =>
  useRequest<{ data: LeadDetail }>(`/crm/leads/${encodeURIComponent(documentId)}`);

/** Writes on leads; each call resolves with the server's answer or throws its error envelope. */
export const useLeadActions = () => {
  const { post, put, del } = useFetchClient();
  return useMemo(() => {
    const path = (documentId: string, rest = '') => `/crm/leads/${encodeURIComponent(documentId)}${rest}`;
    return {
      create: async (body: Record<string, unknown>) =>
        (await post<{ data: LeadDetail }>('/crm/leads', body)).data.data,
      update: async (documentId: string, body: Record<string, unknown>) =>
        (await put<{ data: LeadDetail }>(path(documentId), body)).data.data,
      setLost: async (documentId: string, value: boolean) =>
        (await post<{ data: LeadDetail }>(path(documentId, '/lost'), { value })).data.data,
      setJunk: async (documentId: string, value: boolean) =>
        (await post<{ data: LeadDetail }>(path(documentId, '/junk'), { value })).data.data,
      remove: async (documentId: string) => {
        await del(path(documentId));
      },
    };
  }, [post, put, del]);
};

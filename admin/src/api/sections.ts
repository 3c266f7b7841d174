import type {
  CreateSection,
  DeleteSection,
  ListSection,
  SectionInput,
  SectionKind,
  UpdateSection,
} from '../../../server/src/contracts';
import { crmApi, leadPath } from './crm';

const sectionTag = (kind: SectionKind, leadId: string) => ({
  type: 'CrmSection' as const,
  id: `${kind}:${leadId}`,
});

/** A change in a section shows in the lead's activity log too. */
const changed = (kind: SectionKind, leadId: string) => [
  sectionTag(kind, leadId),
  { type: 'CrmActivity' as const, id: leadId },
];

const sectionsApi = crmApi.injectEndpoints({
  endpoints: (build) => ({
    /** One page of a lead's section, newest first (`GET /crm/leads/:id/<kind>`). */
    getSection: build.query<
      ListSection.Response,
      { kind: SectionKind; leadId: string; page: number; pageSize?: number }
    >({
      query: ({ kind, leadId, page, pageSize = 10 }) =>
        leadPath(leadId, `/${kind}?page=${page}&pageSize=${pageSize}`),
      providesTags: (_result, _error, { kind, leadId }) => [sectionTag(kind, leadId)],
    }),
    createSection: build.mutation<
      CreateSection.Response,
      { kind: SectionKind; leadId: string; body: SectionInput }
    >({
      query: ({ kind, leadId, body }) => ({ url: leadPath(leadId, `/${kind}`), method: 'POST', data: body }),
      invalidatesTags: (_result, error, { kind, leadId }) => (error ? [] : changed(kind, leadId)),
    }),
    updateSection: build.mutation<
      UpdateSection.Response,
      { kind: SectionKind; leadId: string; documentId: string; body: SectionInput }
    >({
      query: ({ kind, documentId, body }) => ({
        url: `/crm/${kind}/${encodeURIComponent(documentId)}`,
        method: 'PUT',
        data: body,
      }),
      invalidatesTags: (_result, error, { kind, leadId }) => (error ? [] : changed(kind, leadId)),
    }),
    deleteSection: build.mutation<
      DeleteSection.Response,
      { kind: SectionKind; leadId: string; documentId: string }
    >({
      query: ({ kind, documentId }) => ({
        url: `/crm/${kind}/${encodeURIComponent(documentId)}`,
        method: 'DELETE',
      }),
      invalidatesTags: (_result, error, { kind, leadId }) => (error ? [] : changed(kind, leadId)),
    }),
  }),
});

export const {
  useGetSectionQuery,
  useCreateSectionMutation,
  useUpdateSectionMutation,
  useDeleteSectionMutation,
} = sectionsApi;

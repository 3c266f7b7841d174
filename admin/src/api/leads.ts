import type {
  CreateLead,
  DeleteLead,
  FindLeads,
  GetBoard,
  GetLead,
  LeadInput,
  SetLeadFlag,
  UpdateLead,
} from '../../../server/src/contracts';
import { aroundLead, crmApi, leadPath } from './crm';

/** Query parameters of `GET /crm/leads` and `/crm/leads/board`, flattened into URL entries. */
export type LeadQuery = [key: string, value: string][];

const withQuery = (path: string, query: LeadQuery) => {
  const search = new URLSearchParams(query).toString();
  return search ? `${path}?${search}` : path;
};

const leadsApi = crmApi.injectEndpoints({
  endpoints: (build) => ({
    /** The leads list page (`GET /crm/leads`). */
    getLeads: build.query<FindLeads.Response, LeadQuery>({
      query: (query) => withQuery('/crm/leads', query),
      providesTags: ['CrmLeadList'],
    }),
    /** The kanban columns (`GET /crm/leads/board`). */
    getBoard: build.query<GetBoard.Response, LeadQuery>({
      query: (query) => withQuery('/crm/leads/board', query),
      providesTags: ['CrmBoard'],
    }),
    /** One lead with its relations and custom fields (`GET /crm/leads/:id`). */
    getLead: build.query<GetLead.Response, string>({
      query: (documentId) => leadPath(documentId),
      providesTags: (_result, _error, documentId) => [{ type: 'CrmLead', id: documentId }],
    }),
    createLead: build.mutation<CreateLead.Response, LeadInput>({
      query: (body) => ({ url: '/crm/leads', method: 'POST', data: body }),
      invalidatesTags: ['CrmLeadList', 'CrmBoard'],
    }),
    updateLead: build.mutation<UpdateLead.Response, { documentId: string; body: LeadInput }>({
      query: ({ documentId, body }) => ({ url: leadPath(documentId), method: 'PUT', data: body }),
      invalidatesTags: (_result, error, { documentId }) => (error ? [] : [...aroundLead(documentId)]),
      onQueryStarted: ({ documentId }, api) => keepAnswer(documentId, api),
    }),
    setLeadFlag: build.mutation<
      SetLeadFlag.Response,
      SetLeadFlag.Request['params'] & SetLeadFlag.Request['body']
    >({
      query: ({ id, flag, value }) => ({ url: leadPath(id, `/${flag}`), method: 'POST', data: { value } }),
      invalidatesTags: (_result, error, { id }) => (error ? [] : [...aroundLead(id)]),
      onQueryStarted: ({ id }, api) => keepAnswer(id, api),
    }),
    deleteLead: build.mutation<DeleteLead.Response, string>({
      query: (documentId) => ({ url: leadPath(documentId), method: 'DELETE' }),
      invalidatesTags: (_result, error, documentId) => (error ? [] : [...aroundLead(documentId)]),
    }),
  }),
});

/**
 * A write answers the lead as the server now has it: that answer becomes the cached lead, so the
 * profile shows it at once without reading it again.
 */
async function keepAnswer(
  documentId: string,
  {
    dispatch,
    queryFulfilled,
  }: { dispatch: (action: unknown) => unknown; queryFulfilled: Promise<{ data: GetLead.Response }> }
) {
  try {
    const { data } = await queryFulfilled;
    dispatch(leadsApi.util.upsertQueryData('getLead', documentId, { data: data.data }));
  } catch {
    // the error reaches the caller through the mutation
  }
}

export const {
  useGetLeadsQuery,
  useGetBoardQuery,
  useGetLeadQuery,
  useCreateLeadMutation,
  useUpdateLeadMutation,
  useSetLeadFlagMutation,
  useDeleteLeadMutation,
} = leadsApi;

import type { GetMyWork, UpdateSection } from '../../../server/src/contracts';
import { crmApi } from './crm';

const myWorkApi = crmApi.enhanceEndpoints({ addTagTypes: ['CrmMyWork', 'CrmReport'] }).injectEndpoints({
  endpoints: (build) => ({
    /** The caller's open tasks and pending reminders, overdue first (`GET /crm/my-work`). */
    getMyWork: build.query<GetMyWork.Response, { limit?: number } | void>({
      query: (query) => (query?.limit ? `/crm/my-work?limit=${query.limit}` : '/crm/my-work'),
      providesTags: ['CrmMyWork'],
    }),
    /** Marks a task done through the sections route (`PUT /crm/tasks/:id`). */
    completeTask: build.mutation<
      UpdateSection.Response<'tasks'>,
      { documentId: string; leadId?: string | null }
    >({
      query: ({ documentId }) => ({
        url: `/crm/tasks/${encodeURIComponent(documentId)}`,
        method: 'PUT',
        data: { status: 'done' },
      }),
      invalidatesTags: (_result, error, { leadId }) =>
        error
          ? []
          : [
              'CrmMyWork',
              ...(leadId
                ? [
                    { type: 'CrmSection' as const, id: `tasks:${leadId}` },
                    { type: 'CrmActivity' as const, id: leadId },
                  ]
                : []),
            ],
    }),
  }),
});

export const { useGetMyWorkQuery, useCompleteTaskMutation } = myWorkApi;

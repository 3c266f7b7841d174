import type { GetActivity } from '../../../server/src/contracts';
import { crmApi, leadPath } from './crm';

const activityApi = crmApi.injectEndpoints({
  endpoints: (build) => ({
    /** One page of a lead's activity log, newest first (`GET /crm/leads/:id/activity`). */
    getActivity: build.query<GetActivity.Response, { leadId: string; page: number; pageSize?: number }>({
      query: ({ leadId, page, pageSize = 20 }) =>
        leadPath(leadId, `/activity?page=${page}&pageSize=${pageSize}`),
      providesTags: (_result, _error, { leadId }) => [{ type: 'CrmActivity', id: leadId }],
    }),
  }),
});

export const { useGetActivityQuery } = activityApi;

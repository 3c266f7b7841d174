import type { GetLeadReport, LeadReportQuery } from '../../../server/src/contracts';
import { crmApi } from './crm';

const reportsApi = crmApi.enhanceEndpoints({ addTagTypes: ['CrmReport'] }).injectEndpoints({
  endpoints: (build) => ({
    /** The lead report of a period (`GET /crm/reports/leads`). */
    getLeadReport: build.query<GetLeadReport.Response, LeadReportQuery>({
      query: (query) => {
        const search = new URLSearchParams(
          Object.entries(query).filter((entry): entry is [string, string] => !!entry[1])
        ).toString();
        return search ? `/crm/reports/leads?${search}` : '/crm/reports/leads';
      },
      providesTags: ['CrmReport'],
    }),
  }),
});

export const { useGetLeadReportQuery } = reportsApi;

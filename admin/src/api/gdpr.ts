import type { AnonymizeLead, ExportLead } from '../../../server/src/contracts';
import { crmApi, leadPath } from './crm';

/** Anonymizing rewrites the lead and its sections: everything shown about it is stale. */
const everything = (leadId: string) => [
  { type: 'CrmLead' as const, id: leadId },
  { type: 'CrmLeadList' as const },
  { type: 'CrmBoard' as const },
  { type: 'CrmSection' as const },
  { type: 'CrmAttachment' as const, id: leadId },
  { type: 'CrmActivity' as const, id: leadId },
  { type: 'CrmConversion' as const, id: leadId },
  { type: 'Document' as const },
];

const gdprApi = crmApi.injectEndpoints({
  endpoints: (build) => ({
    /** Everything held about the lead (`GET /crm/leads/:id/export`), read afresh each time. */
    exportLead: build.query<ExportLead.Response, string>({
      query: (leadId) => leadPath(leadId, '/export'),
      keepUnusedDataFor: 0,
    }),
    /** Erases the lead's personal values; answers the lead as it now is. */
    anonymizeLead: build.mutation<AnonymizeLead.Response, string>({
      query: (leadId) => ({ url: leadPath(leadId, '/anonymize'), method: 'POST', data: {} }),
      invalidatesTags: (_result, error, leadId) => (error ? [] : everything(leadId)),
    }),
  }),
});

export const { useLazyExportLeadQuery, useAnonymizeLeadMutation } = gdprApi;

/** Hands `data` to the browser as a JSON file named `fileName`. */
export const downloadJson = (fileName: string, data: unknown) => {
  const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
};

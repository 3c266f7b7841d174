import { useFetchClient } from '@strapi/strapi/admin';
import { useMemo } from 'react';
import type { LeadDetail } from './types';

/** GDPR on a lead (SPEC §5): its export and its anonymization; each call throws the error envelope. */
export const useGdprActions = () => {
  const { get, post } = useFetchClient();
  return useMemo(
    () => ({
      /** Everything held about the lead, as `GET /crm/leads/:id/export` answers it (`{ data }`). */
      exportLead: async (leadId: string) =>
        (await get<{ data: unknown }>(`/crm/leads/${encodeURIComponent(leadId)}/export`)).data,
      /** Erases the lead's personal values; answers the lead as it now is. */
      anonymize: async (leadId: string) =>
        (await post<{ data: LeadDetail }>(`/crm/leads/${encodeURIComponent(leadId)}/anonymize`, {})).data
          .data,
    }),
    [get, post]
  );
};

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

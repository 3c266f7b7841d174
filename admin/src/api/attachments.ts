import { useFetchClient } from '@strapi/strapi/admin';
import { useMemo } from 'react';
import type { LeadDetail } from './types';
import { useRequest } from './useRequest';

export type Attachment = LeadDetail['attachments'][number];

/** The files of a lead, newest first (`GET /crm/leads/:id/attachments`). */
export const useAttachments = (leadId: string) =>
  useRequest<{ data: Attachment[] }>(`/crm/leads/${encodeURIComponent(leadId)}/attachments`);

/** Uploads (multipart field `files`) and deletions; each call throws the server's error envelope. */
export const useAttachmentActions = () => {
  const { get, post, del } = useFetchClient();
  return useMemo(
    () => ({
      upload: async (leadId: string, files: File[]) => {
        const form = new FormData();
        for (const file of files) form.append('files', file, file.name);
        return (
          await post<{ data: Attachment[] }>(`/crm/leads/${encodeURIComponent(leadId)}/attachments`, form)
        ).data.data;
      },
      remove: async (documentId: string) => {
        await del(`/crm/attachments/${encodeURIComponent(documentId)}`);
      },
      /**
       * Saves a file to the user's computer. Files are private (SPEC §5): the plugin's route serves
       * them with the admin token only, so the browser cannot follow a plain link.
       */
      download: async (file: Attachment) => {
        const { data } = await get<Blob>(`/crm/attachments/${encodeURIComponent(file.documentId)}/file`, {
          responseType: 'blob',
        });
        const url = URL.createObjectURL(data);
        const link = Object.assign(document.createElement('a'), { href: url, download: file.name });
        document.body.appendChild(link);
        link.click();
        link.remove();
        setTimeout(() => URL.revokeObjectURL(url), 10_000);
      },
    }),
    [get, post, del]
  );
};

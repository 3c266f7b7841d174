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
  const { post, del } = useFetchClient();
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
    }),
    [post, del]
  );
};

const backendUrl = () => (window as unknown as { strapi?: { backendURL?: string } }).strapi?.backendURL ?? '';

/** Where a file can be opened: the upload plugin answers paths relative to the backend. */
export const attachmentUrl = (url: string) =>
  /^[a-z][a-z0-9+.-]*:/i.test(url) ? url : `${backendUrl()}${url}`;

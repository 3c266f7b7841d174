import type {
  Attachment,
  CreateAttachments,
  DeleteAttachment,
  ListAttachments,
} from '../../../server/src/contracts';
import { crmApi, leadPath } from './crm';

export type { Attachment };

/** Files belong to the lead: its files, its profile and its log change with them. */
const changed = (leadId: string) => [
  { type: 'CrmAttachment' as const, id: leadId },
  { type: 'CrmLead' as const, id: leadId },
  { type: 'CrmActivity' as const, id: leadId },
];

/** Hands a downloaded file to the browser under its name. */
const save = (data: Blob, name: string) => {
  const url = URL.createObjectURL(data);
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
};

const attachmentsApi = crmApi.injectEndpoints({
  endpoints: (build) => ({
    /** The files of a lead, newest first (`GET /crm/leads/:id/attachments`). */
    getAttachments: build.query<ListAttachments.Response, string>({
      query: (leadId) => leadPath(leadId, '/attachments'),
      providesTags: (_result, _error, leadId) => [{ type: 'CrmAttachment', id: leadId }],
    }),
    /** Uploads (multipart field `files`). */
    uploadAttachments: build.mutation<CreateAttachments.Response, { leadId: string; files: File[] }>({
      query: ({ leadId, files }) => {
        const form = new FormData();
        for (const file of files) form.append('files', file, file.name);
        return { url: leadPath(leadId, '/attachments'), method: 'POST', data: form };
      },
      invalidatesTags: (_result, error, { leadId }) => (error ? [] : changed(leadId)),
    }),
    deleteAttachment: build.mutation<DeleteAttachment.Response, { leadId: string; documentId: string }>({
      query: ({ documentId }) => ({
        url: `/crm/attachments/${encodeURIComponent(documentId)}`,
        method: 'DELETE',
      }),
      invalidatesTags: (_result, error, { leadId }) => (error ? [] : changed(leadId)),
    }),
    /**
     * Saves a file to the user's computer. Files are private (SPEC §5): the plugin's route serves
     * them with the admin token only, so the browser cannot follow a plain link. The bytes go
     * straight to the browser, never into the store.
     */
    downloadAttachment: build.mutation<null, Attachment>({
      async queryFn(file, _api, _extra, baseQuery) {
        const result = await baseQuery({
          url: `/crm/attachments/${encodeURIComponent(file.documentId)}/file`,
          method: 'GET',
          config: { responseType: 'blob' },
        });
        if (result.error) return { error: result.error };
        save(result.data as Blob, file.name);
        return { data: null };
      },
    }),
  }),
});

export const {
  useGetAttachmentsQuery,
  useUploadAttachmentsMutation,
  useDeleteAttachmentMutation,
  useDownloadAttachmentMutation,
} = attachmentsApi;

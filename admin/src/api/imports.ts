import type { GetImport, ImportOptions, ImportPreview, ImportProgress } from '../../../server/src/contracts';
import { crmApi } from './crm';

export type { ImportPreview, ImportProgress };

const form = (file: File, options: ImportOptions) => {
  const data = new FormData();
  data.append('file', file, file.name);
  data.append('options', JSON.stringify(options));
  return data;
};

const importsApi = crmApi.injectEndpoints({
  endpoints: (build) => ({
    /** The dry run: the mapping and the first rows with their errors (`POST /crm/leads/import`, `dryRun`). */
    previewImport: build.mutation<{ data: ImportPreview }, { file: File; options: ImportOptions }>({
      query: ({ file, options }) => ({
        url: '/crm/leads/import',
        method: 'POST',
        data: form(file, { ...options, dryRun: true }),
      }),
    }),
    /** Starts the job (202 `{ data: { id } }`). */
    startImport: build.mutation<{ data: { id: string } }, { file: File; options: ImportOptions }>({
      query: ({ file, options }) => ({ url: '/crm/leads/import', method: 'POST', data: form(file, options) }),
    }),
    /** The job's progress, polled while it runs; the list and board refresh when it ends. */
    getImport: build.query<GetImport.Response, string>({
      query: (id) => `/crm/imports/${encodeURIComponent(id)}`,
      async onQueryStarted(_id, { dispatch, queryFulfilled }) {
        const { data } = await queryFulfilled.catch(() => ({ data: null }));
        if (data && ['done', 'failed'].includes(data.data.state))
          dispatch(crmApi.util.invalidateTags([{ type: 'CrmLeadList' }, { type: 'CrmBoard' }]));
      },
    }),
    /** Saves the refused rows as a CSV file. */
    downloadImportErrors: build.mutation<null, string>({
      async queryFn(id, _api, _extra, baseQuery) {
        const result = await baseQuery({
          url: `/crm/imports/${encodeURIComponent(id)}/errors.csv`,
          method: 'GET',
          config: { responseType: 'blob' },
        });
        if (result.error) return { error: result.error };
        const url = URL.createObjectURL(result.data as Blob);
        const link = Object.assign(document.createElement('a'), {
          href: url,
          download: `import-${id}-refused-rows.csv`,
        });
        document.body.appendChild(link);
        link.click();
        link.remove();
        setTimeout(() => URL.revokeObjectURL(url), 10_000);
        return { data: null };
      },
    }),
  }),
});

export const {
  usePreviewImportMutation,
  useStartImportMutation,
  useGetImportQuery,
  useDownloadImportErrorsMutation,
} = importsApi;

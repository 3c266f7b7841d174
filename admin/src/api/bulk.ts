import { attemptTokenRefresh } from '@strapi/strapi/admin';
import type { BulkLeads, ExportLeads } from '../../../server/src/contracts';
import type { LeadFilterState } from '../components/leads/leadQuery';
import { toLeadQuery } from '../components/leads/leadQuery';
import { aroundLead, crmApi } from './crm';

export type BulkRequest = BulkLeads.Request['body'];
export type ExportQuery = ExportLeads.Request['query'];

const bulkApi = crmApi.injectEndpoints({
  endpoints: (build) => ({
    /** Applies one action to the selected leads (`POST /crm/leads/bulk`). */
    bulkLeads: build.mutation<BulkLeads.Response, BulkRequest>({
      query: (body) => ({ url: '/crm/leads/bulk', method: 'POST', data: body }),
      // the list and the board change whatever was done; each lead changed, with its log
      invalidatesTags: (result) => [
        { type: 'CrmLeadList' as const },
        { type: 'CrmBoard' as const },
        ...(result?.data.done ?? []).flatMap((id) => [
          { type: 'CrmLead' as const, id },
          ...aroundLead(id).filter((tag) => 'id' in tag),
        ]),
      ],
    }),
  }),
});

export const { useBulkLeadsMutation } = bulkApi;

/** The export query of the Leads page's filters: the list's own query without its page. */
export const exportQueryOf = (state: LeadFilterState): ExportQuery => {
  const query: Record<string, unknown> = {};
  for (const [key, value] of toLeadQuery({ ...state, page: 1 }, true)) {
    if (key === 'page' || key === 'pageSize') continue;
    // `filters[status][documentId][$in][0]` → query.filters.status.documentId.$in[0]
    const path = key.split(/\[|\]\[|\]/).filter(Boolean);
    let node = query;
    path.forEach((part, i) => {
      if (i === path.length - 1) node[part] = value;
      else node = (node[part] ??= {}) as Record<string, unknown>;
    });
  }
  return query as ExportQuery;
};

/** The query in Strapi's bracket syntax (`filters[status][documentId][$in][0]=...`). */
export const exportSearch = (query: ExportQuery) => {
  const params = new URLSearchParams();
  const walk = (prefix: string, value: unknown) => {
    if (value === undefined || value === null || value === '') return;
    if (typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) walk(prefix ? `${prefix}[${key}]` : key, inner);
    } else params.append(prefix, String(value));
  };
  walk('', query);
  return params.toString();
};

export interface ExportProgress {
  bytes: number;
  /** Leads received so far (CSV records after the header). */
  rows: number;
}

/** Counts CSV records across chunks: a line break inside a quoted cell does not end a record. */
const recordCounter = () => {
  let quoted = false;
  let records = 0;
  return (text: string) => {
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (c === '"') quoted = !quoted;
      else if (c === '\n' && !quoted) records++;
    }
    return records;
  };
};

/** An export refused by the server, with the message of its error envelope. */
export class ExportError extends Error {
  constructor(
    message: string,
    readonly status: number
  ) {
    super(message);
  }
}

const filenameOf = (disposition: string | null) =>
  /filename="([^"]+)"/.exec(disposition ?? '')?.[1] ?? `leads-${new Date().toISOString().slice(0, 10)}.csv`;

/**
 * Downloads the CSV of `query` (`GET /crm/leads/export`) with the admin token, as Strapi's fetch
 * client sends it (a refreshed token on a 401), reading the body as it streams in and reporting
 * the bytes and leads received. Answers the file.
 */
export const fetchLeadsCsv = async (
  query: ExportQuery,
  {
    token,
    onProgress,
    signal,
  }: { token: string | null; onProgress?: (progress: ExportProgress) => void; signal?: AbortSignal }
): Promise<File> => {
  // the admin's backend URL, where Strapi's fetch client sends every request
  const { backendURL } = (window as unknown as { strapi: { backendURL: string } }).strapi;
  const url = `${backendURL}/crm/leads/export?${exportSearch(query)}`;
  const request = (bearer: string | null) =>
    fetch(url, {
      method: 'GET',
      credentials: 'include',
      signal,
      headers: { Accept: 'text/csv', ...(bearer ? { Authorization: `Bearer ${bearer}` } : {}) },
    });
  let response = await request(token);
  if (response.status === 401) {
    const fresh = await attemptTokenRefresh(token ?? undefined).catch(() => null);
    if (fresh) response = await request(fresh);
  }
  if (!response.ok || !response.body) {
    const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new ExportError(body?.error?.message ?? response.statusText, response.status);
  }
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const count = recordCounter();
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  let records = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    bytes += value.byteLength;
    records = count(decoder.decode(value, { stream: true }));
    onProgress?.({ bytes, rows: Math.max(0, records - 1) });
  }
  return new File(chunks as BlobPart[], filenameOf(response.headers.get('Content-Disposition')), {
    type: 'text/csv;charset=utf-8',
  });
};

/** Hands a file to the browser's download. */
export const saveFile = (file: File) => {
  const url = URL.createObjectURL(file);
  const link = Object.assign(document.createElement('a'), { href: url, download: file.name });
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
};

/** The admin token as Strapi's fetch client reads it when the auth state has none yet. */
export const storedToken = (): string | null => {
  try {
    const raw = window.localStorage.getItem('jwtToken');
    return raw ? (JSON.parse(raw) as string) : null;
  } catch {
    return null;
  }
};

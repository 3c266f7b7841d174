/* eslint-disable @typescript-eslint/no-namespace -- one namespace per route, the contract style of Strapi's content-releases */
/** GDPR on a lead (SPEC §5): its export and its anonymization. */
import type { ApiError } from './errors';
import type { LeadDetail } from './leads';

/** GET /crm/leads/:id/export */
export declare namespace ExportLead {
  interface Request {
    params: { id: string };
    query: Record<string, never>;
    body: never;
  }
  /** Everything held about the lead: its fields, sections, files and activity. */
  interface Response {
    data: unknown;
    error?: ApiError;
  }
}

/** POST /crm/leads/:id/anonymize */
export declare namespace AnonymizeLead {
  interface Request {
    params: { id: string };
    query: Record<string, never>;
    body: Record<string, never>;
  }
  interface Response {
    data: LeadDetail;
    error?: ApiError;
  }
}

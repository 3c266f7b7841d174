/* eslint-disable @typescript-eslint/no-namespace -- one namespace per route, the contract style of Strapi's content-releases */
/** The Content API routes (SPEC §7): a site's contact form and a customer's own profile. */
import type { ApiError } from './errors';

/** POST /api/crm/web-leads — answers no lead data. */
export declare namespace CaptureWebLead {
  interface Request {
    params: Record<string, never>;
    query: Record<string, never>;
    /** The fields the plugin config (`webLeads.fields`) allows, and its custom-field slugs. */
    body: Record<string, unknown>;
  }
  interface Response {
    data: { ok: true };
    error?: ApiError;
  }
}

/** The caller's customer record, limited to the configured fields (`portal.profileFields`). */
export type CustomerProfile = { documentId: string } & Record<string, unknown>;

/** GET /api/crm/me */
export declare namespace GetMe {
  interface Request {
    params: Record<string, never>;
    query: Record<string, never>;
    body: never;
  }
  interface Response {
    data: CustomerProfile;
    error?: ApiError;
  }
}

/** PUT /api/crm/me — only the fields `portal.editableFields` lists. */
export declare namespace UpdateMe {
  interface Request {
    params: Record<string, never>;
    query: Record<string, never>;
    body: Record<string, unknown>;
  }
  interface Response {
    data: CustomerProfile;
    error?: ApiError;
  }
}

/* eslint-disable @typescript-eslint/no-namespace -- one namespace per route, the contract style of Strapi's content-releases */
/** A lead's files (SPEC §5): private, downloaded through the plugin's route only. */
import type { ApiError } from './errors';
import type { LeadAttachment } from './leads';

export type Attachment = LeadAttachment;

/** GET /crm/leads/:id/attachments */
export declare namespace ListAttachments {
  interface Request {
    params: { id: string };
    query: Record<string, never>;
    body: never;
  }
  interface Response {
    data: Attachment[];
    error?: ApiError;
  }
}

/** POST /crm/leads/:id/attachments (multipart, field `files`) */
export declare namespace CreateAttachments {
  interface Request {
    params: { id: string };
    query: Record<string, never>;
    body: FormData;
  }
  interface Response {
    data: Attachment[];
    error?: ApiError;
  }
}

/** DELETE /crm/attachments/:id */
export declare namespace DeleteAttachment {
  interface Request {
    params: { id: string };
    query: Record<string, never>;
    body: never;
  }
  interface Response {
    data: unknown;
    error?: ApiError;
  }
}

/** GET /crm/attachments/:id/file: the bytes, `Content-Disposition: attachment` (a Blob in the admin). */
export declare namespace GetAttachmentFile {
  interface Request {
    params: { id: string };
    query: Record<string, never>;
    body: never;
  }
  type Response = Blob;
}

import type { Core, Modules } from '@strapi/strapi';
import { MIRRORS, syncLeadMirrors } from '../database/lead-mirrors';
import { UID } from '../uids';

const WRITES = ['create', 'update', 'clone'];

/**
 * Keeps the lead's mirror columns (database/lead-mirrors.ts) in step with its status, source and
 * assignee on every Document Service write, whichever path made it (the plugin's routes, the
 * Content Manager, the content API, a script): the write and the update of its columns run in one
 * transaction, so no reader sees a lead whose columns disagree with its links. A value given for a
 * mirror column itself is dropped: the relation is the only way to set it.
 */
export const leadMirrors =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    if (context.uid !== UID.lead || !WRITES.includes(context.action)) return next();
    const params = context.params as { documentId?: string; data?: Record<string, unknown> };
    if (params.data && typeof params.data === 'object') {
      for (const { attribute } of MIRRORS) delete params.data[attribute];
    }
    return strapi.db.transaction(async () => {
      const result = await next();
      const written = result as { id?: number; documentId?: string } | null;
      const documentId = written?.documentId ?? params.documentId;
      if (typeof written?.id === 'number') await syncLeadMirrors(strapi, { ids: [written.id] });
      else if (documentId) await syncLeadMirrors(strapi, { documentIds: [documentId] });
      return result;
    });
  };

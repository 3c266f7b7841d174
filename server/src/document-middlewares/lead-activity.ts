import type { Core, Modules } from '@strapi/strapi';
import { diffLead, type LeadSnapshot } from '../services/leads/diff';
import { staff } from '../services/leads/serialize';
import { getService } from '../utils';
import { UID } from '../uids';

const SNAPSHOT_POPULATE = {
  leadStatus: { select: ['documentId', 'name'] },
  source: { select: ['documentId', 'name'] },
  assignedTo: { select: ['id', 'firstname', 'lastname'] },
  tags: { select: ['name'] },
};

const ref = (row: { documentId: string; name: string } | null | undefined) =>
  row ? { documentId: row.documentId, name: row.name } : null;

/** The lead as the log compares it; decimals as numbers whatever the database driver returns. */
const snapshot = async (
  strapi: Core.Strapi,
  documentId: string
): Promise<(LeadSnapshot & { id: number }) | null> => {
  const row = await strapi.db.query(UID.lead).findOne({ where: { documentId }, populate: SNAPSHOT_POPULATE });
  if (!row) return null;
  return {
    ...row,
    value: row.value === null || row.value === undefined ? null : Number(row.value),
    status: ref(row.leadStatus),
    source: ref(row.source),
    assignedTo: staff(row.assignedTo),
    tags: (row.tags ?? []).map((t: { name: string }) => t.name),
    customFields: row.customFields ?? {},
  };
};

/**
 * A Document Service middleware: every create, update and delete of a lead, whichever path made
 * it (the Content Manager, the plugin's routes, the content API, a script), writes its activity
 * rows in the same transaction as the change.
 */
export const leadActivityMiddleware =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    if (context.uid !== UID.lead || !['create', 'update', 'delete'].includes(context.action)) return next();
    const activity = getService(strapi, 'activity');
    const actor = activity.currentActor();

    if (context.action === 'create') {
      const created = await next();
      const { documentId, name } = created as unknown as { documentId: string; name: string };
      await activity.record([{ action: 'created', lead: documentId, actor, data: { name } }]);
      return created;
    }

    const { documentId } = context.params as { documentId: string };
    const before = await snapshot(strapi, documentId);
    const result = await next();
    if (!before) return result;

    if (context.action === 'delete') {
      // The lead is gone, so the row keeps its id and name rather than a link.
      await activity.record([{ action: 'deleted', actor, data: { documentId, name: before.name } }]);
      return result;
    }
    const after = await snapshot(strapi, documentId);
    if (after) {
      await activity.record(diffLead(before, after).map((entry) => ({ ...entry, lead: documentId, actor })));
    }
    return result;
  };

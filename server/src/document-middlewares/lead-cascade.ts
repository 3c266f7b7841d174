import type { Core, Modules } from '@strapi/strapi';
import { UID } from '../uids';

/** The lead's own sections: they go with it (the copies a conversion made stay with the customer). */
const SECTION_UIDS = [UID.note, UID.task, UID.reminder, UID.opportunity] as const;

type FileRow = { id: number };

/**
 * A deleted lead takes its notes, tasks, reminders, opportunities and files with it, whichever
 * path deletes it (the plugin's route, the Content Manager, a script). Left behind, they hung
 * off nothing: the section routes and the reminders job had no lead left to check them against
 * (SPEC §3.1), and its files stayed on disk. The activity log keeps its rows (and the `deleted` one).
 */
export const leadCascade =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    if (context.uid !== UID.lead || context.action !== 'delete') return next();
    const { documentId } = context.params as { documentId?: string };
    if (!documentId) return next();
    const leads: { id: number; attachments?: FileRow[] }[] = await strapi.db
      .query(UID.lead)
      .findMany({ where: { documentId }, select: ['id'], populate: { attachments: { select: ['id'] } } });
    if (!leads.length) return next();
    const leadIds = leads.map((lead) => lead.id);
    // found before the delete, which takes the links to the lead with it
    const sections = await Promise.all(
      SECTION_UIDS.map(async (uid) => {
        const rows: { id: number }[] = await strapi.db
          .query(uid)
          .findMany({ where: { lead: { id: { $in: leadIds } } }, select: ['id'] });
        return { uid, ids: rows.map((row) => row.id) };
      })
    );
    // the lead and its sections in one transaction (the caller's, when there is one)
    const outer = strapi.db.inTransaction();
    const result = await strapi.db.transaction(async () => {
      const deleted = await next();
      for (const { uid, ids } of sections) {
        if (ids.length) await strapi.db.query(uid).deleteMany({ where: { id: { $in: ids } } });
      }
      return deleted;
    });
    const fileIds = leads.flatMap((lead) => (lead.attachments ?? []).map((file) => file.id));
    const removeFiles = async () => {
      for (const id of fileIds) {
        const file = await strapi.db.query('plugin::upload.file').findOne({ where: { id } });
        if (file)
          await strapi
            .plugin('upload')
            .service('upload')
            .remove(file)
            .catch((error: Error) =>
              strapi.log.warn(`[crm] the file ${id} of a deleted lead stays: ${error.message}`)
            );
      }
    };
    // the files leave the disk once the delete is committed (a rolled back delete keeps them):
    // now, or when the caller's transaction commits
    if (fileIds.length) {
      if (outer) await strapi.db.transaction(({ onCommit }) => onCommit(removeFiles));
      else await removeFiles();
    }
    return result;
  };

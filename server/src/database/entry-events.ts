import type { Core } from '@strapi/strapi';
import { sanitize } from '@strapi/utils';

type Attribute = { type: string; unstable_virtual?: boolean };
type ModelUid = Parameters<Core.Strapi['getModel']>[0];

/** What Strapi's Document Service populates for its events: every relation, media whole. */
const eventPopulate = (strapi: Core.Strapi, uid: string) =>
  Object.fromEntries(
    Object.entries(strapi.getModel(uid as ModelUid).attributes as Record<string, Attribute>).flatMap(
      ([name, attribute]) => {
        if (attribute.type === 'relation' && !attribute.unstable_virtual) return [[name, {}]];
        if (attribute.type === 'media') return [[name, { select: ['*'] }]];
        return [];
      }
    )
  );

/**
 * Emits Strapi's `entry.create` event (webhooks, audit logs, other plugins) for documents written
 * by a bulk insert, as the Document Service would for each: after the surrounding transaction
 * commits, with the entry populated and sanitized the same way — but read back in one query for
 * the whole batch instead of one per document.
 */
export const emitCreatedAfterCommit = (strapi: Core.Strapi, uid: string, ids: number[]) => {
  if (!ids.length) return Promise.resolve();
  return strapi.db.transaction(({ onCommit }) => {
    onCommit(() =>
      emit(strapi, uid, ids).catch((error: Error) => {
        strapi.log.error(`[crm] entry.create events of ${ids.length} ${uid}: ${error.message}`);
      })
    );
  });
};

const emit = async (strapi: Core.Strapi, uid: string, ids: number[]) => {
  const model = strapi.getModel(uid as ModelUid);
  const entries = await strapi.db
    .query(uid as never)
    .findMany({ where: { id: { $in: ids } }, populate: eventPopulate(strapi, uid) });
  for (const entry of entries) {
    const sanitized = await sanitize.sanitizers.defaultSanitizeOutput(
      { schema: model, getModel: (target: string) => strapi.getModel(target as ModelUid) } as never,
      entry
    );
    await strapi.eventHub.emit('entry.create', { model: model.modelName, uid, entry: sanitized });
  }
};

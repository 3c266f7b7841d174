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

type EntryEvent = 'entry.create' | 'entry.update';

/**
 * Emits Strapi's `entry.create` or `entry.update` event (webhooks, audit logs, other plugins) for
 * documents the plugin wrote without the Document Service (a bulk insert, the conversion), as the
 * Document Service would for each: after the surrounding transaction commits, with the entry
 * populated and sanitized the same way — but read back in one query for the whole batch instead
 * of one per document.
 */
const emitAfterCommit = (strapi: Core.Strapi, event: EntryEvent, uid: string, ids: number[]) => {
  if (!ids.length) return Promise.resolve();
  return strapi.db.transaction(({ onCommit }) => {
    onCommit(() =>
      emit(strapi, event, uid, ids).catch((error: Error) => {
        strapi.log.error(`[crm] ${event} events of ${ids.length} ${uid}: ${error.message}`);
      })
    );
  });
};

export const emitCreatedAfterCommit = (strapi: Core.Strapi, uid: string, ids: number[]) =>
  emitAfterCommit(strapi, 'entry.create', uid, ids);

export const emitUpdatedAfterCommit = (strapi: Core.Strapi, uid: string, ids: number[]) =>
  emitAfterCommit(strapi, 'entry.update', uid, ids);

const emit = async (strapi: Core.Strapi, event: EntryEvent, uid: string, ids: number[]) => {
  const model = strapi.getModel(uid as ModelUid);
  const entries = await strapi.db
    .query(uid as never)
    .findMany({ where: { id: { $in: ids } }, populate: eventPopulate(strapi, uid) });
  for (const entry of entries) {
    const sanitized = await sanitize.sanitizers.defaultSanitizeOutput(
      { schema: model, getModel: (target: string) => strapi.getModel(target as ModelUid) } as never,
      entry
    );
    await strapi.eventHub.emit(event, { model: model.modelName, uid, entry: sanitized });
  }
};

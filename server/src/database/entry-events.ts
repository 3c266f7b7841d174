import type { ServerResponse } from 'http';
import type { Core } from '@strapi/strapi';
import { contentTypes, sanitize } from '@strapi/utils';

type Attribute = { type: string; unstable_virtual?: boolean };
type ModelUid = Parameters<Core.Strapi['getModel']>[0];

/**
 * What Strapi's Document Service populates for its events: every relation, media whole — but the
 * private ones (`createdBy`, `updatedBy`), which the event's sanitizing removes again.
 */
const eventPopulate = (strapi: Core.Strapi, uid: string) => {
  const model = strapi.getModel(uid as ModelUid);
  return Object.fromEntries(
    Object.entries(model.attributes as Record<string, Attribute>).flatMap(([name, attribute]) => {
      if (contentTypes.isPrivateAttribute(model as never, name)) return [];
      if (attribute.type === 'relation' && !attribute.unstable_virtual) return [[name, {}]];
      if (attribute.type === 'media') return [[name, { select: ['*'] }]];
      return [];
    })
  );
};

type EntryEvent = 'entry.create' | 'entry.update';

/**
 * Emits Strapi's `entry.create` or `entry.update` event (webhooks, audit logs, other plugins) for
 * documents the plugin wrote without the Document Service (a bulk insert, the conversion), as the
 * Document Service would for each: after the surrounding transaction commits, with the entry
 * populated and sanitized the same way — but read back in one query for the whole batch instead
 * of one per document.
 */
const emitAfterCommit = (
  strapi: Core.Strapi,
  event: EntryEvent,
  uid: string,
  ids: number[],
  known: KnownRelations = {}
) => {
  if (!ids.length) return Promise.resolve();
  const run = () =>
    emit(strapi, event, uid, ids, known).catch((error: Error) => {
      strapi.log.error(`[crm] ${event} events of ${ids.length} ${uid}: ${error.message}`);
    });
  return strapi.db.transaction(({ onCommit }) => {
    onCommit(() => afterResponse(strapi, run));
  });
};

/**
 * Runs `work` once the current request's answer is sent (at once outside a request): the events'
 * reads (every relation of each entry) then do not compete with the answer's own reads for the
 * connection pool. Webhooks go out a moment later; the answer no longer waits for their payload.
 */
const afterResponse = (strapi: Core.Strapi, work: () => unknown) => {
  const res = (strapi.requestContext.get() as { res?: ServerResponse } | undefined)?.res;
  if (!res || res.writableFinished || res.destroyed) {
    work();
    return;
  }
  let started = false;
  const once = () => {
    if (started) return;
    started = true;
    work();
  };
  res.once('finish', once);
  res.once('close', once);
};

/**
 * Relations whose populated value the writer already holds, the same for every entry: the rows it
 * linked (read whole, as a populate reads them), `null` or `[]` for those it left empty. They are
 * not read back: a web lead's event costs one query instead of seven.
 */
export type KnownRelations = Record<string, unknown>;

export const emitCreatedAfterCommit = (
  strapi: Core.Strapi,
  uid: string,
  ids: number[],
  known: KnownRelations = {}
) => emitAfterCommit(strapi, 'entry.create', uid, ids, known);

export const emitUpdatedAfterCommit = (
  strapi: Core.Strapi,
  uid: string,
  ids: number[],
  known: KnownRelations = {}
) => emitAfterCommit(strapi, 'entry.update', uid, ids, known);

const emit = async (
  strapi: Core.Strapi,
  event: EntryEvent,
  uid: string,
  ids: number[],
  known: KnownRelations
) => {
  const model = strapi.getModel(uid as ModelUid);
  const populate = Object.fromEntries(
    Object.entries(eventPopulate(strapi, uid)).filter(([name]) => !(name in known))
  );
  const read: Record<string, unknown>[] = await strapi.db
    .query(uid as never)
    .findMany({ where: { id: { $in: ids } }, populate });
  for (const entry of read.map((row) => ({ ...row, ...known }))) {
    const sanitized = await sanitize.sanitizers.defaultSanitizeOutput(
      { schema: model, getModel: (target: string) => strapi.getModel(target as ModelUid) } as never,
      entry as never
    );
    await strapi.eventHub.emit(event, { model: model.modelName, uid, entry: sanitized });
  }
};

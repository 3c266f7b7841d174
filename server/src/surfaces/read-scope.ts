import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { HANGING_TYPES } from '../services/hanging';
import type { Filter } from '../services/visibility';
import { getService } from '../utils';
import { UID } from '../uids';
import { surfaceCaller, type SurfaceCaller } from './caller';
import { pruneActivityData, refuseActivityDataQuery } from './activity-data';
import { FILE, fileLinks } from './files';
import { prunePopulated, readableSearch, scopeNestedWhere, scopeOrderBy } from './nested-scope';

const NOTHING: Filter = { id: { $null: true } };

/**
 * A condition as a query string or code writes it, not one of the objects Strapi puts in a
 * where-clause itself: the relation pickers of a saved entry leave its current targets out with a
 * knex subquery, and walking into that builder ran past any depth (a 400 on every picker).
 */
const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
};

/**
 * Refuses a where-clause whose `$and`/`$or` is not a list of conditions or whose `$not` is not a
 * condition (`filters[$or]=1` in a query string): Strapi's query engine throws a plain Error on
 * them deep in its SQL building, a 500 on every surface. A 400 says what is wrong.
 */
export const checkLogicalOperators = (where: unknown, depth = 0): void => {
  if (depth > 50) throw new errors.ValidationError('The filters are nested too deeply');
  if (Array.isArray(where)) return where.forEach((item) => checkLogicalOperators(item, depth + 1));
  if (!isPlainObject(where)) return;
  for (const [key, value] of Object.entries(where)) {
    if ((key === '$and' || key === '$or') && !(Array.isArray(value) && value.every(isPlainObject)))
      throw new errors.ValidationError(`Invalid filters: ${key} must be a list of conditions`);
    if (key === '$not' && !isPlainObject(value))
      throw new errors.ValidationError('Invalid filters: $not must be a condition');
    checkLogicalOperators(value, depth + 1);
  }
};

/**
 * The ids of the files attached to a lead or customer that `caller` may not see, as a subquery:
 * every CRM file for an outside caller (an API token is never granted them), the files of hidden
 * leads and customers for an admin.
 */
const hiddenFiles = (strapi: Core.Strapi, caller: SurfaceCaller) => {
  const links = fileLinks(strapi);
  const knex = strapi.db.connection;
  const visibility = getService(strapi, 'visibility');
  const seen = (uid: string) => {
    if (caller.kind === 'outside') return null;
    const filter = visibility.hangingFilter(caller.ability, uid);
    return filter && strapi.db.queryBuilder(uid).select('id').where(filter).getKnexQuery();
  };
  // An admin's lead and customer filters are both set, or both absent (reads every lead).
  const leads = seen(UID.lead);
  const customers = seen(UID.customer);
  if (caller.kind === 'admin' && (!leads || !customers)) return null;
  return knex(links.table)
    .select(links.fileId)
    .where((q) => {
      q.where(links.type, UID.lead);
      if (leads) q.whereNotIn(links.relatedId, leads);
    })
    .orWhere((q) => {
      q.where(links.type, UID.customer);
      if (customers) q.whereNotIn(links.relatedId, customers);
    });
};

/** The where-clause `caller` adds to a read of `uid`, or `null` when it reads it whole. */
export const scopeFor = (strapi: Core.Strapi, caller: SurfaceCaller, uid: string): Filter | null => {
  if (uid === FILE) {
    const hidden = hiddenFiles(strapi, caller);
    return hidden && { id: { $notIn: hidden } };
  }
  if (!(HANGING_TYPES as readonly string[]).includes(uid)) return null;
  // Outside callers (content API, API tokens) never read the CRM's records through Strapi.
  if (caller.kind === 'outside') return NOTHING;
  return getService(strapi, 'visibility').hangingFilter(caller.ability, uid);
};

interface ReadEvent {
  model: { uid: string };
  params: { where?: Filter; orderBy?: Parameters<typeof scopeOrderBy>[3]; _q?: string };
  result?: unknown;
}

/**
 * Strapi's own surfaces read through the query engine, sometimes around the Content Manager's
 * permission checks (its relations and `actions/*` endpoints, populated relations, the media
 * library, the homepage). Adding the visibility rule to every row read there makes a hidden lead,
 * a section of it, its customer and its files missing on all of them at once: a 404 like a row
 * that does not exist, an empty picker, a count that does not count them. Filters through
 * relations are scoped the same way, and populated relations pruned after the read.
 */
export const registerReadScope = (strapi: Core.Strapi) => {
  // findPage hands one params object to findMany and count: it is scoped once.
  const scoped = new WeakSet<object>();
  const restrict = (event: ReadEvent) => {
    const caller = surfaceCaller(strapi);
    if (!caller || scoped.has(event.params)) return;
    checkLogicalOperators(event.params.where);
    if (event.model.uid === UID.activity) refuseActivityDataQuery(strapi, caller, event.params);
    scoped.add(event.params);
    const { uid } = event.model;
    const scope = scopeFor(strapi, caller, uid);
    const { params } = event;
    // Strapi's search reads `_q` as text: a list or an object in the query string was a 500
    if (params._q !== undefined && typeof params._q !== 'string')
      throw new errors.ValidationError('_q must be one search text');
    const where = params.where && scopeNestedWhere(strapi, caller, uid, params.where);
    const search = params._q ? readableSearch(strapi, caller, uid, params._q) : null;
    if (search) delete params._q;
    if (params.orderBy) params.orderBy = scopeOrderBy(strapi, caller, uid, params.orderBy);
    const filters = [where, scope, search].filter((f): f is Filter => !!f && Object.keys(f).length > 0);
    if (filters.length) event.params.where = filters.length === 1 ? filters[0] : { $and: filters };
  };
  const prune = async (event: ReadEvent) => {
    const caller = surfaceCaller(strapi);
    if (!caller || !event.result) return;
    const rows = (Array.isArray(event.result) ? event.result : [event.result]) as Record<string, unknown>[];
    await prunePopulated(strapi, caller, event.model.uid, rows);
    if (event.model.uid === UID.activity) await pruneActivityData(strapi, caller, rows);
  };
  // the CRM's other types (reference data) only get their filters' shape checked
  const checkShape = (event: ReadEvent) => {
    if (surfaceCaller(strapi)) checkLogicalOperators(event.params.where);
  };
  strapi.db.lifecycles.subscribe({
    models: Object.values(UID).filter((uid) => !(HANGING_TYPES as readonly string[]).includes(uid)),
    beforeFindOne: checkShape,
    beforeFindMany: checkShape,
    beforeCount: checkShape,
  } as never);
  strapi.db.lifecycles.subscribe({
    models: [...HANGING_TYPES, FILE],
    beforeFindOne: restrict,
    beforeFindMany: restrict,
    beforeCount: restrict,
    afterFindOne: prune,
    afterFindMany: prune,
  } as never);
};

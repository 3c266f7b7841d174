import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { HANGING_TYPES } from '../services/hanging';
import { readableFields, type Readable } from '../services/leads/readable';
import type { Filter } from '../services/visibility';
import { getService } from '../utils';
import { asPlugin, type SurfaceCaller } from './caller';

type Row = Record<string, unknown> & { id?: number };
interface RelationAttribute {
  type: string;
  relation?: string;
  target?: string;
}

const isHanging = (uid: string | undefined): uid is string =>
  !!uid && HANGING_TYPES.some((type) => type === uid);
const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  !!value &&
  typeof value === 'object' &&
  !Array.isArray(value) &&
  Object.getPrototypeOf(value) === Object.prototype;
/** The rows a populated relation holds: one, several or none. */
const rowsIn = (value: unknown): Row[] => (Array.isArray(value) ? value : [value]).filter(isPlainObject);
const NOTHING: Filter = { id: { $null: true } };
const LOGICAL = new Set(['$and', '$or', '$not']);
const FILE = 'plugin::upload.file';

/** What one caller may see of each hanging type, worked out once per query. */
const viewOf = (strapi: Core.Strapi, caller: SurfaceCaller) => {
  const visibility = getService(strapi, 'visibility');
  const readable = new Map<string, Readable>();
  return {
    scope: (uid: string): Filter | null =>
      caller.kind === 'outside' ? NOTHING : visibility.hangingFilter(caller.ability, uid),
    /** The ids of the rows of `uid` matching `filter`, as a subquery. */
    idsOf: (uid: string, filter: Filter) => visibility.idsOf(uid, filter),
    /**
     * The fields of `uid` the caller may read, by their role's read permission on it: a related
     * customer's portal user (`users-permissions`) or a tag is no more readable through a filter
     * than in its own list. Files stay whole (they are scoped as files: read-scope.ts), and staff
     * are guarded by name (permissions/staff-names.ts).
     */
    readableIn(uid: string): Readable {
      if (caller.kind === 'outside') return () => false;
      if (uid === FILE || uid === 'admin::user') return () => true;
      if (!readable.has(uid)) readable.set(uid, readableFields(strapi, caller.ability, uid));
      return readable.get(uid)!;
    },
  };
};

const attributesOf = (strapi: Core.Strapi, uid: string): Record<string, RelationAttribute> =>
  strapi.db.metadata.get(uid).attributes;

/**
 * A where-clause whose filters through relations stay inside what `caller` may see: a condition on
 * a related lead, section or customer (`{ customer: { lead: { email: … } } }`) only matches rows
 * the caller could read, and never a lead field they may not read — else the count of a filtered
 * list would spell out a hidden value, letter by letter.
 */
export const scopeNestedWhere = (strapi: Core.Strapi, caller: SurfaceCaller, uid: string, where: Filter) => {
  const view = viewOf(strapi, caller);
  const walk = (value: unknown, model: string, nested: boolean): unknown => {
    if (Array.isArray(value)) return value.map((item) => walk(item, model, nested));
    if (!isPlainObject(value)) return value;
    const attributes = attributesOf(strapi, model);
    const out: Record<string, unknown> = {};
    const conditions: Record<string, unknown>[] = [];
    for (const [key, inner] of Object.entries(value)) {
      if (LOGICAL.has(key)) out[key] = walk(inner, model, nested);
      else if (key.startsWith('$')) out[key] = inner;
      else if (nested && !view.readableIn(model)(key)) continue;
      else {
        const attribute = attributes[key];
        const target = attribute?.type === 'relation' ? attribute.target : undefined;
        // a condition on the related row's fields, plain or inside $and/$or/$not
        const inspects = (condition: Record<string, unknown>) =>
          Object.keys(condition).some((k) => !k.startsWith('$') || LOGICAL.has(k));
        if (!target) out[key] = inner;
        else if (!isPlainObject(inner) || !inspects(inner)) {
          // `{ lead: 65 }`, `{ lead: { $eq: 65 } }`, `{ lead: { $notNull: true } }` test the related
          // row's id: written so, they are scoped like any other test of it (else a count would say
          // whether a hidden lead exists, and its id by halves)
          const scope = isHanging(target) ? view.scope(target) : null;
          const onId = isPlainObject(inner) ? inner : { $eq: inner };
          const seen = (test: unknown) => ({ [key]: { $and: [{ id: test }, scope] } });
          if (!scope) out[key] = inner;
          // "has none": has none the caller may see (none at all, or one outside what they see)
          else if (onId.$null === true || onId.$notNull === false)
            conditions.push({
              $or: [
                { [key]: { id: { $null: true } } },
                { [key]: { id: { $notIn: view.idsOf(target, scope) } } },
              ],
            });
          else Object.assign(out, seen(onId));
        } else {
          const { $not: negated, ...rest } = inner;
          // Strapi cannot read `$not` under a relation (a 500): the same condition, negated outside it
          if (negated !== undefined) conditions.push({ $not: walk({ [key]: negated }, model, nested) });
          if (!Object.keys(rest).length) continue;
          const scope = isHanging(target) ? view.scope(target) : null;
          const scoped = walk(rest, target, true);
          out[key] = scope ? { $and: [scoped, scope] } : scoped;
        }
      }
    }
    return conditions.length ? { $and: [...(Object.keys(out).length ? [out] : []), ...conditions] } : out;
  };
  // an object (or a list of conditions) walks to one; anything else comes back as it was
  const scoped = walk(where, uid, false);
  return scoped && typeof scoped === 'object' ? scoped : where;
};

/**
 * Removes from rows read on a Strapi surface the populated relations the caller may not see (a
 * customer's original lead, a visible lead's hidden customer) and, inside them, the lead fields the
 * caller may not read. The query engine scopes the rows it is asked for, not the ones it joins in
 * through `populate`.
 */
export const prunePopulated = async (
  strapi: Core.Strapi,
  caller: SurfaceCaller,
  uid: string,
  rows: Row[]
) => {
  const view = viewOf(strapi, caller);
  /** A relation populated as `{ count }` (the Content Manager's lists) counts visible rows only. */
  const recount = async (model: string, name: string, target: string, list: Row[]) => {
    const counted = list.filter((row) => {
      const value = row[name];
      return isPlainObject(value) && 'count' in value;
    });
    const scope = isHanging(target) ? view.scope(target) : null;
    if (!counted.length || !scope) return;
    const withLinks: Row[] = await asPlugin(() =>
      strapi.db.query(model).findMany({
        where: { id: { $in: counted.map((row) => row.id) } },
        select: ['id'],
        populate: { [name]: { select: ['id'] } },
      })
    );
    const linked = new Map(
      withLinks.map((row) => {
        const value = row[name];
        return [row.id, rowsIn(value)];
      })
    );
    const ids = [...new Set([...linked.values()].flat().map((r) => r.id))];
    const visible: Row[] = ids.length
      ? await asPlugin(() =>
          strapi.db.query(target).findMany({ where: { $and: [{ id: { $in: ids } }, scope] }, select: ['id'] })
        )
      : [];
    const seen = new Set(visible.map((r) => r.id));
    for (const row of counted)
      row[name] = { count: (linked.get(row.id) ?? []).filter((r) => seen.has(r.id)).length };
  };

  const prune = async (model: string, list: Row[], nested: boolean) => {
    if (!list.length) return;
    if (nested && isHanging(model)) {
      const readable = view.readableIn(model);
      for (const row of list)
        for (const key of Object.keys(row)) if (key !== 'id' && !readable(key)) delete row[key];
    }
    for (const [name, attribute] of Object.entries(attributesOf(strapi, model))) {
      if (attribute.type !== 'relation' || !attribute.target) continue;
      await recount(model, name, attribute.target, list);
      const related = list.flatMap((row) => rowsIn(row[name]).filter((r) => 'id' in r));
      if (!related.length) continue;
      let visible = related;
      const scope = isHanging(attribute.target) ? view.scope(attribute.target) : null;
      if (scope) {
        const ids = [...new Set(related.map((r) => r.id))];
        const seen: Row[] = await asPlugin(() =>
          strapi.db
            .query(attribute.target!)
            .findMany({ where: { $and: [{ id: { $in: ids } }, scope] }, select: ['id'] })
        );
        const seenIds = new Set<unknown>(seen.map((r) => r.id));
        visible = related.filter((r) => seenIds.has(r.id));
        for (const row of list) {
          const value = row[name];
          if (Array.isArray(value)) row[name] = value.filter((r) => !isPlainObject(r) || seenIds.has(r.id));
          else if (isPlainObject(value) && 'id' in value && !seenIds.has(value.id)) row[name] = null;
        }
      }
      await prune(attribute.target, visible, true);
    }
  };
  await prune(uid, rows, false);
};

type OrderBy = string | Record<string, unknown> | (string | Record<string, unknown>)[];

/**
 * An order that reveals nothing the caller may not read: no sorting through a relation to a lead,
 * section or customer (the order of the rows would spell out the hidden values), and no sorting
 * on a lead field the caller's role does not list.
 */
export const scopeOrderBy = (strapi: Core.Strapi, caller: SurfaceCaller, uid: string, orderBy: OrderBy) => {
  const view = viewOf(strapi, caller);
  const attributes = attributesOf(strapi, uid);
  const allowed = (path: string[]) => {
    const [field, ...deeper] = path;
    const attribute = attributes[field];
    // a relation orders by one of its fields: alone, Strapi's query engine answered a 500
    if (attribute?.type === 'relation' && !deeper.length)
      throw new errors.ValidationError(`Sort on ${field} needs one of its fields (${field}.<field>)`);
    if (!view.readableIn(uid)(field)) return false;
    if (attribute?.type === 'relation' && deeper.length && isHanging(attribute.target))
      return !view.scope(attribute.target) && deeper.every(view.readableIn(attribute.target));
    return true;
  };
  const pathsOf = (entry: string | Record<string, unknown>): string[][] => {
    if (typeof entry === 'string') return [entry.split(':')[0].split('.')];
    return Object.entries(entry).flatMap(([key, value]) =>
      isPlainObject(value) ? pathsOf(value).map((path) => [key, ...path]) : [key.split('.')]
    );
  };
  const list = Array.isArray(orderBy) ? orderBy : [orderBy];
  return list.filter((entry) => pathsOf(entry).every(allowed));
};

/** String-like attribute types the query engine's `_q` search looks into. */
const SEARCHED_TYPES = new Set(['string', 'text', 'richtext', 'email', 'uid', 'enumeration']);

/**
 * The `_q` search of a caller who may not read every lead field, as an explicit search over the
 * fields they may read (the query engine's `_q` looks into every text and number column).
 */
export const readableSearch = (
  strapi: Core.Strapi,
  caller: SurfaceCaller,
  uid: string,
  q: string
): Filter | null => {
  if (!isHanging(uid)) return null;
  const view = viewOf(strapi, caller);
  const readable = view.readableIn(uid);
  const attributes = Object.entries(attributesOf(strapi, uid));
  if (attributes.every(([field]) => readable(field))) return null;
  const number = Number(q);
  const conditions = attributes.flatMap(([field, attribute]): Filter[] => {
    if (!readable(field)) return [];
    if (SEARCHED_TYPES.has(attribute.type)) return [{ [field]: { $containsi: q } }];
    if (
      ['integer', 'biginteger', 'decimal', 'float'].includes(attribute.type) &&
      q.trim() &&
      Number.isFinite(number)
    )
      return [{ [field]: { $eq: number } }];
    return [];
  });
  return conditions.length ? { $or: conditions } : NOTHING;
};

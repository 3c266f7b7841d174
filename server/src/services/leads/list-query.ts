import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { mirrorOf } from '../../database/lead-mirrors';
import { UID } from '../../uids';
import type { Filter } from '../visibility';

/** A condition applied to a knex query of the leads table aliased `alias`. */
export type Condition = (qb: Knex.QueryBuilder, alias: string) => void;

/** What a list reads: a where-clause for Strapi's query engine and conditions it writes itself. */
export interface ListWhere {
  /** Strapi's filter syntax: the caller's filters, search, custom fields (joins where they need them). */
  where: Filter;
  /** Conditions on the lead's columns and `EXISTS` over its link tables, without joins. */
  own: Condition[];
}

interface RelationAttribute {
  type: string;
  relation?: string;
  target?: string;
  columnName?: string;
  joinColumn?: { name: string };
  joinTable?: { name: string; joinColumn: { name: string }; inverseJoinColumn: { name: string } };
}

const SINGLE = ['manyToOne', 'oneToOne'];
const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  !!value && typeof value === 'object' && !Array.isArray(value);
const isPrimitive = (value: unknown): value is string | number | boolean =>
  ['string', 'number', 'boolean'].includes(typeof value);

/**
 * Writes the conditions of a list on the leads table and its link tables the way a database can
 * walk an index with them: the lead's own columns compared directly, a relation tested with
 * `EXISTS` on its link table (correlated on the lead's id) instead of a join, which made Strapi's
 * query engine `SELECT DISTINCT` and sort every matching lead before it could skip to a page.
 * Only shapes whose meaning is the same either way are rewritten (a positive test of a
 * to-one relation's id or documentId, a scalar equality); anything else stays in Strapi's where.
 */
export const createListQuery = (strapi: Core.Strapi) => {
  const knex = strapi.db.connection;
  const attributesOf = (uid: string) =>
    strapi.db.metadata.get(uid).attributes as Record<string, RelationAttribute>;
  const leadAttributes = attributesOf(UID.lead);
  const columnOf = (uid: string, key: string) => attributesOf(uid)[key]?.columnName ?? key;
  /**
   * The column a to-one relation is tested on: its join column, or the leads table's mirror of
   * its link table (database/lead-mirrors.ts), so the test is on the lead's own row.
   */
  const ownColumnOf = (field: string) =>
    leadAttributes[field]?.joinColumn?.name ?? mirrorOf(strapi, field)?.column;

  /** `{ id: 5 }`, `{ id: { $in: [...] } }`, `{ documentId: 'x' }`…: the targets a relation test names. */
  const namedTargets = (target: string, value: unknown): Knex.QueryBuilder | number[] | null => {
    const values = (raw: unknown): unknown[] | null => {
      if (isPrimitive(raw)) return [raw];
      if (!isPlainObject(raw)) return null;
      const keys = Object.keys(raw);
      if (keys.length !== 1) return null;
      if (keys[0] === '$eq' && isPrimitive(raw.$eq)) return [raw.$eq];
      if (keys[0] === '$in' && Array.isArray(raw.$in) && raw.$in.every(isPrimitive)) return raw.$in;
      return null;
    };
    if (isPrimitive(value)) value = { id: value };
    if (!isPlainObject(value) || Object.keys(value).length !== 1) return null;
    const [[key, raw]] = Object.entries(value);
    const list = values(raw);
    if (!list) return null;
    if (key === 'id') {
      const ids = list.map((v) => (typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v));
      return ids.every((v) => Number.isSafeInteger(v)) ? (ids as number[]) : null;
    }
    if (key === 'documentId' && list.every((v) => typeof v === 'string')) {
      return knex(strapi.db.metadata.get(target).tableName)
        .select('id')
        .whereIn(columnOf(target, 'documentId'), list as string[]);
    }
    return null;
  };

  /** The condition "the lead's to-one relation `field` is one of `targets`" (or has none, `null`). */
  const relationIs = (field: string, targets: Knex.QueryBuilder | number[] | null): Condition => {
    const attribute = leadAttributes[field];
    const own = ownColumnOf(field);
    return (qb, alias) => {
      if (own) {
        const column = `${alias}.${own}`;
        if (targets === null) qb.whereNull(column);
        else qb.whereIn(column, targets);
        return;
      }
      const { name, joinColumn, inverseJoinColumn } = attribute.joinTable!;
      const link = function (this: Knex.QueryBuilder) {
        this.select(knex.raw('1'))
          .from(name)
          .whereRaw('?? = ??', [`${name}.${joinColumn.name}`, `${alias}.id`]);
        if (targets !== null) this.whereIn(`${name}.${inverseJoinColumn.name}`, targets);
      };
      if (targets === null) qb.whereNotExists(link);
      else qb.whereExists(link);
    };
  };

  /** The condition "the lead's to-one relation `field` is none of `targets` (or has none)". */
  const relationIsNot = (field: string, targets: number[]): Condition => {
    const attribute = leadAttributes[field];
    const own = ownColumnOf(field);
    return (qb, alias) => {
      if (own) {
        const column = `${alias}.${own}`;
        qb.where((b) => b.whereNotIn(column, targets).orWhereNull(column));
        return;
      }
      const { name, joinColumn, inverseJoinColumn } = attribute.joinTable!;
      qb.whereNotExists(function (this: Knex.QueryBuilder) {
        this.select(knex.raw('1'))
          .from(name)
          .whereRaw('?? = ??', [`${name}.${joinColumn.name}`, `${alias}.id`])
          .whereIn(`${name}.${inverseJoinColumn.name}`, targets);
      });
    };
  };

  /** A to-one relation of the lead that `relationIs` can test. */
  const isSingleRelation = (key: string) => {
    const attribute = leadAttributes[key];
    return (
      attribute?.type === 'relation' &&
      SINGLE.includes(attribute.relation ?? '') &&
      !!attribute.target &&
      (!!attribute.joinColumn || !!attribute.joinTable)
    );
  };

  /** A scalar column compared with `=` to a value that needs no casting by Strapi's fields. */
  const scalarEquality = (key: string, value: unknown) => {
    const attribute = leadAttributes[key];
    if (!attribute || !['boolean', 'string', 'integer'].includes(attribute.type)) return null;
    const raw = isPlainObject(value) && Object.keys(value).length === 1 && '$eq' in value ? value.$eq : value;
    if (attribute.type === 'boolean' && typeof raw === 'boolean') return raw;
    if (attribute.type === 'string' && typeof raw === 'string') return raw;
    if (attribute.type === 'integer' && Number.isSafeInteger(raw)) return raw;
    return null;
  };

  /**
   * `filter` as conditions of our own, or null when some part of it is not a shape rewritten here
   * (then the whole of it stays with Strapi's query engine).
   */
  const compile = (filter: unknown): Condition | null => {
    if (!isPlainObject(filter)) return null;
    const parts: Condition[] = [];
    for (const [key, value] of Object.entries(filter)) {
      if (key === '$and' || key === '$or') {
        if (!Array.isArray(value) || !value.length) return null;
        const subs = value.map(compile);
        if (subs.some((s) => !s)) return null;
        parts.push((qb, alias) =>
          qb.where((b) => {
            for (const sub of subs as Condition[]) {
              const apply = (inner: Knex.QueryBuilder) => sub(inner, alias);
              if (key === '$and') b.where(apply);
              else b.orWhere(apply);
            }
          })
        );
      } else if (isSingleRelation(key)) {
        const targets = namedTargets(leadAttributes[key].target!, value);
        if (!targets) return null;
        parts.push(relationIs(key, targets));
      } else {
        const equal = scalarEquality(key, value);
        if (equal === null) return null;
        const column = columnOf(UID.lead, key);
        parts.push((qb, alias) => qb.where(`${alias}.${column}`, equal));
      }
    }
    if (!parts.length) return null;
    return (qb, alias) => {
      for (const part of parts) qb.where((b) => part(b, alias));
    };
  };

  /**
   * Splits a filter the caller gave: the top-level tests of a to-one relation by id or documentId
   * become `EXISTS` conditions, the rest stays in Strapi's where (a to-one relation has one row to
   * join, so testing it apart means the same).
   */
  const splitFilters = async (filters: Filter): Promise<ListWhere> => {
    const own: Condition[] = [];
    const where: Filter = {};
    for (const [key, value] of Object.entries(filters)) {
      let targets = isSingleRelation(key) ? namedTargets(leadAttributes[key].target!, value) : null;
      // documentIds read as ids first (a handful of statuses or sources): the planner then sees
      // `status_mirror IN (1, 2)` and knows how many leads that is, where a subquery hid it
      if (targets && !Array.isArray(targets)) {
        targets = ((await targets) as { id: number }[]).map((row) => Number(row.id));
      }
      if (targets) own.push(relationIs(key, targets));
      else where[key] = value;
    }
    return { where, own };
  };

  return {
    compile,
    splitFilters,
    relationIs,
    relationIsNot,
    /** The lead column of `key`: `lost` → `lost`, `createdAt` → `created_at`. */
    column: (key: string) => columnOf(UID.lead, key),
  };
};

export type ListQuery = ReturnType<typeof createListQuery>;

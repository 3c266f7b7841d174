import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { mirrorOf } from '../../database/lead-mirrors';
import { isPlainScalar, scalarValue } from '../../database/scalar-values';
import type { DocumentRow } from '../../types';
import { UID } from '../../uids';
import { SUMMARY_POPULATE } from './populate';

interface Attribute {
  type: string;
  columnName?: string;
  private?: boolean;
  target?: string;
  joinTable?: {
    name: string;
    joinColumn: { name: string };
    inverseJoinColumn: { name: string };
    orderBy?: Record<string, 'asc' | 'desc'>;
  };
}

/** One selected column: `column` (qualified) read as `alias`, put at `key` by its `type`. */
interface Selected {
  column: string;
  alias: string;
  key: string;
  type: string;
}

/** What a list row reads, from Strapi's metadata. */
interface Plan {
  leadTable: string;
  /** the lead's own scalar columns */
  own: Selected[];
  /** the to-one relations, joined through the lead's columns that mirror them */
  joined: { relation: string; table: string; alias: string; on: [string, string]; fields: Selected[] }[];
  /** the to-many relations, read through their link table */
  linked: {
    relation: string;
    link: string;
    lead: string;
    target: string;
    table: string;
    orderBy: [string, 'asc' | 'desc'][];
    fields: Selected[];
  }[];
}

const attributesOf = (strapi: Core.Strapi, uid: string) =>
  strapi.db.metadata.get(uid).attributes as unknown as Record<string, Attribute>;

const tableOf = (strapi: Core.Strapi, uid: string) => strapi.db.metadata.get(uid).tableName;

/** `fields` of `uid` in the table aliased `table`, with the id and documentId a populated relation has. */
const selectedOf = (strapi: Core.Strapi, uid: string, table: string, fields: string[]): Selected[] => {
  const attributes = attributesOf(strapi, uid);
  return [...new Set(['id', 'documentId', ...fields])]
    .filter((key) => attributes[key])
    .map((key, i) => ({
      column: `${table}.${attributes[key].columnName ?? key}`,
      alias: `${table}_${i}`,
      key,
      type: attributes[key].type,
    }));
};

const planOf = (strapi: Core.Strapi): Plan => {
  const leadAttributes = attributesOf(strapi, UID.lead);
  const scalars = Object.keys(leadAttributes).filter(
    (key) => isPlainScalar(leadAttributes[key].type) && !leadAttributes[key].private
  );
  const plan: Plan = {
    leadTable: tableOf(strapi, UID.lead),
    own: selectedOf(strapi, UID.lead, 'l', scalars),
    joined: [],
    linked: [],
  };
  Object.entries(SUMMARY_POPULATE).forEach(([relation, { fields }], r) => {
    const mirror = mirrorOf(strapi, relation);
    const { joinTable, target } = leadAttributes[relation] ?? {};
    if (mirror) {
      const alias = `j${r}`;
      plan.joined.push({
        relation,
        table: tableOf(strapi, mirror.target),
        alias,
        on: [`${alias}.id`, `l.${mirror.column}`],
        fields: selectedOf(strapi, mirror.target, alias, fields),
      });
    } else if (joinTable && target) {
      plan.linked.push({
        relation,
        link: joinTable.name,
        lead: joinTable.joinColumn.name,
        target: joinTable.inverseJoinColumn.name,
        table: tableOf(strapi, target),
        orderBy: Object.entries(joinTable.orderBy ?? {}),
        fields: selectedOf(strapi, target, 't', fields),
      });
    } else {
      throw new Error(`The lead's ${relation} is neither mirrored nor linked: a list row cannot read it`);
    }
  });
  return plan;
};

const select = (query: Knex.QueryBuilder, fields: Selected[]) => {
  for (const { column, alias } of fields) query.select({ [alias]: column });
  return query;
};

/** The selected values of `raw` as the Query Engine hands them back, by their types. */
const valuesOf = (raw: Record<string, unknown>, fields: Selected[]) =>
  Object.fromEntries(fields.map(({ alias, key, type }) => [key, scalarValue(type, raw[alias])]));

/**
 * The leads `ids`, in that order, as a list row shows them (SUMMARY_POPULATE), in two statements
 * whatever the page holds: the leads with their status, source and assignee, joined through the
 * columns that mirror those relations on the leads table (lead-mirrors.ts), then their tags through
 * the link table. The Query Engine reads each populated relation in a statement of its own (five
 * for a page), and its processing of them cost more CPU than the SQL itself.
 */
export const createSummaryRows = (strapi: Core.Strapi) => {
  let plan: Plan | undefined;

  return async (ids: number[]): Promise<DocumentRow[]> => {
    if (!ids.length) return [];
    plan ??= planOf(strapi);
    const { leadTable, own, joined, linked } = plan;
    const knex = strapi.db.connection as unknown as Knex;

    const leads = select(knex.from({ l: leadTable }).whereIn('l.id', ids), own);
    for (const { table, alias, on, fields } of joined) {
      select(leads.leftJoin({ [alias]: table }, ...on), fields);
    }
    const links = linked.map(({ link, lead, target, table, orderBy, fields }) => {
      const query = knex
        .from({ k: link })
        .join({ t: table }, 't.id', `k.${target}`)
        .select({ lead: `k.${lead}` })
        .whereIn(`k.${lead}`, ids);
      for (const [column, direction] of orderBy) query.orderBy(`k.${column}`, direction);
      return select(query.orderBy('t.id', 'asc'), fields);
    });

    const [leadRows, ...linkRows] = (await Promise.all([leads, ...links])) as Record<string, unknown>[][];
    const byId = new Map<number, DocumentRow>();
    for (const raw of leadRows) {
      const row = valuesOf(raw, own) as DocumentRow;
      for (const { relation, fields } of joined) {
        const target = valuesOf(raw, fields);
        row[relation] = target.id === null ? null : target;
      }
      for (const { relation } of linked) row[relation] = [];
      byId.set(Number(row.id), row);
    }
    linked.forEach(({ relation, fields }, i) => {
      for (const raw of linkRows[i]) byId.get(Number(raw.lead))?.[relation].push(valuesOf(raw, fields));
    });
    return ids.flatMap((id) => byId.get(id) ?? []);
  };
};

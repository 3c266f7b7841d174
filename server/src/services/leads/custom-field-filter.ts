import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { validationError, type FieldError } from '../../errors';
import { getService } from '../../utils';
import { UID } from '../../uids';
import type { CustomFieldDefinition, CustomFieldType } from '../custom-fields';
import type { Filter } from '../visibility';
import { CUSTOM_FIELD_FILTER_OPERATORS, type CustomFieldFilterOperator } from '../../contracts/leads';
import { columnOf } from '../../database/columns';

/** `customFields[slug]=value` or `customFields[slug][$op]=value` from the list's query string. */
export type CustomFieldQuery = Record<string, unknown>;

type Operator = CustomFieldFilterOperator;

/** The operators each field type accepts, as the Leads page offers them (the shared contract). */
const OPERATORS = CUSTOM_FIELD_FILTER_OPERATORS as Record<CustomFieldType, readonly Operator[]>;

const SQL_OPERATOR: Partial<Record<Operator, string>> = {
  $eq: '=',
  $gt: '>',
  $gte: '>=',
  $lt: '<',
  $lte: '<=',
};

interface Condition {
  def: CustomFieldDefinition;
  operator: Operator;
  value: string | number | boolean;
}

/** Reads the query into conditions, naming each bad slug, operator or value. */
export const parse = (query: CustomFieldQuery, definitions: CustomFieldDefinition[]): Condition[] => {
  const errors: FieldError[] = [];
  const conditions: Condition[] = [];
  const bySlug = new Map(definitions.map((d) => [d.slug, d]));
  for (const [slug, raw] of Object.entries(query)) {
    const def = bySlug.get(slug);
    if (!def) {
      errors.push({ path: ['customFields', slug], message: 'is not a custom field of leads' });
      continue;
    }
    const entries: [string, unknown][] =
      raw !== null && typeof raw === 'object' ? Object.entries(raw) : [[OPERATORS[def.type][0], raw]];
    for (const [operator, value] of entries) {
      const path = ['customFields', slug, operator];
      if (!OPERATORS[def.type].includes(operator as Operator)) {
        errors.push({
          path,
          message: `is not an operator for a ${def.type} field (use ${OPERATORS[def.type].join(', ')})`,
        });
      } else if (typeof value !== 'string' || value.length > 255) {
        errors.push({ path, message: 'must be one value' });
      } else if (def.type === 'number' && !Number.isFinite(Number(value))) {
        errors.push({ path, message: 'must be a number' });
      } else if (def.type === 'checkbox' && !['true', 'false'].includes(value)) {
        errors.push({ path, message: 'must be true or false' });
      } else {
        const typed =
          def.type === 'number' ? Number(value) : def.type === 'checkbox' ? value === 'true' : value;
        conditions.push({ def, operator: operator as Operator, value: typed });
      }
    }
  }
  if (errors.length) throw validationError(errors);
  return conditions;
};

/** SQL reading one custom field's value out of the JSON column, per database. */
export const dialectSql = (client: string, column: string) => {
  const path = (slug: string) => `$."${slug}"`;
  if (client === 'postgres') {
    return {
      text: (slug: string) => [`(${column} ->> ?)`, [slug]] as const,
      number: (slug: string) => [`(${column} ->> ?)::numeric`, [slug]] as const,
      boolean: (slug: string, value: boolean) =>
        [`(${column} -> ?) = ?::jsonb`, [slug, JSON.stringify(value)]] as const,
      contains: (slug: string, value: string) =>
        [`(${column} -> ?) @> ?::jsonb`, [slug, JSON.stringify([value])]] as const,
    };
  }
  if (client === 'mysql') {
    return {
      text: (slug: string) => [`JSON_UNQUOTE(JSON_EXTRACT(${column}, ?))`, [path(slug)]] as const,
      number: (slug: string) =>
        [`CAST(JSON_UNQUOTE(JSON_EXTRACT(${column}, ?)) AS DECIMAL(30,10))`, [path(slug)]] as const,
      boolean: (slug: string, value: boolean) =>
        [`JSON_UNQUOTE(JSON_EXTRACT(${column}, ?)) = ?`, [path(slug), String(value)]] as const,
      contains: (slug: string, value: string) =>
        [`JSON_CONTAINS(JSON_EXTRACT(${column}, ?), ?)`, [path(slug), JSON.stringify(value)]] as const,
    };
  }
  return {
    text: (slug: string) => [`json_extract(${column}, ?)`, [path(slug)]] as const,
    number: (slug: string) => [`json_extract(${column}, ?)`, [path(slug)]] as const,
    boolean: (slug: string, value: boolean) =>
      [`json_extract(${column}, ?) = ?`, [path(slug), value ? 1 : 0]] as const,
    contains: (slug: string, value: string) =>
      [
        `EXISTS (SELECT 1 FROM json_each(${column}, ?) WHERE json_each.value = ?)`,
        [path(slug), value],
      ] as const,
  };
};

export const apply = (
  qb: Knex.QueryBuilder,
  sql: ReturnType<typeof dialectSql>,
  { def, operator, value }: Condition
) => {
  const slug = def.slug;
  if (def.type === 'checkbox') {
    const [expr, bindings] = sql.boolean(slug, value as boolean);
    return qb.whereRaw(expr, [...bindings]);
  }
  if (def.type === 'multiselect') {
    const [expr, bindings] = sql.contains(slug, value as string);
    return qb.whereRaw(expr, [...bindings]);
  }
  if (operator === '$containsi') {
    const [expr, bindings] = sql.text(slug);
    return qb.whereRaw(`LOWER(${expr}) LIKE ?`, [...bindings, `%${String(value).toLowerCase()}%`]);
  }
  const [expr, bindings] = def.type === 'number' ? sql.number(slug) : sql.text(slug);
  return qb.whereRaw(`${expr} ${SQL_OPERATOR[operator]} ?`, [...bindings, value]);
};

/**
 * Strapi's query engine cannot filter inside a JSON attribute on every database, so the
 * custom-field conditions select the matching lead ids with a little SQL per dialect; the list
 * then restricts itself to them, visibility and the other filters applying as usual.
 */
const customFieldFilter = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** The filter restricting leads to those matching `query`, or undefined when it is empty. */
  async toFilter(query: CustomFieldQuery | undefined): Promise<Filter | undefined> {
    if (!query || Object.keys(query).length === 0) return undefined;
    const conditions = parse(query, await getService(strapi, 'customFields').definitions('lead'));
    const meta = strapi.db.metadata.get(UID.lead);
    const column = columnOf(strapi, UID.lead, 'customFields');
    const sql = dialectSql(strapi.db.dialect.client, column);
    let qb = strapi.db.connection(meta.tableName).select('id');
    for (const condition of conditions) qb = apply(qb, sql, condition);
    // a subquery, not a list of ids: a million matching leads would not fit in one statement
    return { id: { $in: qb } };
  },
});

export default customFieldFilter;
export type CustomFieldFilterService = ReturnType<typeof customFieldFilter>;

import { validationError, type FieldError } from '../errors';
import { INTEGER_MAX, isCalendarDate, isDateTime, LONG_TEXT } from './common';

/** An attribute as the filter validator needs it: its type and, for a relation, its target. */
export interface FilterAttribute {
  type: string;
  target?: string;
}

/** The attributes of a model by uid (undefined for a model that does not exist). */
export type ModelAttributes = (uid: string) => Record<string, FilterAttribute> | undefined;

type Kind =
  'string' | 'integer' | 'biginteger' | 'decimal' | 'float' | 'boolean' | 'date' | 'datetime' | 'time';

const KIND_OF: Record<string, Kind> = {
  string: 'string',
  text: 'string',
  richtext: 'string',
  email: 'string',
  password: 'string',
  uid: 'string',
  enumeration: 'string',
  integer: 'integer',
  increments: 'integer',
  biginteger: 'biginteger',
  decimal: 'decimal',
  float: 'float',
  boolean: 'boolean',
  date: 'date',
  datetime: 'datetime',
  timestamp: 'datetime',
  time: 'time',
};

const COMPARE = ['$eq', '$ne', '$lt', '$lte', '$gt', '$gte'];
const SETS = ['$in', '$notIn'];
const NULLS = ['$null', '$notNull'];
const TEXT = [
  '$eqi',
  '$nei',
  '$contains',
  '$notContains',
  '$containsi',
  '$notContainsi',
  '$startsWith',
  '$startsWithi',
  '$endsWith',
  '$endsWithi',
];

/** Which operators each kind of attribute takes (text matching only on text). */
const OPERATORS: Record<Kind, string[]> = {
  string: [...COMPARE, ...SETS, ...NULLS, '$between', ...TEXT],
  integer: [...COMPARE, ...SETS, ...NULLS, '$between'],
  biginteger: [...COMPARE, ...SETS, ...NULLS, '$between'],
  decimal: [...COMPARE, ...SETS, ...NULLS, '$between'],
  float: [...COMPARE, ...SETS, ...NULLS, '$between'],
  boolean: ['$eq', '$ne', ...SETS, ...NULLS],
  date: [...COMPARE, ...SETS, ...NULLS, '$between'],
  datetime: [...COMPARE, ...SETS, ...NULLS, '$between'],
  time: [...COMPARE, ...SETS, ...NULLS, '$between'],
};

const LOGICAL = ['$and', '$or', '$not'];
const BIGINT_MAX = BigInt('9223372036854775807');
/** Filters may compare a decimal with more than the column holds, not with more than a double keeps exact. */
const FILTER_NUMBER_MAX = 1e15;
const DECIMAL_SYNTAX = /^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** Why `value` cannot be compared with an attribute of `kind`, or undefined when it can. */
export const scalarProblem = (kind: Kind, value: unknown): string | undefined => {
  if (value === null || typeof value === 'object') return 'must be one value';
  const text = String(value);
  switch (kind) {
    case 'integer':
    case 'biginteger': {
      if (!/^-?\d{1,20}$/.test(text)) return 'must be a whole number';
      const big = BigInt(text);
      const max = kind === 'integer' ? BigInt(INTEGER_MAX) : BIGINT_MAX;
      return big > max || big < -max ? `must be between -${max} and ${max}` : undefined;
    }
    case 'decimal':
    case 'float':
      if (!DECIMAL_SYNTAX.test(text) || !Number.isFinite(Number(text))) return 'must be a number';
      return Math.abs(Number(text)) > FILTER_NUMBER_MAX
        ? `must be between -${FILTER_NUMBER_MAX} and ${FILTER_NUMBER_MAX}`
        : undefined;
    case 'boolean':
      return ['true', 'false', '1', '0'].includes(text) ? undefined : 'must be true or false';
    case 'date':
      return isCalendarDate(text) || isDateTime(text) ? undefined : 'must be a date (YYYY-MM-DD)';
    case 'datetime':
      return isDateTime(text) ? undefined : 'must be a date and time (ISO 8601)';
    case 'time':
      return /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,3})?)?$/.test(text)
        ? undefined
        : 'must be a time (HH:mm:ss)';
    default:
      return text.length > LONG_TEXT ? `must be at most ${LONG_TEXT} characters` : undefined;
  }
};

const checkOperator = (
  kind: Kind,
  operator: string,
  value: unknown,
  path: string[],
  errors: FieldError[]
) => {
  if (!OPERATORS[kind].includes(operator)) {
    errors.push({
      path,
      message: LOGICAL.includes(operator)
        ? `cannot be used on a field: put ${operator} above the field`
        : `is not an operator for this field (use ${OPERATORS[kind].join(', ')})`,
    });
    return;
  }
  if (NULLS.includes(operator)) {
    const problem = scalarProblem('boolean', value);
    if (problem) errors.push({ path, message: problem });
    return;
  }
  if (SETS.includes(operator) || operator === '$between') {
    if (!Array.isArray(value)) {
      errors.push({ path, message: `must be a list (${path.join('.')}[0]=…&${path.join('.')}[1]=…)` });
      return;
    }
    if (operator === '$between' && value.length !== 2) {
      errors.push({ path, message: 'must be two values: the lower and upper bounds' });
      return;
    }
    value.forEach((item, i) => {
      const problem = scalarProblem(kind, item);
      if (problem) errors.push({ path: [...path, String(i)], message: problem });
    });
    return;
  }
  // `$eq`/`$ne` with no value (`filters[x][$eq]`) compare with NULL
  if (value === null && ['$eq', '$ne'].includes(operator)) return;
  const problem = scalarProblem(kind, value);
  if (problem) errors.push({ path, message: problem });
};

interface Walk {
  attributes: ModelAttributes;
  aliases: Record<string, string>;
  errors: FieldError[];
}

/** One field's condition: a value, a list of values, operators, or (a relation) the target's filters. */
const checkField = (walk: Walk, attribute: FilterAttribute, value: unknown, path: string[]) => {
  const relationTarget =
    attribute.type === 'relation' || attribute.type === 'media'
      ? (attribute.target ?? (attribute.type === 'media' ? 'plugin::upload.file' : undefined))
      : undefined;
  if (relationTarget) {
    if (isObject(value)) {
      // `$null`/`$notNull` on the relation itself; anything else is a filter on the target
      const { $null, $notNull, ...rest } = value;
      if ($null !== undefined) checkOperator('boolean', '$null', $null, [...path, '$null'], walk.errors);
      if ($notNull !== undefined)
        checkOperator('boolean', '$notNull', $notNull, [...path, '$notNull'], walk.errors);
      checkFilters(walk, relationTarget, rest, path, {});
      return;
    }
    // a bare value means the related row's id
    return checkField(walk, { type: 'integer' }, value, path);
  }
  const kind = KIND_OF[attribute.type];
  if (!kind) {
    walk.errors.push({ path, message: `cannot be filtered on (a ${attribute.type} field)` });
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      const problem = scalarProblem(kind, item);
      if (problem) walk.errors.push({ path: [...path, String(i)], message: problem });
    });
    return;
  }
  if (isObject(value)) {
    const entries = Object.entries(value);
    if (!entries.length) walk.errors.push({ path, message: 'must have an operator ($eq, $in, …)' });
    for (const [operator, operand] of entries) {
      if (!operator.startsWith('$')) {
        walk.errors.push({ path: [...path, operator], message: 'is not an operator ($eq, $in, …)' });
        continue;
      }
      checkOperator(kind, operator, operand, [...path, operator], walk.errors);
    }
    return;
  }
  if (value === null) return;
  const problem = scalarProblem(kind, value);
  if (problem) walk.errors.push({ path, message: problem });
};

const ATTRIBUTES_EVERY_ROW_HAS: Record<string, FilterAttribute> = {
  id: { type: 'integer' },
  documentId: { type: 'string' },
};

function checkFilters(
  walk: Walk,
  uid: string,
  filters: unknown,
  path: string[],
  aliases: Record<string, string>
): void {
  if (!isObject(filters)) {
    walk.errors.push({ path, message: 'must be an object of conditions (filters[field][$operator]=value)' });
    return;
  }
  const attributes = walk.attributes(uid);
  if (!attributes) {
    walk.errors.push({ path, message: 'cannot be filtered on' });
    return;
  }
  for (const [key, value] of Object.entries(filters)) {
    const at = [...path, key];
    if (key === '$and' || key === '$or') {
      if (!Array.isArray(value) || value.length === 0) {
        walk.errors.push({ path: at, message: 'must be a list of conditions ([0][field][$eq]=…)' });
        continue;
      }
      value.forEach((item, i) => checkFilters(walk, uid, item, [...at, String(i)], aliases));
      continue;
    }
    if (key === '$not') {
      checkFilters(walk, uid, value, at, aliases);
      continue;
    }
    if (key.startsWith('$')) {
      walk.errors.push({
        path: at,
        message: 'is not a logical operator here (use a field, $and, $or or $not)',
      });
      continue;
    }
    const attribute = attributes[aliases[key] ?? key] ?? ATTRIBUTES_EVERY_ROW_HAS[key];
    if (!attribute) {
      walk.errors.push({ path: at, message: 'is not a field that can be filtered on' });
      continue;
    }
    checkField(walk, attribute, value, at);
  }
}

/**
 * Checks `filters` (Strapi's query syntax) against the attributes of `uid`: each operator exists
 * for its field's type, each value has the shape and range the column holds, `$and`/`$or` are
 * lists of conditions and relations are checked against their target. Throws a 400 naming every
 * bad path. `aliases` maps the API's names to attribute names at the top level (`status`).
 */
export const validateFilters = (
  filters: unknown,
  uid: string,
  attributes: ModelAttributes,
  { path = ['filters'], aliases = {} }: { path?: string[]; aliases?: Record<string, string> } = {}
) => {
  const walk: Walk = { attributes, aliases, errors: [] };
  checkFilters(walk, uid, filters, path, aliases);
  if (walk.errors.length) throw validationError(walk.errors);
};

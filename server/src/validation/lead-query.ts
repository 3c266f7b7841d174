import { yup } from '@strapi/utils';
import { validationError } from '../errors';
import {
  DEFAULT_PAGE_SIZE,
  DEFAULT_SORT,
  MAX_PAGE_SIZE,
  SORTABLE_FIELDS,
  type SortField,
} from '../contracts/leads';
import { INTEGER_MAX, trimmedText, validateBody } from './common';

export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, SORTABLE_FIELDS, type SortField };

export interface LeadListQuery {
  page: number;
  pageSize: number;
  sort: { field: SortField; order: 'asc' | 'desc' }[];
  q?: string;
  filters?: Record<string, unknown>;
  includeConverted: boolean;
  includeLost: boolean;
  includeJunk: boolean;
  /** `me`, `unassigned` or a staff id. */
  assignedTo?: 'me' | 'unassigned' | number;
  /** Conditions on custom-field values, checked against their definitions by the reader. */
  customFields?: Record<string, unknown>;
  /** Keyset pagination: the leads after this row of the same sort (`nextCursor` of a page). */
  after?: { value: string; id: number };
}

/** Sorts a keyset cursor may follow: one never-empty column (then the id). */
export const KEYSET_FIELDS: readonly SortField[] = ['createdAt', 'updatedAt', 'name'];

/** The opaque `after` of a page whose last lead is `row` under `sort` (or undefined for other sorts). */
export const encodeCursor = (sort: LeadListQuery['sort'], value: unknown, id: number) => {
  if (sort.length !== 1 || !KEYSET_FIELDS.includes(sort[0].field) || value == null) return undefined;
  const key = `${sort[0].field}:${sort[0].order}`;
  const shown = value instanceof Date ? value.toISOString() : String(value);
  return Buffer.from(JSON.stringify([key, shown, id])).toString('base64url');
};

const decodeCursor = (raw: unknown, sort: LeadListQuery['sort']): LeadListQuery['after'] => {
  if (raw === undefined || raw === '') return undefined;
  const invalid = (message: string) => validationError([{ path: ['after'], message }]);
  if (typeof raw !== 'string' || raw.length > 1000) throw invalid('must be the nextCursor of a page');
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    throw invalid('must be the nextCursor of a page');
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 3 ||
    typeof parsed[0] !== 'string' ||
    typeof parsed[1] !== 'string' ||
    !Number.isSafeInteger(parsed[2]) ||
    parsed[2] <= 0
  ) {
    throw invalid('must be the nextCursor of a page');
  }
  const [key, value, id] = parsed as [string, string, number];
  if (sort.length !== 1 || key !== `${sort[0].field}:${sort[0].order}`) {
    throw invalid('belongs to another sort: ask for the first page again');
  }
  if (sort[0].field !== 'name' && Number.isNaN(Date.parse(value))) {
    throw invalid('must be the nextCursor of a page');
  }
  return { value, id };
};

const KNOWN = [
  'page',
  'pageSize',
  'sort',
  'q',
  'filters',
  'includeConverted',
  'includeLost',
  'includeJunk',
  'assignedTo',
  'customFields',
  'after',
];

const flag = () => yup.boolean().typeError('must be true or false').default(false);

const schema = yup.object({
  page: yup
    .number()
    .typeError('must be a whole number')
    .integer('must be a whole number')
    .min(1, 'must be 1 or more')
    .max(INTEGER_MAX, `must be at most ${INTEGER_MAX}`)
    .default(1),
  pageSize: yup
    .number()
    .typeError('must be a whole number')
    .integer('must be a whole number')
    .min(1, 'must be 1 or more')
    .max(MAX_PAGE_SIZE, `must be at most ${MAX_PAGE_SIZE}`)
    .default(DEFAULT_PAGE_SIZE),
  q: trimmedText(),
  filters: yup.object().typeError('must use the filters[field][$operator]=value syntax'),
  customFields: yup.object().typeError('must use the customFields[slug]=value syntax'),
  includeConverted: flag(),
  includeLost: flag(),
  includeJunk: flag(),
});

const parseSort = (raw: unknown): LeadListQuery['sort'] => {
  const value = raw === undefined || raw === '' ? DEFAULT_SORT : raw;
  const parts = (Array.isArray(value) ? value : String(value).split(',')).map((part) => String(part).trim());
  return parts.map((part) => {
    const [field, order = 'asc'] = part.split(':');
    if (
      !(SORTABLE_FIELDS as readonly string[]).includes(field) ||
      !['asc', 'desc'].includes(order.toLowerCase())
    ) {
      throw validationError([
        {
          path: ['sort'],
          message: `"${part}" is not a valid sort: use field:asc|desc with one of ${SORTABLE_FIELDS.join(', ')}`,
        },
      ]);
    }
    return { field: field as SortField, order: order.toLowerCase() as 'asc' | 'desc' };
  });
};

const parseAssignedTo = (raw: unknown): LeadListQuery['assignedTo'] => {
  if (raw === undefined || raw === '') return undefined;
  if (raw === 'me' || raw === 'unassigned') return raw;
  const id = Number(raw);
  if (!Number.isInteger(id) || id <= 0) {
    throw validationError([{ path: ['assignedTo'], message: 'must be "me", "unassigned" or a staff id' }]);
  }
  return id;
};

/** Validates the query of GET /crm/leads and /crm/leads/board (filters are checked against RBAC later). */
export const validateLeadListQuery = async (query: Record<string, unknown>): Promise<LeadListQuery> => {
  const unknown = Object.keys(query).filter((key) => !KNOWN.includes(key));
  if (unknown.length) {
    throw validationError(
      unknown.map((key) => ({ path: [key], message: 'is not a parameter of the leads list' }))
    );
  }
  const { sort, assignedTo, after, ...rest } = query;
  const parsed = await validateBody<Omit<LeadListQuery, 'sort' | 'assignedTo' | 'after'>>(schema, rest);
  const order = parseSort(sort);
  return {
    ...parsed,
    sort: order,
    assignedTo: parseAssignedTo(assignedTo),
    after: decodeCursor(after, order),
  };
};

/** Validates `page` and `pageSize` of the paginated section lists (activity, notes, ...). */
export const validatePagination = async (query: Record<string, unknown>) =>
  validateBody<{ page: number; pageSize: number }>(schema.pick(['page', 'pageSize']), {
    page: query.page,
    pageSize: query.pageSize,
  });

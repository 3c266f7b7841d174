import {
  DEFAULT_PAGE_SIZE,
  DEFAULT_SORT,
  MAX_PAGE_SIZE,
  type CustomFieldFilterOperator,
} from '../../../../server/src/contracts';
import type { LeadQuery } from '../../api/leads';

export { DEFAULT_SORT };

/** The list's state as it lives in the page's URL, so a reload or a shared link shows the same leads. */
export interface LeadFilterState {
  q: string;
  page: number;
  pageSize: number;
  sort: string;
  status: string[];
  source: string;
  assignedTo: string;
  tags: string[];
  visibility: '' | 'public' | 'private';
  createdFrom: string;
  createdTo: string;
  valueMin: string;
  valueMax: string;
  includeConverted: boolean;
  includeLost: boolean;
  includeJunk: boolean;
  /** Conditions on custom-field values: slug → operator (`$eq`, `$gte`, ...) → value. */
  customFields: CustomFieldFilters;
}

export type CustomFieldFilters = Record<string, Partial<Record<CustomFieldFilterOperator, string>>>;

/** `customFields[<slug>][<operator>]`, the API's own syntax, in the page's URL too. */
const CUSTOM_FIELD_PARAM = /^customFields\[([^\]]+)\]\[(\$[a-z]+)\]$/;
const customFieldParam = (slug: string, operator: string) => `customFields[${slug}][${operator}]`;

const readCustomFields = (params: URLSearchParams): CustomFieldFilters => {
  const filters: CustomFieldFilters = {};
  params.forEach((value, key) => {
    const match = CUSTOM_FIELD_PARAM.exec(key);
    if (!match || value === '') return;
    const [, slug, operator] = match;
    filters[slug] = { ...filters[slug], [operator]: value };
  });
  return filters;
};

/** Every non-empty condition as `[param, value]`, in a stable order. */
const customFieldEntries = (filters: CustomFieldFilters): [string, string][] =>
  Object.entries(filters)
    .sort(([a], [b]) => a.localeCompare(b))
    .flatMap(([slug, operators]) =>
      Object.entries(operators)
        .filter(([, value]) => value !== undefined && value !== '')
        .map(([operator, value]): [string, string] => [customFieldParam(slug, operator), String(value)])
    );

export const PAGE_SIZES = [10, DEFAULT_PAGE_SIZE, 50, MAX_PAGE_SIZE];

const positive = (raw: string | null, fallback: number) => {
  const n = Number(raw);
  return Number.isInteger(n) && n > 0 ? n : fallback;
};

/** Reads the state from URL search params, with the defaults of SPEC §4 for what is absent. */
export const readFilterState = (params: URLSearchParams): LeadFilterState => {
  const visibility = params.get('visibility');
  return {
    q: params.get('q') ?? '',
    page: positive(params.get('page'), 1),
    pageSize: Math.min(positive(params.get('pageSize'), DEFAULT_PAGE_SIZE), MAX_PAGE_SIZE),
    sort: params.get('sort') ?? DEFAULT_SORT,
    status: params.getAll('status'),
    source: params.get('source') ?? '',
    assignedTo: params.get('assignedTo') ?? '',
    tags: params.getAll('tags'),
    visibility: visibility === 'public' || visibility === 'private' ? visibility : '',
    createdFrom: params.get('createdFrom') ?? '',
    createdTo: params.get('createdTo') ?? '',
    valueMin: params.get('valueMin') ?? '',
    valueMax: params.get('valueMax') ?? '',
    includeConverted: params.get('includeConverted') === 'true',
    includeLost: params.get('includeLost') === 'true',
    includeJunk: params.get('includeJunk') === 'true',
    customFields: readCustomFields(params),
  };
};

/** Writes the state back, leaving defaults out of the URL. */
export const writeFilterState = (state: LeadFilterState, view: string): URLSearchParams => {
  const params = new URLSearchParams();
  if (view !== 'list') params.set('view', view);
  const set = (key: string, value: string, fallback = '') => value !== fallback && params.set(key, value);
  set('q', state.q);
  set('page', String(state.page), '1');
  set('pageSize', String(state.pageSize), String(DEFAULT_PAGE_SIZE));
  set('sort', state.sort, DEFAULT_SORT);
  state.status.forEach((s) => params.append('status', s));
  set('source', state.source);
  set('assignedTo', state.assignedTo);
  state.tags.forEach((t) => params.append('tags', t));
  set('visibility', state.visibility);
  set('createdFrom', state.createdFrom);
  set('createdTo', state.createdTo);
  set('valueMin', state.valueMin);
  set('valueMax', state.valueMax);
  for (const flag of ['includeConverted', 'includeLost', 'includeJunk'] as const) {
    if (state[flag]) params.set(flag, 'true');
  }
  customFieldEntries(state.customFields).forEach(([key, value]) => params.set(key, value));
  return params;
};

const nextDay = (date: string) => {
  const d = new Date(`${date}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString();
};

/**
 * The API query of `GET /crm/leads` (SPEC §9) for this state: Strapi filter syntax, the assignee
 * shortcut and the inclusion flags. `withPaging` is false for the board, which pages per column.
 */
export const toLeadQuery = (state: LeadFilterState, withPaging = true): LeadQuery => {
  const query: LeadQuery = [];
  if (withPaging) {
    query.push(['page', String(state.page)], ['pageSize', String(state.pageSize)], ['sort', state.sort]);
  }
  if (state.q.trim()) query.push(['q', state.q.trim()]);
  state.status.forEach((id, i) => query.push([`filters[status][documentId][$in][${i}]`, id]));
  if (state.source) query.push(['filters[source][documentId][$eq]', state.source]);
  state.tags.forEach((id, i) => query.push([`filters[tags][documentId][$in][${i}]`, id]));
  if (state.assignedTo) query.push(['assignedTo', state.assignedTo]);
  if (state.visibility) query.push(['filters[isPublic][$eq]', String(state.visibility === 'public')]);
  if (state.createdFrom) query.push(['filters[createdAt][$gte]', `${state.createdFrom}T00:00:00.000Z`]);
  if (state.createdTo) query.push(['filters[createdAt][$lt]', nextDay(state.createdTo)]);
  if (state.valueMin) query.push(['filters[value][$gte]', state.valueMin]);
  if (state.valueMax) query.push(['filters[value][$lte]', state.valueMax]);
  for (const flag of ['includeConverted', 'includeLost', 'includeJunk'] as const) {
    if (state[flag]) query.push([flag, 'true']);
  }
  query.push(...customFieldEntries(state.customFields));
  return query;
};

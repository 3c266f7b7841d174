import type { Core } from '@strapi/strapi';
import { IMPORT_LIMITS, quoteCell, type ImportDefaults, type ImportRowError } from '../../contracts/imports';
import { validationError, type FieldError } from '../../errors';
import { MESSAGES } from '../../rules/lead';
import { UID } from '../../uids';
import { getService } from '../../utils';
import { isEmptyValue } from '../../utils/values';
import { validateLeadCreate, type LeadInput } from '../../validation/lead';
import { checkValues, type CustomFieldDefinition } from '../custom-fields';
import type { ColumnTarget } from './mapping';
import { csvValue } from '../leads/csv';

/** Statuses, sources, tags and staff by name, read once per job so rows cost no lookups. */
export interface Reference {
  statuses: Map<string, { documentId: string; isCustomerStatus: boolean }>;
  sources: Map<string, string>;
  tags: Map<string, string>;
  staffByEmail: Map<string, number>;
  assignable: Set<number>;
  definitions: CustomFieldDefinition[];
  /** Statuses, sources and tags: their numeric ids by documentId (what a bulk insert links). */
  idOf: Map<string, number>;
}

const key = (text: string) => text.trim().toLowerCase();
const LIST_SEPARATOR = /[,;|]/;
const TRUE = ['true', 'yes', '1', 'y', 'x'];
const FALSE = ['false', 'no', '0', 'n', ''];

/** "yes" / "no" and friends as booleans; anything else is left for validation to refuse. */
const asBoolean = (value: string): boolean | string => {
  const v = key(value);
  if (TRUE.includes(v)) return true;
  if (FALSE.includes(v)) return false;
  return value;
};

export const loadReference = async (strapi: Core.Strapi): Promise<Reference> => {
  const [statuses, sources, tags, staff, definitions] = await Promise.all([
    strapi.db.query(UID.leadStatus).findMany({ select: ['id', 'documentId', 'name', 'isCustomerStatus'] }),
    strapi.db.query(UID.leadSource).findMany({ select: ['id', 'documentId', 'name'] }),
    strapi.db.query(UID.tag).findMany({ select: ['id', 'documentId', 'name'] }),
    getService(strapi, 'staff').assignable(),
    getService(strapi, 'customFields').definitions('lead'),
  ]);
  const assignable = new Set(staff.map((s) => s.id));
  const users = assignable.size
    ? await strapi.db
        .query('admin::user')
        .findMany({ where: { id: { $in: [...assignable] } }, select: ['id', 'email'] })
    : [];
  type Named = { id: number; documentId: string; name: string };
  return {
    statuses: new Map(
      statuses.map((s: Named & { isCustomerStatus: boolean }) => [
        key(s.name),
        { documentId: s.documentId, isCustomerStatus: !!s.isCustomerStatus },
      ])
    ),
    sources: new Map(sources.map((s: Named) => [key(s.name), s.documentId])),
    tags: new Map(tags.map((t: Named) => [key(t.name), t.documentId])),
    staffByEmail: new Map(users.map((u: { id: number; email: string }) => [key(u.email), u.id])),
    assignable,
    definitions,
    idOf: new Map([...statuses, ...sources, ...tags].map((row: Named) => [row.documentId, Number(row.id)])),
  };
};

/** The defaults of the options checked against the reference data: a 400 names each bad one. */
export const checkDefaults = (defaults: ImportDefaults | undefined, ref: Reference) => {
  const errors: FieldError[] = [];
  const statuses = [...ref.statuses.values()];
  if (defaults?.status) {
    const status = statuses.find((s) => s.documentId === defaults.status);
    if (!status) errors.push({ path: ['defaults', 'status'], message: 'is not an existing status' });
    else if (status.isCustomerStatus)
      errors.push({ path: ['defaults', 'status'], message: MESSAGES.customerStatus });
  }
  if (defaults?.source && ![...ref.sources.values()].includes(defaults.source))
    errors.push({ path: ['defaults', 'source'], message: 'is not an existing source' });
  if (defaults?.assignedTo != null && !ref.assignable.has(defaults.assignedTo))
    errors.push({
      path: ['defaults', 'assignedTo'],
      message: 'is not a staff member who can be assigned work',
    });
  if (errors.length) throw validationError(errors);
};

const fromError = (row: number, error: unknown): ImportRowError[] => {
  const details = (error as { details?: { errors?: FieldError[] } }).details?.errors;
  if (details?.length) return details.map((e) => ({ row, path: e.path.join('.'), message: e.message }));
  return [{ row, path: '', message: (error as Error).message }];
};

export { fromError as rowErrorsOf };

/** The longest message a row's error keeps (a message quoting the cell is cut before). */
const MESSAGE_CHARS = 300;

/**
 * A row's errors as they are kept: each message at most MESSAGE_CHARS long, at most
 * `IMPORT_LIMITS.errorsPerRow` of them, the last one saying how many more there were.
 */
export const capRowErrors = (errors: ImportRowError[]): ImportRowError[] => {
  const cut = (e: ImportRowError) =>
    e.message.length > MESSAGE_CHARS ? { ...e, message: `${e.message.slice(0, MESSAGE_CHARS)}…` } : e;
  const max = IMPORT_LIMITS.errorsPerRow;
  if (errors.length <= max) return errors.map(cut);
  const more = errors.length - (max - 1);
  return [
    ...errors.slice(0, max - 1).map(cut),
    { row: errors[0].row, path: '', message: `and ${more} more errors in this row` },
  ];
};

/** One error for all the unknown names of a list cell, naming the first few. */
const unknownNames = (names: string[], what: string) => {
  const named = names.slice(0, IMPORT_LIMITS.namesPerError).map(quoteCell).join(', ');
  const more = names.length - IMPORT_LIMITS.namesPerError;
  return names.length === 1
    ? `${named} is not an existing ${what}`
    : `${named}${more > 0 ? ` and ${more} more` : ''} are not existing ${what}s`;
};

/**
 * One CSV row as the body of POST /crm/leads, checked by the same schema and the same
 * custom-field checks; names resolved to ids; defaults filling what the row leaves empty.
 * Answers the input, or the row's errors.
 */
export const readRow = async (
  row: number,
  cells: string[],
  columns: ColumnTarget[],
  ref: Reference,
  defaults: ImportDefaults | undefined
): Promise<{ input: LeadInput; errors: [] } | { input: null; errors: ImportRowError[] }> => {
  const errors: ImportRowError[] = [];
  const refuse = (path: string, message: string) => errors.push({ row, path, message });
  const body: Record<string, unknown> = {};
  const custom: Record<string, unknown> = {};
  for (const column of columns) {
    const raw = csvValue((cells[column.index] ?? '').trim());
    if (column.kind === 'custom') {
      const type = column.definition.type;
      if (raw === '') continue;
      custom[column.definition.slug] =
        type === 'checkbox'
          ? asBoolean(raw)
          : type === 'multiselect'
            ? raw
                .split(LIST_SEPARATOR)
                .map((v) => v.trim())
                .filter(Boolean)
            : raw;
      continue;
    }
    if (raw === '') continue;
    switch (column.field) {
      case 'status': {
        const status = ref.statuses.get(key(raw));
        if (!status) refuse('status', `${quoteCell(raw)} is not an existing status`);
        else if (status.isCustomerStatus) refuse('status', MESSAGES.customerStatus);
        else body.status = status.documentId;
        break;
      }
      case 'source': {
        const source = ref.sources.get(key(raw));
        if (!source) refuse('source', `${quoteCell(raw)} is not an existing source`);
        else body.source = source;
        break;
      }
      case 'tags': {
        const ids: string[] = [];
        const unknown: string[] = [];
        for (const name of raw
          .split(LIST_SEPARATOR)
          .map((t) => t.trim())
          .filter(Boolean)) {
          const tag = ref.tags.get(key(name));
          if (!tag) unknown.push(name);
          else ids.push(tag);
        }
        if (unknown.length) refuse('tags', unknownNames([...new Set(unknown)], 'tag'));
        body.tags = [...new Set(ids)];
        break;
      }
      case 'assignedToEmail': {
        const id = ref.staffByEmail.get(key(raw));
        if (id === undefined)
          refuse('assignedToEmail', `${quoteCell(raw)} is not a staff member who can be assigned work`);
        else body.assignedTo = id;
        break;
      }
      case 'isPublic':
      case 'contactedToday':
        body[column.field] = asBoolean(raw);
        break;
      default:
        body[column.field] = raw;
    }
  }
  if (body.status === undefined && defaults?.status && !errors.some((e) => e.path === 'status'))
    body.status = defaults.status;
  if (body.source === undefined && defaults?.source && !errors.some((e) => e.path === 'source'))
    body.source = defaults.source;
  if (
    body.assignedTo === undefined &&
    defaults?.assignedTo != null &&
    !errors.some((e) => e.path === 'assignedToEmail')
  )
    body.assignedTo = defaults.assignedTo;
  if (body.isPublic === undefined && defaults?.isPublic !== undefined) body.isPublic = defaults.isPublic;

  let input: LeadInput | null = null;
  try {
    input = await validateLeadCreate(body);
  } catch (error) {
    // a status or source refused by name above is not also "required"
    const named = new Set(errors.map((e) => e.path));
    errors.push(...fromError(row, error).filter((e) => !named.has(e.path)));
  }
  const checked = checkValues(ref.definitions, custom, 'is not a custom field of leads');
  errors.push(...checked.errors.map((e) => ({ row, path: e.path.join('.'), message: e.message })));
  for (const def of ref.definitions) {
    if (
      def.required &&
      isEmptyValue(checked.checked[def.slug]) &&
      !errors.some((e) => e.path === `customFields.${def.slug}`)
    )
      refuse(`customFields.${def.slug}`, 'is required');
  }
  if (errors.length || !input) return { input: null, errors: capRowErrors(errors) };
  return { input: { ...input, customFields: checked.checked }, errors: [] };
};

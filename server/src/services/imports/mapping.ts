import {
  IMPORT_FIELDS,
  IMPORT_FORBIDDEN_TARGETS,
  type ImportField,
  type ImportMapping,
} from '../../contracts/imports';
import { validationError, type FieldError } from '../../errors';
import { MESSAGES } from '../../rules/lead';
import type { CustomFieldDefinition } from '../custom-fields';

/** A column of the file and what it fills: a lead field or a custom field. */
export type ColumnTarget = { index: number; header: string } & (
  { kind: 'field'; field: ImportField } | { kind: 'custom'; definition: CustomFieldDefinition }
);

const normal = (text: string) => text.trim().toLowerCase();

/** Without a mapping: a header equal to a field name or label, or a custom field's slug or name. */
export const autoMapping = (headers: string[], definitions: CustomFieldDefinition[]): ImportMapping => {
  const byName = new Map<string, string>();
  for (const [field, label] of Object.entries(IMPORT_FIELDS)) {
    byName.set(normal(field), field);
    byName.set(normal(label), field);
  }
  for (const def of definitions) {
    if (!byName.has(normal(def.slug))) byName.set(normal(def.slug), def.slug);
    if (!byName.has(normal(def.name))) byName.set(normal(def.name), def.slug);
  }
  const mapping: ImportMapping = {};
  const taken = new Set<string>();
  for (const header of headers) {
    const target = byName.get(normal(header));
    if (target && !taken.has(target)) {
      mapping[header] = target;
      taken.add(target);
    }
  }
  return mapping;
};

/**
 * The columns to read: each mapping entry must name a header of the file and a lead field or an
 * active lead custom field, once; the conversion fields are never a target (SPEC §5); `name` must
 * be filled by some column. A 400 names every problem.
 */
export const resolveColumns = (
  headers: string[],
  mapping: ImportMapping,
  definitions: CustomFieldDefinition[]
): ColumnTarget[] => {
  const errors: FieldError[] = [];
  const bySlug = new Map(definitions.map((d) => [d.slug, d]));
  const columns: ColumnTarget[] = [];
  const seen = new Set<string>();
  for (const [header, target] of Object.entries(mapping)) {
    const index = headers.indexOf(header);
    const path = ['mapping', header];
    if (index < 0) errors.push({ path, message: 'is not a column of the file' });
    else if ((IMPORT_FORBIDDEN_TARGETS as readonly string[]).includes(target))
      errors.push({
        path,
        message: `${target} ${MESSAGES.conversionOnly} or its own action, never by an import`,
      });
    else if (seen.has(target))
      errors.push({ path, message: `maps to ${target}, which another column fills` });
    else if (Object.prototype.hasOwnProperty.call(IMPORT_FIELDS, target))
      columns.push({ index, header, kind: 'field', field: target as ImportField });
    else if (bySlug.has(target))
      columns.push({ index, header, kind: 'custom', definition: bySlug.get(target)! });
    else errors.push({ path, message: `${target} is not a lead field or custom field` });
    seen.add(target);
  }
  if (!errors.length && !columns.some((c) => c.kind === 'field' && c.field === 'name'))
    errors.push({ path: ['mapping'], message: 'must map a column to name (the lead name is required)' });
  if (errors.length) throw validationError(errors);
  // in the file's order: a row's errors then follow its columns, whatever order the stored mapping's
  // keys come back in (PostgreSQL's jsonb sorts them)
  return columns.sort((a, b) => a.index - b.index);
};

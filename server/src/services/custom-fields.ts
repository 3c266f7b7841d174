import type { Core } from '@strapi/strapi';
import { yup } from '@strapi/utils';
import type { FieldError } from '../errors';
import { isCalendarDate, LONG_TEXT, SHORT_TEXT } from '../validation/common';
import { UID } from '../uids';
import { isEmptyValue } from '../utils/values';

export type CustomFieldType =
  'text' | 'textarea' | 'number' | 'date' | 'select' | 'multiselect' | 'checkbox' | 'url' | 'email';

export interface CustomFieldDefinition {
  id: number;
  documentId: string;
  name: string;
  slug: string;
  target: 'lead' | 'customer';
  type: CustomFieldType;
  options: string[] | null;
  required: boolean;
  active: boolean;
  personal: boolean;
  webForm: boolean;
}

type Check = (value: unknown, def: CustomFieldDefinition) => { value?: unknown; error?: string };

const isEmail = (v: string) => yup.string().email().isValidSync(v);
const isUrl = (v: string) => /^https?:\/\//i.test(v) && yup.string().url().isValidSync(v);
const stringOf =
  (max: number, test?: (v: string) => boolean, what?: string): Check =>
  (value) => {
    if (typeof value !== 'string') return { error: `must be ${what ?? 'text'}` };
    if (value.length > max) return { error: `must be at most ${max} characters` };
    if (test && !test(value)) return { error: `must be ${what}` };
    return { value };
  };

/** How each custom-field type accepts a value; the value returned is what is stored. */
const CHECKS: Record<CustomFieldType, Check> = {
  text: stringOf(SHORT_TEXT),
  textarea: stringOf(LONG_TEXT),
  url: stringOf(SHORT_TEXT, isUrl, 'a valid http(s) URL'),
  email: stringOf(SHORT_TEXT, isEmail, 'a valid email address'),
  date: stringOf(10, isCalendarDate, 'a date (YYYY-MM-DD)'),
  number: (value) => {
    const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
    return typeof n === 'number' && Number.isFinite(n) ? { value: n } : { error: 'must be a number' };
  },
  checkbox: (value) => (typeof value === 'boolean' ? { value } : { error: 'must be true or false' }),
  select: (value, def) =>
    typeof value === 'string' && (def.options ?? []).includes(value)
      ? { value }
      : { error: `must be one of: ${(def.options ?? []).join(', ')}` },
  multiselect: (value, def) =>
    Array.isArray(value) && value.every((v) => typeof v === 'string' && (def.options ?? []).includes(v))
      ? { value: [...new Set(value)] }
      : { error: `must be a list of: ${(def.options ?? []).join(', ')}` },
};

/** Checks one value against its definition's type: the value to store, or the error. */
export const checkValue = (def: CustomFieldDefinition, value: unknown) => CHECKS[def.type](value, def);

/**
 * The one loop that checks submitted custom-field values against their definitions (lead and
 * customer writes, web forms, imports): the checked values, the slugs sent empty, and an error for
 * each unknown slug (`unknown` says why) or value of the wrong type.
 */
export const checkValues = (
  definitions: CustomFieldDefinition[],
  values: Record<string, unknown> | null | undefined,
  unknown: string
) => {
  const bySlug = new Map(definitions.map((d) => [d.slug, d]));
  const checked: Record<string, unknown> = {};
  const emptied: string[] = [];
  const errors: FieldError[] = [];
  for (const [slug, value] of Object.entries(values ?? {})) {
    const def = bySlug.get(slug);
    if (!def) errors.push({ path: ['customFields', slug], message: unknown });
    else if (isEmptyValue(value)) emptied.push(slug);
    else {
      const result = checkValue(def, value);
      if (result.error) errors.push({ path: ['customFields', slug], message: result.error });
      else checked[slug] = result.value;
    }
  }
  return { checked, emptied, errors };
};

/** Custom-field definitions, and the validation of the values a record holds for them. */
const customFieldsService = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Active definitions of `target`, in their display order. */
  async definitions(target: 'lead' | 'customer'): Promise<CustomFieldDefinition[]> {
    return strapi.db.query(UID.customField).findMany({
      where: { target, active: true },
      orderBy: [{ order: 'asc' }, { id: 'asc' }],
    });
  },

  /**
   * Checks `values` (keyed by slug) against the active definitions of `target` and returns them
   * merged over `current`; an empty value removes the key. Errors name `customFields.<slug>`.
   */
  async validate(
    target: 'lead' | 'customer',
    values: Record<string, unknown> | null | undefined,
    current: Record<string, unknown> | null = null
  ): Promise<{ values: Record<string, unknown>; errors: FieldError[] }> {
    const definitions = await this.definitions(target);
    const { checked, emptied, errors } = checkValues(
      definitions,
      values,
      `is not a custom field of ${target}s`
    );
    const merged: Record<string, unknown> = { ...(current ?? {}), ...checked };
    for (const slug of emptied) delete merged[slug];
    for (const def of definitions) {
      if (def.required && isEmptyValue(merged[def.slug])) {
        errors.push({ path: ['customFields', def.slug], message: 'is required' });
      }
    }
    return { values: merged, errors };
  },
});

export default customFieldsService;
export type CustomFieldsService = ReturnType<typeof customFieldsService>;

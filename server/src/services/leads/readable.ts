import type { Core } from '@strapi/strapi';
import { MIRRORS } from '../../database/lead-mirrors';
import { CM_ACTION, UID } from '../../uids';
import { record } from '../../utils/row-values';
import type { UserAbility } from '../visibility';

/**
 * Answer keys named differently from the attribute behind them; a mirror column
 * (database/lead-mirrors) is as readable as the relation it mirrors.
 */
const ATTRIBUTE_OF: Record<string, string> = {
  status: 'leadStatus',
  ...Object.fromEntries(MIRRORS.map(({ attribute, relation }) => [attribute, relation])),
};

export const attributeOf = (key: string) => ATTRIBUTE_OF[key] ?? key;

/** Whether an answer key or sort field is readable with these hidden attributes. */
export type Readable = (key: string) => boolean;

/**
 * The fields of `uid` (a lead, a customer, a section) that `ability` may read: a role whose read
 * permission lists only some fields sees, searches, filters and sorts on those only (SPEC §3.1),
 * as the Content Manager does. The fields are those the role editor offers; ids and timestamps
 * are always readable.
 */
export const readableFields = (strapi: Core.Strapi, ability: UserAbility, uid: string): Readable => {
  const fields = strapi
    .service('admin::content-type')
    .getNestedFields(strapi.contentTypes[uid as keyof typeof strapi.contentTypes], {
      components: strapi.components,
    }) as string[];
  const hidden = new Set(fields.filter((field) => !ability.can(CM_ACTION.read, uid, field)));
  return (key) => !hidden.has(uid === UID.lead ? attributeOf(key) : key);
};

/** The lead fields `ability` may read (see `readableFields`). */
export const readableLeadFields = (strapi: Core.Strapi, ability: UserAbility): Readable =>
  readableFields(strapi, ability, UID.lead);

/** `lead` (an answer's shape) without the keys the caller may not read. */
export const onlyReadable = <T extends object>(lead: T, readable: Readable): T =>
  Object.fromEntries(Object.entries(lead).filter(([key]) => readable(key))) as T;

/** Activity actions whose data carries the value of one lead field. */
const ACTION_FIELD: Record<string, string> = {
  status_changed: 'leadStatus',
  assigned: 'assignedTo',
  created: 'name',
  email_changed_on_conversion: 'email',
  attachment_added: 'attachments',
  attachment_deleted: 'attachments',
};

interface ActivityRow {
  action: string;
  data?: unknown;
}

/**
 * An activity row without the values of fields the caller may not read: a field change keeps the
 * field's name (that it changed), not its old and new values; a note's excerpt goes with the read
 * right on notes' bodies. Its data is always an object.
 */
export const readableActivity = <T extends ActivityRow>(
  row: T,
  readable: Readable,
  { noteBodies }: { noteBodies: boolean }
): Omit<T, 'data'> & { data: Record<string, unknown> } => {
  const stored = record(row.data);
  // a note's row carries the first words of its body: only for those who may read notes' bodies
  const data =
    noteBodies || !('excerpt' in stored)
      ? stored
      : Object.fromEntries(Object.entries(stored).filter(([key]) => key !== 'excerpt'));
  const field =
    row.action === 'field_changed' && typeof data.field === 'string'
      ? data.field.split('.')[0]
      : ACTION_FIELD[row.action];
  if (!field || readable(field)) return { ...row, data };
  return { ...row, data: row.action === 'field_changed' ? { field: data.field } : {} };
};

import type { Core } from '@strapi/strapi';
import { CM_ACTION, UID } from '../../uids';
import type { UserAbility } from '../visibility';

/** Answer keys named differently from the attribute behind them. */
const ATTRIBUTE_OF: Record<string, string> = { status: 'leadStatus' };

export const attributeOf = (key: string) => ATTRIBUTE_OF[key] ?? key;

/** Whether an answer key or sort field is readable with these hidden attributes. */
export type Readable = (key: string) => boolean;

/**
 * The lead fields `ability` may read: a role whose read permission lists only some fields sees,
 * searches, filters and sorts on those only (SPEC §3.1), as the Content Manager does. The fields
 * are those the role editor offers; ids and timestamps are always readable.
 */
export const readableLeadFields = (strapi: Core.Strapi, ability: UserAbility): Readable => {
  const fields = strapi.service('admin::content-type').getNestedFields(strapi.contentTypes[UID.lead], {
    components: strapi.components,
  }) as string[];
  const hidden = new Set(fields.filter((field) => !ability.can(CM_ACTION.read, UID.lead, field)));
  return (key) => !hidden.has(attributeOf(key));
};

/** `lead` (an answer's shape) without the keys the caller may not read. */
export const onlyReadable = <T extends object>(lead: T, readable: Readable): T =>
  Object.fromEntries(Object.entries(lead).filter(([key]) => readable(key))) as T;

import type { Core } from '@strapi/strapi';
import type { FileRow } from '../../content-types/rows';
import type { CustomerDetail, LeadDetail } from '../../contracts';
import { forbiddenError } from '../../errors';
import { CM_ACTION } from '../../uids';
import { UID } from '../../uids';
import type { DocumentRow } from '../../types';
import { record, rows } from '../../utils/row-values';
import { isEmptyValue } from '../../utils/values';
import { FILE } from '../attachments';
import { PRIVATE_PROVIDER } from '../attachments/private-store';
import type { CustomFieldDefinition } from '../custom-fields';
import { onlyReadable, readableFields, readableLeadFields } from '../leads/readable';
import type { UserAbility } from '../visibility';

interface MorphJoinTable {
  name: string;
  joinColumn: { name: string };
  morphColumn: { idColumn: { name: string }; typeColumn: { name: string } };
  orderBy?: Record<string, 'asc' | 'desc'>;
}

/**
 * The lead's files a conversion copies to the customer: those in the plugin's private store, in
 * the lead's order. Their links are read first, in one statement inside the current transaction
 * (a lead without files, the common case, costs no more), then the files themselves.
 */
export const privateFilesOf = async (strapi: Core.Strapi, leadId: number): Promise<FileRow[]> => {
  const joinTable = (
    strapi.db.metadata.get(FILE).attributes as Record<string, { joinTable?: MorphJoinTable }>
  ).related.joinTable!;
  const { idColumn, typeColumn } = joinTable.morphColumn;
  const links: { fileId: number | string }[] = await strapi.db.transaction(({ trx }) => {
    const query = trx(joinTable.name)
      .select({ fileId: joinTable.joinColumn.name })
      .where({ [idColumn.name]: leadId, [typeColumn.name]: UID.lead, field: 'attachments' });
    return query.orderBy(
      Object.entries(joinTable.orderBy ?? {}).map(([column, order]) => ({ column, order }))
    );
  });
  if (!links.length) return [];
  const ids = links.map((link) => Number(link.fileId));
  const files: FileRow[] = await strapi.db
    .query(FILE)
    .findMany({ where: { id: { $in: ids }, provider: PRIVATE_PROVIDER } });
  return files.sort((a, b) => ids.indexOf(Number(a.id)) - ids.indexOf(Number(b.id)));
};

/**
 * Field-level permissions on the conversion (SPEC §3.1, §6). What the server copies from the lead
 * on its own — the custom-field values (merged by default; the prefill shows none of them to a
 * caller who may not read them, so the dialog would skip them all), a new customer's tags, the
 * files — the caller must be able to read on the lead: copied, they would read them on the
 * customer; dropped, the conversion would lose them. Such a conversion is a 403 that changes
 * nothing: someone who may read those fields converts the lead.
 */
export const checkCarriedFieldsReadable = async (
  strapi: Core.Strapi,
  ability: UserAbility,
  lead: DocumentRow,
  definitions: CustomFieldDefinition[],
  { createsCustomer }: { createsCustomer: boolean }
) => {
  const readable = readableLeadFields(strapi, ability);
  const values = record(lead.customFields);
  const carried = [
    !readable('customFields') && definitions.some((def) => !isEmptyValue(values[def.slug]))
      ? 'custom fields'
      : null,
    createsCustomer && !readable('tags') && rows(lead.tags).length > 0 ? 'tags' : null,
    !readable('attachments') && (await privateFilesOf(strapi, lead.id)).length > 0 ? 'attachments' : null,
  ].filter((name): name is string => name !== null);
  if (!carried.length) return;
  const names = carried.length > 1 ? `${carried.slice(0, -1).join(', ')} and ${carried.at(-1)}` : carried[0];
  throw forbiddenError(
    `Your role may not read the ${names} of this lead, which a conversion carries to the customer: ask someone who may read them to convert it`
  );
};

/**
 * The conversion's answer as the caller may read it: the lead as GET /crm/leads/:id answers it,
 * the customer without the fields their role may not read on customers (as the Content Manager
 * answers it), and the customer's origin lead by the lead's rights.
 */
export const readableConversion = (
  strapi: Core.Strapi,
  ability: UserAbility,
  { customer, lead }: { customer: CustomerDetail; lead: LeadDetail }
) => {
  const readableLead = readableLeadFields(strapi, ability);
  const shown = onlyReadable(customer, readableFields(strapi, ability, UID.customer));
  return {
    customer: shown.lead ? { ...shown, lead: onlyReadable(shown.lead, readableLead) } : shown,
    lead: onlyReadable(lead, readableLead),
  };
};

/**
 * The customer fields a conversion writes, checked against the caller's create rights on customers
 * (update rights when it merges into an existing one), as the Content Manager checks a customer
 * it writes: a value the role may not write there is a 403 that changes nothing (dropped, the
 * conversion would lose it; the lead keeps its own). The full name and the links to the lead are
 * the conversion's own.
 */
export const checkCustomerFieldsWritable = (
  ability: UserAbility,
  data: Record<string, unknown>,
  { merging, customFields, tags }: { merging: boolean; customFields: boolean; tags: boolean }
) => {
  const action = merging ? CM_ACTION.update : CM_ACTION.create;
  const written = [
    ...Object.entries(data)
      .filter(([, value]) => !isEmptyValue(value))
      .map(([field]) => field),
    ...(customFields ? ['customFields'] : []),
    ...(tags && !merging ? ['tags'] : []),
  ];
  const refused = written.filter((field) => ability.cannot(action, UID.customer, field));
  if (!refused.length) return;
  throw forbiddenError(
    `Your role may not ${merging ? 'change' : 'write'} these customer fields, which this conversion would fill: ${refused.join(', ')}`
  );
};

/**
 * The follow-up task a conversion creates, checked as the section routes and the Content Manager
 * check a task: the role must create tasks, and write the fields the caller filled (the customer
 * link and the open status are the conversion's own). A task the role could not create that way
 * is a 403 that changes nothing.
 */
export const checkFollowUpTaskWritable = (ability: UserAbility, task: Record<string, unknown>) => {
  if (ability.cannot(CM_ACTION.create, UID.task))
    throw forbiddenError('Your role may not create tasks: convert without a follow-up task');
  const refused = Object.entries(task)
    .filter(([field, value]) => !isEmptyValue(value) && ability.cannot(CM_ACTION.create, UID.task, field))
    .map(([field]) => field);
  if (refused.length)
    throw forbiddenError(
      `Your role may not write these task fields, which the follow-up task would fill: ${refused.join(', ')}`
    );
};

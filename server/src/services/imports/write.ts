import type { Core } from '@strapi/strapi';
import type { DuplicatePolicy, ImportRowError } from '../../contracts/imports';
import { isUniqueViolation } from '../../database/customer-email';
import type { DocumentRow as Row } from '../../types';
import { UID } from '../../uids';
import { getService } from '../../utils';
import { isEmptyValue } from '../../utils/values';
import type { LeadInput } from '../../validation/lead';
import { CONDITION_POPULATE, type Filter, type UserAbility } from '../visibility';
import { rowErrorsOf } from './rows';

export type RowOutcome = 'created' | 'updated' | 'skipped' | ImportRowError[];

/** Fields an `update` import may fill on an existing lead when they are empty there. */
const FILLABLE = [
  'position',
  'website',
  'phone',
  'value',
  'company',
  'address',
  'city',
  'state',
  'country',
  'zip',
  'description',
  'lastContactAt',
] as const;

/** The importer as a request would carry them: the lead rules and the activity log read it. */
export interface Importer {
  user: { id: number };
  ability: UserAbility;
  /** Leads the importer sees: duplicates are looked for among them only (a hidden lead is not revealed). */
  visible: Filter | null;
}

/**
 * Writes one checked row as the importer, inside the batch's transaction and behind a savepoint:
 * a row refused by the lead rules (document middlewares) is undone alone and reported.
 */
export const writeRow = async (
  strapi: Core.Strapi,
  importer: Importer,
  row: number,
  input: LeadInput,
  duplicates: DuplicatePolicy
): Promise<RowOutcome> => {
  const checker = getService(strapi, 'visibility').checker(importer.ability);
  const existing =
    duplicates !== 'create' && input.email ? await findDuplicate(strapi, importer, input.email) : null;
  if (existing && duplicates === 'skip') return 'skipped';

  return strapi.db.transaction(async ({ trx }) => {
    await trx.raw('SAVEPOINT crm_import_row');
    try {
      let outcome: RowOutcome;
      if (existing) {
        if (checker.cannot.update(existing))
          outcome = [{ row, path: 'email', message: 'matches a lead you may not update' }];
        else outcome = await fillEmpty(strapi, checker, importer, existing, input);
      } else {
        const { status, source, tags, customFields, ...scalars } = input;
        const data = await checker.sanitizeCreateInput({
          ...scalars,
          leadStatus: status,
          source,
          tags,
          customFields,
        });
        await strapi.documents(UID.lead).create({
          data: { ...data, createdBy: importer.user.id, updatedBy: importer.user.id } as never,
        });
        outcome = 'created';
      }
      await trx.raw('RELEASE SAVEPOINT crm_import_row');
      return outcome;
    } catch (error) {
      const name = (error as { name?: string }).name;
      if (
        !['ValidationError', 'ForbiddenError', 'ConflictError'].includes(name ?? '') &&
        !isUniqueViolation(error)
      )
        throw error;
      await trx.raw('ROLLBACK TO SAVEPOINT crm_import_row');
      return rowErrorsOf(row, error);
    }
  });
};

/**
 * The newest lead with this email that the importer sees. Looked up by email alone first (the
 * index on LOWER(email) answers it), then the few candidates through the visibility filter: the
 * filter's joins in one query made every row read every lead.
 */
const findDuplicate = async (strapi: Core.Strapi, importer: Importer, email: string): Promise<Row | null> => {
  if (importer.visible === null) return null;
  const candidates: { id: number }[] = await strapi.db
    .query(UID.lead)
    .findMany({ where: { email: { $eqi: email } }, select: ['id'] });
  if (!candidates.length) return null;
  const ids = { id: { $in: candidates.map((c) => c.id) } };
  const [lead] = await strapi.db.query(UID.lead).findMany({
    where: Object.keys(importer.visible).length ? { $and: [ids, importer.visible] } : ids,
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    limit: 1,
    populate: {
      ...CONDITION_POPULATE,
      tags: { select: ['id'] },
      leadStatus: { select: ['isCustomerStatus'] },
    },
  });
  return lead ?? null;
};

/** `update`: fills only what the existing lead leaves empty; nothing to fill counts as skipped. */
const fillEmpty = async (
  strapi: Core.Strapi,
  checker: ReturnType<ReturnType<typeof getService<'visibility'>>['checker']>,
  importer: Importer,
  existing: Row,
  input: LeadInput
): Promise<RowOutcome> => {
  const data: Record<string, unknown> = {};
  for (const field of FILLABLE) {
    if (!isEmptyValue(input[field]) && isEmptyValue(existing[field])) data[field] = input[field];
  }
  if (input.assignedTo != null && !existing.assignedTo) data.assignedTo = input.assignedTo;
  if (input.tags?.length && !existing.tags?.length) data.tags = input.tags;
  const current = (existing.customFields ?? {}) as Record<string, unknown>;
  const added = Object.entries(input.customFields ?? {}).filter(([slug]) => isEmptyValue(current[slug]));
  if (added.length) data.customFields = { ...current, ...Object.fromEntries(added) };
  if (!Object.keys(data).length) return 'skipped';
  const sanitized = await checker.sanitizeUpdateInput(existing)(data);
  if (!Object.keys(sanitized).length) return 'skipped';
  await strapi.documents(UID.lead).update({
    documentId: existing.documentId,
    data: { ...sanitized, updatedBy: importer.user.id } as never,
  });
  return 'updated';
};

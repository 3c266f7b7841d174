import type { Core } from '@strapi/strapi';
import type { DuplicatePolicy, ImportRowError } from '../../contracts/imports';
import { isUniqueViolation } from '../../database/customer-email';
import type { DocumentRow as Row } from '../../types';
import { UID } from '../../uids';
import { getService } from '../../utils';
import { isEmptyValue } from '../../utils/values';
import type { LeadInput } from '../../validation/lead';
import type { Filter, UserAbility } from '../visibility';
import { visibleLeadsByEmail } from './duplicates';
import { insertLeads } from './insert-leads';
import { rowErrorsOf, type Reference } from './rows';

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

/**
 * Duplicates are matched on email: `skip` and `update` would tell an importer who may not read
 * leads' emails which of them a visible lead has (a skipped or updated row) — refused as a 400
 * before the job is stored, and a job whose importer lost the right since stops.
 */
/** Whether a job's rows are matched to leads by email (a policy other than `create`, an email column). */
export const matchesOnEmail = (duplicates: DuplicatePolicy, mapping: Record<string, string>) =>
  duplicates !== 'create' && Object.values(mapping).includes('email');

export const DUPLICATES_NEED_EMAIL =
  'matches rows to leads by email, which your role may not read: choose "create", or leave the email column out';

/** The importer as a request would carry them: the lead rules and the activity log read it. */
export interface Importer {
  user: { id: number };
  ability: UserAbility;
  /** Leads the importer sees: duplicates are looked for among them only (a hidden lead is not revealed). */
  visible: Filter | null;
}

/** A row of the batch that passed the checks of `POST /crm/leads`. */
export interface CheckedRow {
  row: number;
  input: LeadInput;
}

/**
 * Writes a batch's checked rows as the importer, inside the batch's transaction, answering each
 * row's outcome in order. Duplicates are looked up for the whole batch at once; new leads are
 * inserted together (./insert-leads.ts); a duplicate to update goes through the Document Service
 * behind a savepoint, so a row refused by the lead rules is undone alone and reported. A row whose
 * email repeats a lead created earlier in the same batch sees that lead, as if rows were written
 * one by one: the leads waiting for the insert are written first.
 */
export const writeBatch = async (
  strapi: Core.Strapi,
  importer: Importer,
  ref: Reference,
  rows: CheckedRow[],
  duplicates: DuplicatePolicy
): Promise<RowOutcome[]> => {
  const outcomes: RowOutcome[] = rows.map(() => 'skipped');
  const emailOf = (input: LeadInput) => (input.email ? input.email.toLowerCase() : null);
  const matching = duplicates !== 'create';
  let existing = matching
    ? await visibleLeadsByEmail(
        strapi,
        importer,
        rows.flatMap(({ input }) => emailOf(input) ?? [])
      )
    : new Map<string, Row>();
  /** Rows waiting for the insert, by their index in `rows`; their emails, to spot a repeat. */
  let pending: number[] = [];
  let pendingEmails = new Set<string>();

  const flush = async () => {
    const results = await insertLeads(
      strapi,
      importer,
      ref,
      pending.map((i) => rows[i])
    );
    pending.forEach((i, k) => (outcomes[i] = results[k]));
    if (matching && pendingEmails.size) {
      existing = new Map([...existing, ...(await visibleLeadsByEmail(strapi, importer, [...pendingEmails]))]);
    }
    pending = [];
    pendingEmails = new Set();
  };

  for (const [i, { row, input }] of rows.entries()) {
    const email = matching ? emailOf(input) : null;
    if (email && pendingEmails.has(email)) {
      if (duplicates === 'skip') continue;
      await flush();
    }
    const lead = email ? existing.get(email) : undefined;
    if (!lead) {
      pending.push(i);
      if (email) pendingEmails.add(email);
      continue;
    }
    if (duplicates === 'update') outcomes[i] = await updateRow(strapi, importer, row, lead, input);
  }
  await flush();
  return outcomes;
};

/** `update` of one duplicate, behind a savepoint: a refusal by the lead rules is the row's error. */
const updateRow = async (
  strapi: Core.Strapi,
  importer: Importer,
  row: number,
  existing: Row,
  input: LeadInput
): Promise<RowOutcome> =>
  strapi.db.transaction(async ({ trx }) => {
    const checker = getService(strapi, 'visibility').checker(importer.ability);
    await trx.raw('SAVEPOINT crm_import_row');
    try {
      const outcome: RowOutcome = checker.cannot.update(existing)
        ? [{ row, path: 'email', message: 'matches a lead you may not update' }]
        : await fillEmpty(strapi, checker, importer, existing, input);
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

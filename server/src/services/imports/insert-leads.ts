import type { Core } from '@strapi/strapi';
import type { ImportRowError } from '../../contracts/imports';
import { insertRows, type NewRow } from '../../database/batch-insert';
import { emitCreatedAfterCommit } from '../../database/entry-events';
import { mirrorValues } from '../../database/lead-mirrors';
import { MESSAGES } from '../../rules/lead';
import { UID } from '../../uids';
import { getService } from '../../utils';
import type { LeadInput } from '../../validation/lead';
import type { Reference } from './rows';
import type { Importer } from './write';

/** A checked row waiting for the batch's insert. */
export interface NewLead {
  row: number;
  input: LeadInput;
}

/** Each new lead's outcome, in the order given: created, or the row's errors. */
export type InsertOutcome = 'created' | ImportRowError[];

type Checker = ReturnType<ReturnType<typeof getService<'visibility'>>['checker']>;

/**
 * The lead as the Document Service would store it for the importer: the fields their role may
 * create (the same sanitizer `POST /crm/leads` goes through), relations as numeric ids.
 */
const toRow = async (
  checker: Checker,
  importer: Importer,
  ref: Reference,
  input: LeadInput
): Promise<NewRow> => {
  const { status, source, tags, customFields, ...scalars } = input;
  const data = await checker.sanitizeCreateInput({
    ...scalars,
    leadStatus: status,
    source,
    tags,
    customFields,
  });
  const {
    leadStatus,
    source: sourceId,
    tags: tagIds,
    assignedTo,
    ...fields
  } = data as Record<string, unknown>;
  const idOf = (documentId: unknown) =>
    typeof documentId === 'string' ? ref.idOf.get(documentId) : undefined;
  const links = {
    leadStatus: idOf(leadStatus) ?? null,
    source: idOf(sourceId) ?? null,
    assignedTo: typeof assignedTo === 'number' ? assignedTo : null,
  };
  // the columns that mirror these links (database/lead-mirrors), written with the lead itself
  const mirrors = mirrorValues(links);
  return {
    data: { ...fields, ...mirrors, createdBy: importer.user.id, updatedBy: importer.user.id },
    links,
    many: {
      tags: Array.isArray(tagIds) ? tagIds.map(idOf).filter((id): id is number => id !== undefined) : [],
    },
  };
};

/**
 * Creates a batch's new leads in a fixed number of statements (the leads, their status, source,
 * assignee and tag links, one `created` activity row each), inside the batch's transaction, then
 * Strapi's `entry.create` event for each once it commits. The rules the Document Service
 * middlewares apply to a created lead hold here too: rows were validated as `POST /crm/leads`
 * validates (customer status, assignee, custom fields, no conversion fields or files), fields go
 * through the importer's create permission, and a lead the importer could not see once written is
 * refused as `POST /crm/leads` refuses it — the batch's insert is undone and done again without it.
 */
export const insertLeads = async (
  strapi: Core.Strapi,
  importer: Importer,
  ref: Reference,
  leads: NewLead[]
): Promise<InsertOutcome[]> => {
  if (!leads.length) return [];
  const checker = getService(strapi, 'visibility').checker(importer.ability);
  const rows = await Promise.all(leads.map(({ input }) => toRow(checker, importer, ref, input)));
  const outcomes: InsertOutcome[] = leads.map(() => 'created');

  const attempt = async (kept: number[]) =>
    strapi.db.transaction(async ({ trx }) => {
      await trx.raw('SAVEPOINT crm_import_insert');
      const written = await insertRows(
        strapi,
        UID.lead,
        kept.map((i) => rows[i])
      );
      const ids = written.map((w) => w.id);
      const hidden = await hiddenAmong(strapi, importer, ids);
      if (hidden.size) {
        await trx.raw('ROLLBACK TO SAVEPOINT crm_import_insert');
        return kept.filter((_, k) => !hidden.has(ids[k]));
      }
      await trx.raw('RELEASE SAVEPOINT crm_import_insert');
      await getService(strapi, 'activity').record(
        written.map(({ id }, k) => ({
          action: 'created',
          leadId: id,
          actor: importer.user.id,
          data: { name: rows[kept[k]].data.name },
        }))
      );
      await emitCreatedAfterCommit(strapi, UID.lead, ids);
      return null;
    });

  let kept = leads.map((_, i) => i);
  for (let retry = await attempt(kept); retry; retry = await attempt(kept)) {
    for (const i of kept)
      if (!retry.includes(i)) outcomes[i] = [{ row: leads[i].row, path: '', message: MESSAGES.hidden }];
    kept = retry;
    if (!kept.length) break;
  }
  return outcomes;
};

/** The ids among `ids` that the importer does not see (their role's read conditions). */
const hiddenAmong = async (strapi: Core.Strapi, importer: Importer, ids: number[]): Promise<Set<number>> => {
  if (importer.visible === null) return new Set(ids);
  if (!Object.keys(importer.visible).length) return new Set();
  const seen: { id: number }[] = await strapi.db.query(UID.lead).findMany({
    where: { $and: [{ id: { $in: ids } }, importer.visible] },
    select: ['id'],
  });
  const visible = new Set(seen.map((row) => Number(row.id)));
  return new Set(ids.filter((id) => !visible.has(id)));
};

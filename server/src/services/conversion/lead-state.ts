import type { Core } from '@strapi/strapi';
import { conflictError } from '../../errors';
import { columnOf } from '../../database/columns';
import { mirrorOf } from '../../database/lead-mirrors';
import { UID } from '../../uids';
import type { DocumentRow as Row } from '../../types';
import { diffLead, type ActivityEntry } from '../leads/diff';

/** How often the claim reads the lead again when someone changed it between its read and its write. */
const ATTEMPTS = 3;

interface LeadState {
  lost: boolean;
  junk: boolean;
  status: { id: number; documentId: string; name: string } | null;
  /** Set when the state is the request's own read of the lead: the claim then applies only if the lead was not written since. */
  updatedAt?: unknown;
}

const flag = (value: unknown) => value === true || Number(value) === 1;

/**
 * The lead's flags and status as stored, in one statement inside the current transaction: the
 * status through the lead's status column (lead-mirrors keeps it in step with the link in every
 * write's own transaction), not through the link table and a second query.
 */
const readState = async (strapi: Core.Strapi, leadId: number): Promise<LeadState | null> =>
  strapi.db.transaction(async ({ trx }): Promise<LeadState | null> => {
    const leads = strapi.db.metadata.get(UID.lead).tableName;
    const statuses = strapi.db.metadata.get(UID.leadStatus).tableName;
    const status = mirrorOf(strapi, 'leadStatus')?.column ?? 'status_mirror';
    const row = await trx(`${leads} as l`)
      .leftJoin(`${statuses} as s`, 's.id', `l.${status}`)
      .first({
        lost: `l.${columnOf(strapi, UID.lead, 'lost')}`,
        junk: `l.${columnOf(strapi, UID.lead, 'junk')}`,
        dateConverted: `l.${columnOf(strapi, UID.lead, 'dateConverted')}`,
        statusId: 's.id',
        statusDocumentId: `s.${columnOf(strapi, UID.leadStatus, 'documentId')}`,
        statusName: `s.${columnOf(strapi, UID.leadStatus, 'name')}`,
      })
      .where('l.id', leadId);
    if (!row || row.dateConverted != null) return null;
    return {
      lost: flag(row.lost),
      junk: flag(row.junk),
      status:
        row.statusId == null
          ? null
          : { id: Number(row.statusId), documentId: row.statusDocumentId, name: row.statusName },
    };
  });

/** The state the request read the lead in (its Document Service read, status populated). */
const stateAsRead = (lead: Row): LeadState => {
  const status = lead.leadStatus as Row | null | undefined;
  return {
    lost: lead.lost === true,
    junk: lead.junk === true,
    status: status
      ? { id: Number(status.id), documentId: status.documentId, name: String(status.name) }
      : null,
    updatedAt: lead.updatedAt,
  };
};

/**
 * Claims the lead for this conversion and writes its converted state (SPEC §6: not lost, not junk,
 * the customer status, the conversion date) in one conditional UPDATE inside the conversion's
 * transaction: it applies only while the lead is not converted and still has the flags and status
 * it was read with, so of concurrent conversions exactly one wins (the others get 409) and the
 * activity rows it answers describe the change exactly. The first attempt expects the lead exactly
 * as the request read it (its `updatedAt` too: every write of a lead sets it), and when it applies
 * that read is still the lead's state, which the conversion's answer can be made of
 * (`unchangedSinceRead`); someone who wrote the lead in between makes it read the lead's state
 * again here, and the answer read after the commit. The status link itself is rewritten later
 * (`replaceToOneLinks`).
 */
export const claimLead = async (
  strapi: Core.Strapi,
  { lead, customerStatus, userId, now }: { lead: Row; customerStatus: Row; userId: number; now: Date }
): Promise<{ changes: ActivityEntry[]; unchangedSinceRead: boolean }> => {
  let before: LeadState | null = stateAsRead(lead);
  for (let attempt = 1; ; attempt++) {
    const { count } = await strapi.db.query(UID.lead).updateMany({
      where: {
        id: lead.id,
        dateConverted: { $null: true },
        lost: before.lost,
        junk: before.junk,
        statusMirror: before.status ? before.status.id : { $null: true },
        ...(before.updatedAt === undefined ? {} : { updatedAt: before.updatedAt }),
      },
      data: {
        dateConverted: now,
        lost: false,
        junk: false,
        statusMirror: customerStatus.id,
        updatedBy: userId,
        updatedAt: now,
      },
    });
    if (count === 1) {
      const unchanged = { assignedTo: null, source: null, tags: [], customFields: {} };
      const ref = (status: { documentId: string; name: string } | null) =>
        status ? { documentId: status.documentId, name: status.name } : null;
      return {
        changes: diffLead(
          { ...unchanged, status: ref(before.status), lost: before.lost, junk: before.junk },
          { ...unchanged, status: ref(customerStatus as never), lost: false, junk: false }
        ),
        unchangedSinceRead: attempt === 1,
      };
    }
    if (attempt >= ATTEMPTS) throw conflictError('The lead changed while it was being converted: try again');
    before = await readState(strapi, lead.id);
    if (!before) throw conflictError('This lead is already converted');
  }
};

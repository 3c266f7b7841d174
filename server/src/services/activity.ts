import { asPlugin } from '../surfaces/caller';
import type { Core } from '@strapi/strapi';
import { UID } from '../uids';
import { staff } from './leads/serialize';
import { insertRows } from '../database/batch-insert';

export interface ActivityRecord {
  action: string;
  /** documentId of the lead */
  lead?: string | null;
  /** documentId of the customer */
  customer?: string | null;
  /** The lead's numeric id when the caller has it: saves looking it up by documentId. */
  leadId?: number;
  /** The customer's numeric id when the caller has it. */
  customerId?: number;
  actor?: number | null;
  data?: Record<string, unknown>;
}

/**
 * The activity log: append-only. Rows are written here and only here (no route updates or
 * deletes them); inside a transaction they commit or roll back with it.
 */
const activityService = ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * Appends rows to the log, all of them in one insert (plus one per link table, and one lookup of
   * the leads and customers named by documentId only): a row for a lead or customer that does not
   * exist is an error and nothing is written.
   */
  async record(rows: ActivityRecord[]) {
    if (!rows.length) return;
    const idsOf = async (uid: string, documentIds: (string | null | undefined)[]) => {
      const wanted = [...new Set(documentIds.filter((d): d is string => !!d))];
      if (!wanted.length) return new Map<string, number>();
      const found: { id: number; documentId: string }[] = await strapi.db
        .query(uid)
        .findMany({ where: { documentId: { $in: wanted } }, select: ['id', 'documentId'] });
      const ids = new Map(found.map((row) => [row.documentId, Number(row.id)]));
      const missing = wanted.find((d) => !ids.has(d));
      if (missing) throw new Error(`activity: no ${uid} has the documentId ${missing}`);
      return ids;
    };
    // The plugin writes its log itself: the rules of Strapi's surfaces (append-only there) do not apply.
    await asPlugin(async () => {
      const leads = await idsOf(
        UID.lead,
        rows.filter((r) => r.leadId === undefined).map((r) => r.lead)
      );
      const customers = await idsOf(
        UID.customer,
        rows.filter((r) => r.customerId === undefined).map((r) => r.customer)
      );
      await insertRows(
        strapi,
        UID.activity,
        rows.map(({ action, lead, customer, leadId, customerId, actor = null, data = {} }) => ({
          data: { action, data },
          links: {
            lead: leadId ?? (lead ? leads.get(lead) : null),
            customer: customerId ?? (customer ? customers.get(customer) : null),
            actor,
          },
        }))
      );
    });
  },

  /** The admin user behind the current request, or null (system, web form, content API). */
  currentActor(): number | null {
    const ctx = strapi.requestContext.get() as
      { state?: { user?: { id: number }; auth?: { strategy?: { name?: string } } } } | undefined;
    return ctx?.state?.auth?.strategy?.name === 'admin' ? (ctx.state.user?.id ?? null) : null;
  },

  /** One page of a lead's log, newest first. */
  async listForLead(leadDocumentId: string, { page, pageSize }: { page: number; pageSize: number }) {
    const where = { lead: { documentId: leadDocumentId } };
    const [rows, total] = await Promise.all([
      strapi.db.query(UID.activity).findMany({
        where,
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        offset: (page - 1) * pageSize,
        limit: pageSize,
        populate: { actor: { select: ['id', 'firstname', 'lastname'] } },
      }),
      strapi.db.query(UID.activity).count({ where }),
    ]);
    return {
      data: rows.map(
        (row: { documentId: string; action: string; data: unknown; createdAt: string; actor: never }) => ({
          documentId: row.documentId,
          action: row.action,
          data: row.data ?? {},
          actor: staff(row.actor),
          createdAt: row.createdAt,
        })
      ),
      meta: { pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total } },
    };
  },
});

export default activityService;
export type ActivityService = ReturnType<typeof activityService>;

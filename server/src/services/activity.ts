import { asPlugin } from '../surfaces/caller';
import type { Core } from '@strapi/strapi';
import { UID } from '../uids';
import { staff } from './leads/serialize';

export interface ActivityRecord {
  action: string;
  /** documentId of the lead */
  lead?: string | null;
  /** documentId of the customer */
  customer?: string | null;
  actor?: number | null;
  data?: Record<string, unknown>;
}

/**
 * The activity log: append-only. Rows are written here and only here (no route updates or
 * deletes them); inside a transaction they commit or roll back with it.
 */
const activityService = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Appends rows to the log. */
  async record(rows: ActivityRecord[]) {
    // The plugin writes its log itself: the rules of Strapi's surfaces (append-only there) do not apply.
    await asPlugin(async () => {
      for (const { action, lead = null, customer = null, actor = null, data = {} } of rows) {
        await strapi.documents(UID.activity).create({ data: { action, lead, customer, actor, data } });
      }
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

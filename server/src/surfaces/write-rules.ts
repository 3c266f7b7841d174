import type { Core, Modules } from '@strapi/strapi';
import { forbiddenError, validationError, type FieldError } from '../errors';
import { MESSAGES } from '../rules/lead';
import { HANGING_TYPES } from '../services/hanging';
import { activityExcerpt, SECTIONS } from '../services/sections';
import { getService } from '../utils';
import { UID } from '../uids';
import { asPlugin, surfaceCaller } from './caller';

const WRITES = ['create', 'update', 'clone', 'delete'];
const SECTION_BY_UID = new Map(Object.values(SECTIONS).map((spec) => [spec.uid as string, spec]));

interface ParentRow {
  id: number;
  user?: { id: number } | null;
  attachments?: { id: number }[] | null;
  author?: { id: number } | null;
  lead?: { documentId: string } | null;
  customer?: { documentId: string } | null;
  body?: string | null;
  /** a task's assignee, a reminder's staff member */
  assignedTo?: { id: number } | null;
  staff?: { id: number } | null;
}

/** A relation left empty in a write: absent, null, or a connect/set of nothing (the Content Manager's form). */
const isEmptyRelation = (value: unknown) => {
  if (value === undefined || value === null) return true;
  if (typeof value !== 'object' || Array.isArray(value)) return Array.isArray(value) && value.length === 0;
  const { connect, set } = value as { connect?: unknown[]; set?: unknown[] };
  return !connect?.length && !set?.length;
};

/**
 * A customer's links to the lead it came from and to its portal login belong to the conversion
 * (SPEC §5, §6); its files come through its Attachments, where their content is checked.
 */
const customerErrors = (before: ParentRow | null, after: ParentRow): FieldError[] => {
  const errors: FieldError[] = [];
  if ((before?.lead?.documentId ?? null) !== (after.lead?.documentId ?? null))
    errors.push({ path: ['lead'], message: MESSAGES.conversionOnly });
  // the portal login is made by the conversion for that customer (SPEC §6), never moved to another
  if ((before?.user?.id ?? null) !== (after.user?.id ?? null))
    errors.push({ path: ['user'], message: MESSAGES.conversionOnly });
  const had = new Set((before?.attachments ?? []).map((file) => file.id));
  if ((after.attachments ?? []).some((file) => !had.has(file.id)))
    errors.push({ path: ['attachments'], message: MESSAGES.attachmentsRoute });
  return errors;
};

/**
 * Writes to a lead's sections and customers through Strapi's own surfaces (the Content Manager,
 * its bulk and clone actions) follow the rules of the plugin's routes: the record must stay on a
 * lead or customer the writer may see (a note cannot be `connect`ed to a hidden lead), a note is
 * changed by its author or a manager only, the activity log is append-only, a customer keeps the
 * lead it came from and takes files through its Attachments only, and the change lands in the
 * lead's (or customer's) activity log. Reads there
 * are already scoped (read-scope.ts), so a hidden record is a 404 before it gets here.
 */
export const surfaceWriteRules =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    const { uid, action } = context;
    if (uid === UID.lead || !(HANGING_TYPES as readonly string[]).includes(uid) || !WRITES.includes(action))
      return next();
    const caller = surfaceCaller(strapi);
    if (!caller) return next();
    if (caller.kind === 'outside' || uid === UID.activity)
      throw forbiddenError(
        uid === UID.activity ? 'The activity log is append-only' : 'CRM records are not written here'
      );
    const visibility = getService(strapi, 'visibility');
    const spec = SECTION_BY_UID.get(uid);
    // the staff member a task or a reminder is for (a note's author is its writer: below)
    const assigned = spec?.staffField && !spec.staffField.setToCaller ? spec.staffField.name : null;
    const readRow = (where: Record<string, unknown>) =>
      asPlugin(
        () =>
          strapi.db.query(uid).findOne({
            where,
            populate: spec
              ? {
                  lead: true,
                  customer: true,
                  ...(uid === UID.note ? { author: true } : {}),
                  ...(assigned ? { [assigned]: { select: ['id'] } } : {}),
                }
              : { lead: true, user: true, attachments: true },
          }) as Promise<ParentRow | null>
      );
    const { documentId, data } = context.params as { documentId?: string; data?: Record<string, unknown> };
    if (uid === UID.note && action === 'create' && data && isEmptyRelation(data.author)) {
      // written in the Content Manager, a note is signed by its writer, as on the lead's Notes tab
      data.author = caller.userId;
    }
    const before = documentId && action !== 'create' ? await readRow({ documentId }) : null;
    if (uid === UID.note && before && ['update', 'delete'].includes(action)) {
      if (before.author?.id !== caller.userId && !visibility.readsAllLeads(caller.ability))
        throw forbiddenError('Only its author or a manager may change this note');
    }

    return strapi.db.transaction(async () => {
      const result = await next();
      const written = result as { id?: number; documentId?: string } | null;
      const writtenId = written?.documentId ?? documentId;
      const where = written?.id ? { id: written.id } : writtenId ? { documentId: writtenId } : null;
      const after = action === 'delete' || !where ? null : await readRow(where);
      if (action !== 'delete') {
        // null: the Document Service could not read back what was written, as the caller.
        if (!after || !(await asPlugin(() => visibility.seesRow(caller.ability, uid, { id: after.id }))))
          throw validationError([{ path: ['lead'], message: 'is not a lead or customer you can reach' }]);
        if (uid === UID.note && after) {
          // a note is signed by whoever writes it: never someone else's name, never a changed one
          const signed = action === 'update' ? (before?.author?.id ?? null) : caller.userId;
          if ((after.author?.id ?? null) !== signed && !(action !== 'update' && !after.author))
            throw validationError([
              { path: ['author'], message: "is the note's writer: it cannot be set to someone else" },
            ]);
        }
        const staffOf = (row: ParentRow | null) =>
          assigned === 'assignedTo' ? row?.assignedTo?.id : assigned === 'staff' ? row?.staff?.id : undefined;
        const staffId = staffOf(after);
        // given to someone, or moved to another lead or customer: its staff member must see where it is
        const moved =
          (before?.lead?.documentId ?? null) !== (after.lead?.documentId ?? null) ||
          (before?.customer?.documentId ?? null) !== (after.customer?.documentId ?? null);
        if (assigned && staffId && (staffId !== staffOf(before) || moved)) {
          // work goes only to someone who sees its lead or customer, as on the plugin's routes
          const on = after.lead
            ? { type: 'lead' as const, documentId: after.lead.documentId }
            : after.customer
              ? { type: 'customer' as const, documentId: after.customer.documentId }
              : undefined;
          const message = await asPlugin(() => getService(strapi, 'staff').assignmentError(staffId, on));
          if (message) throw validationError([{ path: [assigned], message }]);
        }
        if (uid === UID.customer && after) {
          const errors = customerErrors(action === 'clone' ? null : before, after);
          if (errors.length) throw validationError(errors);
        }
      }
      const row = after ?? before;
      const parent = row?.lead
        ? { lead: row.lead.documentId }
        : row?.customer
          ? { customer: row.customer.documentId }
          : null;
      if (spec && parent && row) {
        const verb = action === 'delete' ? 'deleted' : action === 'update' ? 'updated' : 'added';
        await getService(strapi, 'activity').record([
          {
            action: `${spec.singular}_${verb}`,
            ...parent,
            actor: caller.userId,
            data: {
              [spec.singular]: documentId ?? (result as { documentId?: string })?.documentId,
              via: 'content-manager',
              ...(action === 'delete' ? {} : activityExcerpt(uid, after)),
            },
          },
        ]);
      }
      return result;
    });
  };

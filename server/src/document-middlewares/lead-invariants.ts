import type { Core, Modules } from '@strapi/strapi';
import { forbiddenError, validationError } from '../errors';
import {
  addedAttachments,
  conversionFieldErrors,
  isLocked,
  LEAD_STATE_POPULATE,
  MESSAGES,
  stateOf,
  type LeadState,
} from '../rules/lead';
import { inConversion } from '../rules/conversion-scope';
import type { UserAbility } from '../services/visibility';
import { asPlugin } from '../surfaces/caller';
import { crmConfig, getService } from '../utils';
import { UID } from '../uids';

const WRITES = ['create', 'update', 'clone'];

const currentAbility = (strapi: Core.Strapi) =>
  (strapi.requestContext.get() as { state?: { userAbility?: UserAbility } } | undefined)?.state?.userAbility;

/**
 * The lead's rules, on every path that writes one (plugin routes, the Content Manager, scripts),
 * checked on the stored state before and after the write, inside its transaction so a refused
 * write leaves nothing behind:
 * - the conversion fields belong to the conversion (SPEC §5);
 * - with `lockConvertedLeads`, staff who do not see every lead cannot edit a converted lead;
 * - a staff member cannot leave a lead outside what they may see (SPEC §3.1);
 * - files are added through the lead's Attachments only (never moved from another record).
 */
export const leadInvariants =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    if (context.uid !== UID.lead || !WRITES.includes(context.action)) return next();
    const { documentId } = context.params as { documentId?: string };
    const read = (where: Record<string, unknown>) =>
      asPlugin(() => strapi.db.query(UID.lead).findOne({ where, populate: LEAD_STATE_POPULATE }));
    const ability = currentAbility(strapi);
    const visibility = getService(strapi, 'visibility');

    const beforeRow = context.action === 'update' && documentId ? await read({ documentId }) : null;
    const before: LeadState | null = beforeRow ? stateOf(beforeRow) : null;
    if (ability && !inConversion()) {
      const locked = crmConfig(strapi, 'lockConvertedLeads');
      if (isLocked(before, { locked, readsAll: visibility.readsAllLeads(ability) }))
        throw forbiddenError(MESSAGES.locked);
    }

    return strapi.db.transaction(async () => {
      const result = await next();
      // The Document Service reads the written lead back as the caller: a lead the write hid from
      // them comes back as null, so it is found again by its documentId.
      const written = result as { id?: number; documentId?: string } | null;
      const writtenId = written?.documentId ?? documentId;
      const where = written?.id ? { id: written.id } : writtenId ? { documentId: writtenId } : null;
      const afterRow = where ? await read(where) : null;
      if (!afterRow) {
        if (ability) throw forbiddenError(MESSAGES.hidden);
        return result;
      }
      const { id } = afterRow as { id: number };
      const after = stateOf(afterRow);
      // Scripts and seeds (no request) write as the database's owner would.
      if (strapi.requestContext.get() && !inConversion()) {
        // A clone starts from its source's state: it may not copy the conversion either.
        const errors = conversionFieldErrors(context.action === 'clone' ? null : before, after);
        if (errors.length) throw validationError(errors);
      }
      // Files reach a lead through its Attachments (the plugin's route checks their content and
      // keeps them private), not by linking a media-library file or another record's file.
      if (addedAttachments(before, after).length && !inConversion())
        throw validationError([{ path: ['attachments'], message: MESSAGES.attachmentsRoute }]);
      if (ability && !(await asPlugin(() => visibility.seesRow(ability, UID.lead, { id }))))
        throw forbiddenError(MESSAGES.hidden);
      return result;
    });
  };

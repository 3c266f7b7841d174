import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { BulkAction, BulkRefusal, BulkRequestBody } from '../../contracts/bulk';
import { forbiddenError, validationError, type FieldError } from '../../errors';
import { MESSAGES } from '../../rules/lead';
import { UID } from '../../uids';
import { getService } from '../../utils';
import type { UserAbility } from '../visibility';

/** The lead attribute each action writes (delete writes none). */
const FIELD: Record<Exclude<BulkAction, 'delete'>, string> = {
  assign: 'assignedTo',
  status: 'leadStatus',
  public: 'isPublic',
  lost: 'lost',
  junk: 'junk',
  'tags.add': 'tags',
  'tags.remove': 'tags',
};

/** The status a refused lead answers, as Strapi's error middleware would render its error; null for a 500. */
const statusOf = (error: unknown): number | null => {
  if (error instanceof errors.NotFoundError) return 404;
  if (error instanceof errors.ForbiddenError || error instanceof errors.PolicyError) return 403;
  if (error instanceof errors.UnauthorizedError) return 401;
  if (error instanceof errors.ApplicationError) return 400;
  const { status, expose } = (error ?? {}) as { status?: unknown; expose?: unknown };
  return typeof status === 'number' && status < 500 && expose !== false ? status : null;
};

/**
 * Bulk actions on selected leads (SPEC §9): each lead is changed as if alone, through the writer
 * the single-lead routes use (visibility, RBAC, the lead rules, the activity log), in its own
 * transaction; a refused lead does not undo the others.
 */
const leadBulk = ({ strapi }: { strapi: Core.Strapi }) => {
  const visibility = () => getService(strapi, 'visibility');
  const writer = () => getService(strapi, 'leadWriter');

  /** A value no lead could take is a 400 for the whole request, before anything is written. */
  const checkValue = async (body: BulkRequestBody) => {
    const fieldErrors: FieldError[] = [];
    if (body.action === 'status') {
      const row = await strapi.db.query(UID.leadStatus).findOne({ where: { documentId: body.value } });
      if (!row) fieldErrors.push({ path: ['value'], message: 'is not an existing status' });
      else if (row.isCustomerStatus) fieldErrors.push({ path: ['value'], message: MESSAGES.customerStatus });
    }
    if (body.action === 'tags.add' || body.action === 'tags.remove') {
      const ids = body.value ?? [];
      const found = await strapi.db
        .query(UID.tag)
        .findMany({ where: { documentId: { $in: ids } }, select: ['documentId'] });
      const known = new Set(found.map((tag: { documentId: string }) => tag.documentId));
      ids.forEach((id, i) => {
        if (!known.has(id))
          fieldErrors.push({ path: ['value', String(i)], message: 'is not an existing tag' });
      });
    }
    if (body.action === 'assign') {
      const message = await getService(strapi, 'staff').assignmentError(body.value);
      if (message) fieldErrors.push({ path: ['value'], message });
    }
    if (fieldErrors.length) throw validationError(fieldErrors);
  };

  /** The role must hold the action at all: delete on leads, or update of the field it writes. */
  const checkRole = (ability: UserAbility, action: BulkAction) => {
    const checker = visibility().checker(ability);
    if (action === 'delete') {
      if (checker.cannot.delete()) throw forbiddenError('Your role may not delete leads');
      return;
    }
    if (checker.cannot.update()) throw forbiddenError('Your role may not update leads');
    if (checker.cannot.update(undefined, FIELD[action]))
      throw forbiddenError(`Your role may not change the ${FIELD[action]} of leads`);
  };

  /** Applies the action to one lead, or throws what the single-lead route would answer. */
  const applyOne = async (
    ability: UserAbility,
    userId: number,
    documentId: string,
    body: BulkRequestBody
  ) => {
    if (body.action === 'delete') {
      await writer().remove(ability, documentId);
      return;
    }
    const field = FIELD[body.action];
    const tags = body.action === 'tags.add' || body.action === 'tags.remove';
    // Conditions may grant a field on some leads only: the field is checked on this lead too.
    const lead = await visibility().findVisibleLead(
      ability,
      documentId,
      tags ? { tags: { fields: ['documentId'] } } : {}
    );
    const checker = visibility().checker(ability);
    if (checker.can.update(lead) && checker.cannot.update(lead, field))
      throw forbiddenError(`You may not change the ${field} of this lead`);

    switch (body.action) {
      case 'lost':
      case 'junk':
        await writer().setFlag(ability, userId, documentId, body.action, body.value!);
        return;
      case 'assign':
        await writer().update(ability, userId, documentId, { assignedTo: body.value ?? null });
        return;
      case 'status':
        await writer().update(ability, userId, documentId, { status: body.value });
        return;
      case 'public':
        await writer().update(ability, userId, documentId, { isPublic: body.value });
        return;
      default: {
        const current = ((lead.tags ?? []) as { documentId: string }[]).map((tag) => tag.documentId);
        const named = new Set(body.value ?? []);
        const next =
          body.action === 'tags.add'
            ? [...new Set([...current, ...named])]
            : current.filter((id) => !named.has(id));
        await writer().update(ability, userId, documentId, { tags: next });
      }
    }
  };

  return {
    /** Applies `body.action` to each of `body.ids`; answers the ids done and the refusals. */
    async apply(ability: UserAbility, userId: number, body: BulkRequestBody) {
      checkRole(ability, body.action);
      await checkValue(body);
      const done: string[] = [];
      const refused: BulkRefusal[] = [];
      for (const id of body.ids) {
        try {
          // Each lead's change (a read-modify-write of its tags too) commits with its log; a delete
          // runs as the single route's, which removes the files once the rows are gone.
          if (body.action === 'delete') await applyOne(ability, userId, id, body);
          else await strapi.db.transaction(() => applyOne(ability, userId, id, body));
          done.push(id);
        } catch (error) {
          const status = statusOf(error);
          if (status === null) throw error;
          refused.push({ id, status, message: (error as Error).message });
        }
      }
      return { done, refused };
    },
  };
};

export default leadBulk;
export type LeadBulk = ReturnType<typeof leadBulk>;

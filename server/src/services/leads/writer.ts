import type { Core } from '@strapi/strapi';
import { conflictError, forbiddenError, validationError, type FieldError } from '../../errors';
import { crmConfig, getService } from '../../utils';
import { CM_ACTION, UID } from '../../uids';
import type { LeadInput } from '../../validation/lead';
import { isLocked, MESSAGES, stateOf } from '../../rules/lead';
import type { UserAbility } from '../visibility';
import { DETAIL_POPULATE } from './populate';
import { onlyReadable, readableLeadFields } from './readable';
import { leadDetail, leadSummary } from './serialize';

type LeadFlag = 'lost' | 'junk';

/** Writes leads for a staff member: visibility first, then the role's update/delete rights. */
const leadWriter = ({ strapi }: { strapi: Core.Strapi }) => {
  const visibility = () => getService(strapi, 'visibility');

  /** Turns ids in the input into what the Document Service stores, collecting every bad one. */
  const resolve = async (
    input: LeadInput,
    currentCustomFields: Record<string, unknown> | null,
    errors: FieldError[]
  ) => {
    const { status, source, tags, assignedTo, customFields, ...scalars } = input;
    const data: Record<string, unknown> = { ...scalars };
    if (status !== undefined) {
      const row = await strapi.db.query(UID.leadStatus).findOne({ where: { documentId: status } });
      if (!row) errors.push({ path: ['status'], message: 'is not an existing status' });
      else if (row.isCustomerStatus) errors.push({ path: ['status'], message: MESSAGES.customerStatus });
      else data.leadStatus = status;
    }
    if (source !== undefined) {
      const row = await strapi.db.query(UID.leadSource).findOne({ where: { documentId: source } });
      if (!row) errors.push({ path: ['source'], message: 'is not an existing source' });
      else data.source = source;
    }
    if (tags !== undefined) {
      const found = await strapi.db
        .query(UID.tag)
        .findMany({ where: { documentId: { $in: tags } }, select: ['documentId'] });
      const known = new Set(found.map((t: { documentId: string }) => t.documentId));
      tags.forEach(
        (id, i) =>
          !known.has(id) && errors.push({ path: ['tags', String(i)], message: 'is not an existing tag' })
      );
      data.tags = [...new Set(tags)];
    }
    if (assignedTo !== undefined) {
      const message = await getService(strapi, 'staff').assignmentError(assignedTo);
      if (message) errors.push({ path: ['assignedTo'], message });
      data.assignedTo = assignedTo;
    }
    if (customFields !== undefined) {
      const checked = await getService(strapi, 'customFields').validate(
        'lead',
        customFields,
        currentCustomFields
      );
      errors.push(...checked.errors);
      data.customFields = checked.values;
    }
    return data;
  };

  const writable = async (ability: UserAbility, documentId: string, action: 'update' | 'delete') => {
    const lead = await visibility().findVisibleLead(ability, documentId, {
      leadStatus: { fields: ['documentId'] },
    });
    const checker = visibility().checker(ability);
    if (checker.cannot[action](lead)) throw forbiddenError(`You may not ${action} this lead`);
    const locked = crmConfig(strapi, 'lockConvertedLeads');
    if (
      action === 'update' &&
      isLocked(stateOf(lead), { locked, readsAll: visibility().readsAllLeads(ability) })
    )
      throw forbiddenError(MESSAGES.locked);
    return lead;
  };

  return {
    /** Creates a lead; its creator is `userId`. */
    async create(ability: UserAbility, userId: number, input: LeadInput) {
      const errors: FieldError[] = [];
      const data = await resolve(input, null, errors);
      if (!input.customFields) {
        const checked = await getService(strapi, 'customFields').validate('lead', {}, null);
        errors.push(...checked.errors);
      }
      if (errors.length) throw validationError(errors);
      const sanitized = await visibility().checker(ability).sanitizeCreateInput(data);
      const lead = await strapi.documents(UID.lead).create({
        data: { ...sanitized, createdBy: userId, updatedBy: userId },
        populate: DETAIL_POPULATE,
      });
      return onlyReadable(leadDetail(lead), readableLeadFields(strapi, ability));
    },

    /** Updates the fields given; converted leads are locked unless configured otherwise. */
    async update(ability: UserAbility, userId: number, documentId: string, input: LeadInput) {
      const lead = await writable(ability, documentId, 'update');
      // SPEC §5: a converted lead keeps the customer status (the board's move is refused here).
      if (lead.dateConverted && input.status !== undefined && input.status !== lead.leadStatus?.documentId)
        throw conflictError(MESSAGES.convertedMove);
      const errors: FieldError[] = [];
      const data = await resolve(input, lead.customFields ?? null, errors);
      if (errors.length) throw validationError(errors);
      const sanitized = await visibility().checker(ability).sanitizeUpdateInput(lead)(data);
      const updated = await strapi.documents(UID.lead).update({
        documentId,
        data: { ...sanitized, updatedBy: userId },
        populate: DETAIL_POPULATE,
      });
      return onlyReadable(leadDetail(updated!), readableLeadFields(strapi, ability));
    },

    /** Deletes a lead with its notes, tasks, reminders, opportunities and files; answers what was deleted. */
    async remove(ability: UserAbility, documentId: string) {
      await writable(ability, documentId, 'delete');
      const deleted = await strapi.documents(UID.lead).findOne({ documentId, populate: DETAIL_POPULATE });
      // its sections go with it in one transaction, then its files (document-middlewares/lead-cascade)
      await strapi.documents(UID.lead).delete({ documentId });
      return onlyReadable(leadSummary(deleted!), readableLeadFields(strapi, ability));
    },

    /** Marks a lead lost or junk, or undoes it; a converted lead cannot be. */
    async setFlag(ability: UserAbility, userId: number, documentId: string, flag: LeadFlag, value: boolean) {
      const lead = await writable(ability, documentId, 'update');
      if (lead.dateConverted) throw conflictError(`A converted lead cannot be marked ${flag}`);
      if (!ability.can(CM_ACTION.update, UID.lead, flag))
        throw forbiddenError(`Your role may not change the ${flag} flag of leads`);
      const updated = await strapi.documents(UID.lead).update({
        documentId,
        data: { [flag]: value, updatedBy: userId } as Record<string, unknown>,
        populate: DETAIL_POPULATE,
      });
      return onlyReadable(leadDetail(updated!), readableLeadFields(strapi, ability));
    },
  };
};

export default leadWriter;
export type LeadWriter = ReturnType<typeof leadWriter>;

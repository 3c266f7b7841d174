import type { Core, Modules } from '@strapi/strapi';
import { ForbiddenError, ValidationError } from '../errors';
import type { UserAbility } from '../services/visibility';
import { getService } from '../utils';
import { UID } from '../uids';

type RelationInput =
  string | number | { id?: number; documentId?: string; connect?: RelationInput[]; set?: RelationInput[] };

/** The record a relation input points to, in any of the Document Service's forms, as a where-clause. */
const relationTarget = (input: unknown): { id: number } | { documentId: string } | null => {
  if (typeof input === 'string') return { documentId: input };
  if (typeof input === 'number') return { id: input };
  if (!input || typeof input !== 'object') return null;
  const value = input as Exclude<RelationInput, string | number>;
  const first = value.connect?.[0] ?? value.set?.[0];
  if (first !== undefined) return relationTarget(first);
  if (value.documentId) return { documentId: value.documentId };
  return value.id ? { id: value.id } : null;
};

/**
 * Rules of a lead that hold whichever path writes it (the Content Manager included):
 * - only the conversion gives a lead the customer status (it writes `dateConverted` with it);
 * - with `lockConvertedLeads`, staff who do not see every lead cannot edit a converted lead.
 */
export const leadInvariants =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    if (context.uid !== UID.lead || !['create', 'update'].includes(context.action)) return next();
    const params = context.params as { documentId?: string; data?: Record<string, unknown> };
    const data = params.data ?? {};

    const target = relationTarget(data.leadStatus);
    if (target && !data.dateConverted) {
      const status = await strapi.db.query(UID.leadStatus).findOne({ where: target });
      if (status?.isCustomerStatus) {
        throw new ValidationError('A lead gets the customer status by being converted', {
          errors: [
            {
              path: ['leadStatus'],
              message: 'is the customer status: convert the lead instead',
              name: 'ValidationError',
            },
          ],
        });
      }
    }

    const ability = (strapi.requestContext.get() as { state?: { userAbility?: UserAbility } } | undefined)
      ?.state?.userAbility;
    if (context.action === 'update' && ability && params.documentId && !data.dateConverted) {
      const lead = await strapi.db
        .query(UID.lead)
        .findOne({ where: { documentId: params.documentId }, select: ['dateConverted'] });
      const locked = strapi.plugin('crm').config('lockConvertedLeads') as boolean;
      if (locked && lead?.dateConverted && !getService(strapi, 'visibility').readsAllLeads(ability)) {
        throw new ForbiddenError('This lead was converted: only users who see every lead may still edit it');
      }
    }
    return next();
  };

import type { Core } from '@strapi/strapi';
import { getService } from '../utils';
import type { UserAbility } from './visibility';
import type { DocumentRow as Row } from '../types';
import { row } from '../utils/row-values';

/** What sections and attachments hang off: a lead, or a customer. */
export type ParentType = 'lead' | 'customer';

export interface Parent {
  type: ParentType;
  documentId: string;
}

/** A parent already resolved for the caller in this request (`parents.reach`): not looked up again. */
export type ReachedParent = Parent & { readonly reached: true };

/**
 * Resolves the record a section belongs to for a caller, through the visibility service: a lead
 * they may see, or a customer a lead they may see became (SPEC §3.1). Either way, one the caller
 * may not reach is a 404.
 */
const parentsService = ({ strapi }: { strapi: Core.Strapi }) => ({
  async resolve(ability: UserAbility, parent: Parent, populate: Record<string, unknown> = {}): Promise<Row> {
    if (parent.type === 'lead') {
      return getService(strapi, 'visibility').findVisibleLead(ability, parent.documentId, populate);
    }
    return getService(strapi, 'visibility').findVisibleCustomer(ability, parent.documentId, populate);
  },

  /** Resolves `parent` for the caller (404 when out of reach) and marks it so it is not looked up again. */
  async reach(ability: UserAbility, parent: Parent): Promise<ReachedParent> {
    await this.resolve(ability, parent);
    return { ...parent, reached: true };
  },

  /** The parent a section record or file row points to (its lead first). */
  of(record: object): Parent | null {
    const lead = 'lead' in record ? row(record.lead) : null;
    if (lead) return { type: 'lead', documentId: lead.documentId };
    const customer = 'customer' in record ? row(record.customer) : null;
    if (customer) return { type: 'customer', documentId: customer.documentId };
    return null;
  },
});

export default parentsService;
export type ParentsService = ReturnType<typeof parentsService>;

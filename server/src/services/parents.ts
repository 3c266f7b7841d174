import type { Core } from '@strapi/strapi';
import { NotFoundError } from '../errors';
import { getService } from '../utils';
import { UID } from '../uids';
import type { UserAbility } from './visibility';
import type { DocumentRow as Row } from '../types';

/** What sections and attachments hang off: a lead, or a customer. */
export type ParentType = 'lead' | 'customer';

export interface Parent {
  type: ParentType;
  documentId: string;
}

/**
 * Resolves the record a section belongs to for a caller: a lead through the visibility service,
 * a customer by existence (the routes hold the caller's Content Manager rights on customers).
 * Either way, one the caller may not reach is a 404.
 */
const parentsService = ({ strapi }: { strapi: Core.Strapi }) => ({
  async resolve(ability: UserAbility, parent: Parent, populate: Record<string, unknown> = {}): Promise<Row> {
    if (parent.type === 'lead') {
      return getService(strapi, 'visibility').findVisibleLead(
        ability,
        parent.documentId,
        populate
      ) as Promise<Row>;
    }
    const customer = await strapi
      .documents(UID.customer)
      .findOne({ documentId: parent.documentId, populate: populate as never });
    if (!customer) throw new NotFoundError('Customer not found');
    return customer as Row;
  },

  /** The parent a section record or file row points to (its lead first). */
  of(row: Record<string, unknown>): Parent | null {
    const { lead, customer } = row as {
      lead?: { documentId: string } | null;
      customer?: { documentId: string } | null;
    };
    if (lead) return { type: 'lead', documentId: lead.documentId };
    if (customer) return { type: 'customer', documentId: customer.documentId };
    return null;
  },
});

export default parentsService;
export type ParentsService = ReturnType<typeof parentsService>;

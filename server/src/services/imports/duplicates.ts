import type { Core } from '@strapi/strapi';
import { leadsWithEmails } from '../../database/lead-email-index';
import type { DocumentRow as Row } from '../../types';
import { UID } from '../../uids';
import { CONDITION_POPULATE } from '../visibility';
import type { Importer } from './write';

/**
 * For a batch's emails, the newest lead with each email that the importer sees, keyed by the
 * lowercased email: two queries whatever the batch's size — the leads with these emails (on the
 * index of LOWER(email)), then those few through the visibility filter (a hidden lead is neither
 * revealed nor matched).
 */
export const visibleLeadsByEmail = async (
  strapi: Core.Strapi,
  importer: Importer,
  emails: string[]
): Promise<Map<string, Row>> => {
  const found = new Map<string, Row>();
  if (importer.visible === null || !emails.length) return found;
  const candidates = await leadsWithEmails(strapi, emails);
  if (!candidates.length) return found;
  const ids = { id: { $in: candidates.map((c) => c.id) } };
  const leads: Row[] = await strapi.db.query(UID.lead).findMany({
    where: Object.keys(importer.visible).length ? { $and: [ids, importer.visible] } : ids,
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    populate: {
      ...CONDITION_POPULATE,
      tags: { select: ['id'] },
      leadStatus: { select: ['isCustomerStatus'] },
    },
  });
  for (const lead of leads) {
    const email = String(lead.email ?? '').toLowerCase();
    if (!found.has(email)) found.set(email, lead);
  }
  return found;
};

import type { Core } from '@strapi/strapi';
import type { SectionKind, SectionRecords } from '../../contracts';
import { UID } from '../../uids';
import { onlyReadable, readableFields } from '../leads/readable';
import type { UserAbility } from '../visibility';
import { SECTIONS } from '.';

/**
 * A section record as `ability` may read it (SPEC §3.1), as the Content Manager answers it: its own
 * fields by its type's read rights, and its parent's name by the lead's or the customer's.
 */
export const readableSection = <K extends SectionKind>(
  strapi: Core.Strapi,
  ability: UserAbility,
  kind: K,
  record: SectionRecords[K]
): SectionRecords[K] => {
  const own = onlyReadable(record, readableFields(strapi, ability, SECTIONS[kind].uid));
  const { lead, customer } = own as {
    lead?: { documentId: string } | null;
    customer?: { documentId: string } | null;
  };
  return {
    ...own,
    ...(lead && !readableFields(strapi, ability, UID.lead)('name')
      ? { lead: { documentId: lead.documentId } }
      : {}),
    ...(customer && !readableFields(strapi, ability, UID.customer)('firstName')
      ? { customer: { documentId: customer.documentId } }
      : {}),
  } as SectionRecords[K];
};

/** Whether `ability` may read the notes' bodies: an activity row's excerpt of a note is one. */
export const readsNoteBodies = (strapi: Core.Strapi, ability: UserAbility) =>
  readableFields(strapi, ability, UID.note)('body');

import type { Core } from '@strapi/strapi';
import type { SectionKind, SectionRecords } from '../../contracts';
import { UID } from '../../uids';
import { onlyReadable, readableFields } from '../leads/readable';
import type { UserAbility } from '../visibility';
import { SECTIONS } from '.';

/**
 * Section records of `kind` as `ability` may read them (SPEC §3.1), as the Content Manager answers
 * them: their own fields by their type's read rights, and their parent's name by the lead's or the
 * customer's. The rights are read once, for every record the returned function is given.
 */
export const sectionReader = <K extends SectionKind>(strapi: Core.Strapi, ability: UserAbility, kind: K) => {
  const own = readableFields(strapi, ability, SECTIONS[kind].uid);
  const leadName = readableFields(strapi, ability, UID.lead)('name');
  const customerName = readableFields(strapi, ability, UID.customer)('firstName');
  return (record: SectionRecords[K]): SectionRecords[K] => {
    const shown = onlyReadable(record, own);
    const { lead, customer } = shown as {
      lead?: { documentId: string } | null;
      customer?: { documentId: string } | null;
    };
    return {
      ...shown,
      ...(lead && !leadName ? { lead: { documentId: lead.documentId } } : {}),
      ...(customer && !customerName ? { customer: { documentId: customer.documentId } } : {}),
    } as SectionRecords[K];
  };
};

/** Whether `ability` may read the notes' bodies: an activity row's excerpt of a note is one. */
export const readsNoteBodies = (strapi: Core.Strapi, ability: UserAbility) =>
  readableFields(strapi, ability, UID.note)('body');

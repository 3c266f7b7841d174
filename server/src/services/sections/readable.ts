import type { Core } from '@strapi/strapi';
import type { SectionKind, SectionRecords } from '../../contracts';
import { UID } from '../../uids';
import { getService } from '../../utils';
import { record } from '../../utils/row-values';
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

/**
 * Which activity rows may show their note's excerpt (its first words) to `ability`: those of notes
 * whose body the caller may read — the field, and the note itself under the role's read
 * conditions on notes ("is creator", say). A deleted note's excerpt is shown only where no
 * condition applies. The notes are looked up once for all the rows.
 */
export const noteExcerpts = async (
  strapi: Core.Strapi,
  ability: UserAbility,
  rows: { data?: unknown }[]
): Promise<(row: { data?: unknown }) => boolean> => {
  if (!readableFields(strapi, ability, UID.note)('body')) return () => false;
  const own = getService(strapi, 'visibility').readFilter(ability, UID.note);
  if (own && Object.keys(own).length === 0) return () => true;
  const noteOf = (row: { data?: unknown }) => {
    const note = (record(row.data) as { note?: unknown }).note;
    return typeof note === 'string' ? note : null;
  };
  const ids = [...new Set(rows.map(noteOf).filter((id): id is string => id !== null))];
  const readable: { documentId: string }[] =
    own && ids.length
      ? await strapi.db
          .query(UID.note)
          .findMany({ where: { $and: [{ documentId: { $in: ids } }, own] }, select: ['documentId'] })
      : [];
  const shown = new Set(readable.map((note) => note.documentId));
  return (row) => {
    const note = noteOf(row);
    return note !== null && shown.has(note);
  };
};

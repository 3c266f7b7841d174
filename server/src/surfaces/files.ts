import type { Core } from '@strapi/strapi';
import { UID } from '../uids';

export const FILE = 'plugin::upload.file';

interface MorphJoinTable {
  name: string;
  joinColumn: { name: string };
  morphColumn: { typeColumn: { name: string }; idColumn: { name: string } };
}

/** The upload plugin's table linking files to the records that use them. */
export const fileLinks = (strapi: Core.Strapi) => {
  const { joinTable } = (
    strapi.db.metadata.get(FILE).attributes as Record<string, { joinTable?: MorphJoinTable }>
  ).related;
  return {
    table: joinTable!.name,
    fileId: joinTable!.joinColumn.name,
    type: joinTable!.morphColumn.typeColumn.name,
    relatedId: joinTable!.morphColumn.idColumn.name,
  };
};

/**
 * Which of `fileIds` are attached to a lead or customer other than `owner`: a write may not move a
 * file off another record (file ids are sequential, so they can be guessed).
 */
export const attachedElsewhere = async (
  strapi: Core.Strapi,
  fileIds: number[],
  owner: { uid: string; id: number }
): Promise<number[]> => {
  if (!fileIds.length) return [];
  const links = fileLinks(strapi);
  // Raw knex joins no transaction by itself: inside a write's transaction it must, or SQLite waits on it.
  const rows: Record<string, number>[] = await strapi.db.transaction(({ trx }) =>
    strapi.db
      .connection(links.table)
      .transacting(trx)
      .select(links.fileId)
      .whereIn(links.fileId, fileIds)
      .whereIn(links.type, [UID.lead, UID.customer])
      .whereNot((q) => q.where(links.type, owner.uid).andWhere(links.relatedId, owner.id))
  );
  return [...new Set(rows.map((row) => Number(row[links.fileId])))];
};

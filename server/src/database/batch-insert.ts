import type { Core } from '@strapi/strapi';
import { columnOf } from './columns';
import { insertTogether, type TableRows } from './together';

/** A row to insert: its scalar fields by attribute name, and its to-one links by attribute name. */
export interface NewRow {
  data: Record<string, unknown>;
  /** A to-one relation (`lead`, `customer`, `author`…) → the numeric id of the target, or null. */
  links?: Record<string, number | null | undefined>;
  /** A to-many relation kept on this side only (`tags`) → the ids of its targets, in order. */
  many?: Record<string, number[] | undefined>;
}

/** A relation's link table, as Strapi's metadata describes it. */
export interface JoinTable {
  name: string;
  joinColumn: { name: string };
  inverseJoinColumn: { name: string };
  orderColumnName?: string;
  inverseOrderColumnName?: string;
}

export type Attribute = { type: string; relation?: string; joinTable?: JoinTable; columnName?: string };

const chunks = <T>(items: T[], size: number): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
};

/**
 * Inserts documents of a content type without draft and publish in a fixed number of statements,
 * whatever their number: the rows in one insert (Strapi's `createMany`: defaults, timestamps, a
 * documentId each), their ids read back by documentId where the driver does not return them
 * (MySQL), then the links (to-one links, and to-many links ordered as given when the target keeps
 * no order of its own): one statement for all link tables on PostgreSQL, one per table elsewhere. Inside the current transaction when there is one.
 * Nothing of the Document Service runs: no document middleware and no `entry.create` event, so
 * only the plugin's own rows that need neither are written this way (copied notes, activity…).
 * Answers the rows' ids and documentIds, in the order given.
 */
export const insertRows = async (
  strapi: Core.Strapi,
  uid: string,
  rows: NewRow[]
): Promise<{ id: number; documentId: string }[]> => {
  if (!rows.length) return [];
  const meta = strapi.db.metadata.get(uid);
  const attributes = meta.attributes as Record<string, Attribute>;
  const newDocumentId = (attributes.documentId as unknown as { default: () => string }).default;
  const publishedAt = new Date();
  const documentIds = rows.map(() => newDocumentId());
  const size = strapi.db.dialect.getBatchInsertSize();

  return strapi.db.transaction(async ({ trx }) => {
    const { ids } = await strapi.db.query(uid).createMany({
      data: rows.map(({ data }, i) => ({ ...data, documentId: documentIds[i], publishedAt })),
    });
    let idOf: number[] = ids.map(Number);
    if (idOf.length !== rows.length || idOf.some((id) => !Number.isFinite(id))) {
      const documentIdColumn = columnOf(strapi, uid, 'documentId');
      const found = new Map<string, number>();
      for (const part of chunks(documentIds, size)) {
        const read = await trx(meta.tableName).select('id', documentIdColumn).whereIn(documentIdColumn, part);
        for (const row of read) found.set(row[documentIdColumn], Number(row.id));
      }
      idOf = documentIds.map((documentId) => found.get(documentId)!);
    }

    const linkRows: TableRows[] = [];
    const fields = new Set(rows.flatMap(({ links }) => Object.keys(links ?? {})));
    for (const field of fields) {
      const joinTable = attributes[field]?.joinTable;
      if (!joinTable || !['manyToOne', 'oneToOne'].includes(attributes[field].relation ?? ''))
        throw new Error(`insertRows: ${uid}.${field} is not a to-one relation through a link table`);
      if (joinTable.inverseOrderColumnName)
        throw new Error(`insertRows: ${uid}.${field} keeps an order on its target's side`);
      const links = rows.flatMap(({ links: row }, i) =>
        row?.[field] === null || row?.[field] === undefined
          ? []
          : [
              {
                [joinTable.joinColumn.name]: idOf[i],
                [joinTable.inverseJoinColumn.name]: row[field],
                ...(joinTable.orderColumnName ? { [joinTable.orderColumnName]: 1 } : {}),
              },
            ]
      );
      for (const part of chunks(links, size)) linkRows.push({ table: joinTable.name, rows: part });
    }
    const manyFields = new Set(rows.flatMap(({ many }) => Object.keys(many ?? {})));
    for (const field of manyFields) {
      const joinTable = attributes[field]?.joinTable;
      if (!joinTable || !['manyToMany', 'oneToMany'].includes(attributes[field].relation ?? ''))
        throw new Error(`insertRows: ${uid}.${field} is not a to-many relation through a link table`);
      if (joinTable.inverseOrderColumnName)
        throw new Error(`insertRows: ${uid}.${field} keeps an order on its target's side`);
      const links = rows.flatMap(({ many }, i) =>
        (many?.[field] ?? []).map((target, position) => ({
          [joinTable.joinColumn.name]: idOf[i],
          [joinTable.inverseJoinColumn.name]: target,
          ...(joinTable.orderColumnName ? { [joinTable.orderColumnName]: position + 1 } : {}),
        }))
      );
      for (const part of chunks(links, size)) linkRows.push({ table: joinTable.name, rows: part });
    }
    await insertTogether(strapi, trx, linkRows);
    return idOf.map((id, i) => ({ id, documentId: documentIds[i] }));
  });
};

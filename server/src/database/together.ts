import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

/** Rows for one table. */
export interface TableRows {
  table: string;
  rows: Record<string, unknown>[];
}

/**
 * PostgreSQL takes a bound value count per statement below 65,535: statements put together stay
 * well under it.
 */
const MAX_BINDINGS = 30_000;

const isPostgres = (strapi: Core.Strapi) => strapi.db.dialect.client === 'postgres';

/**
 * Inserts rows into several tables (a row's link tables) in as few statements as the database
 * allows: on PostgreSQL one statement for all of them, each insert but the last a data-modifying
 * `WITH` query (every statement is a round trip and a socket write, which on a small machine cost
 * more than the insert itself); elsewhere one insert per table. Inside the given transaction.
 */
export const insertTogether = async (strapi: Core.Strapi, trx: Knex.Transaction, parts: TableRows[]) => {
  const inserts = parts.filter((part) => part.rows.length);
  if (!isPostgres(strapi)) {
    for (const { table, rows } of inserts) await trx(table).insert(rows);
    return;
  }
  let batch: Knex.Sql[] = [];
  let bindings = 0;
  const flush = async () => {
    if (!batch.length) return;
    const last = batch[batch.length - 1];
    const withs = batch.slice(0, -1).map((statement, i) => `crm_insert_${i} AS (${statement.sql})`);
    await trx.raw(`${withs.length ? `WITH ${withs.join(', ')} ` : ''}${last.sql}`, [
      ...batch.flatMap((statement) => statement.bindings as unknown[]),
    ]);
    batch = [];
    bindings = 0;
  };
  for (const { table, rows } of inserts) {
    const statement = trx(table).insert(rows).toSQL();
    if (bindings + statement.bindings.length > MAX_BINDINGS) await flush();
    batch.push(statement);
    bindings += statement.bindings.length;
  }
  await flush();
};

/** A to-one link of a row: its link table, the row's column and the target's. */
export interface ToOneLink {
  table: string;
  rowColumn: string;
  targetColumn: string;
  /** The order column of the row's side, if the link table keeps one (always 1 for a to-one). */
  orderColumn?: string;
  target: number | null;
}

/**
 * Points to-one links of one row at new targets: each link row deleted and the new one inserted.
 * On PostgreSQL in one statement for all of them (each insert reads its delete's result, so the
 * delete runs first and the unique index of the link table sees the old row gone); elsewhere two
 * statements a link. Inside the given transaction.
 */
export const replaceLinksTogether = async (
  strapi: Core.Strapi,
  trx: Knex.Transaction,
  rowId: number,
  links: ToOneLink[]
) => {
  const insertOf = (link: ToOneLink) => ({
    [link.rowColumn]: rowId,
    [link.targetColumn]: link.target,
    ...(link.orderColumn ? { [link.orderColumn]: 1 } : {}),
  });
  if (!isPostgres(strapi)) {
    for (const link of links) {
      await trx(link.table).where(link.rowColumn, rowId).delete();
      if (link.target !== null) await trx(link.table).insert(insertOf(link));
    }
    return;
  }
  if (!links.length) return;
  const parts: string[] = [];
  const bindings: unknown[] = [];
  links.forEach((link, i) => {
    parts.push(`crm_deleted_${i} AS (DELETE FROM ?? WHERE ?? = ? RETURNING 1)`);
    bindings.push(link.table, link.rowColumn, rowId);
    if (link.target === null) return;
    const row = insertOf(link);
    const columns = Object.keys(row);
    parts.push(
      `crm_linked_${i} AS (INSERT INTO ?? (${columns.map(() => '??').join(', ')}) ` +
        // typed: the select's values would be text otherwise (ids, and 1 for the order)
        `SELECT ${columns.map(() => 'CAST(? AS integer)').join(', ')} FROM (SELECT count(*) FROM crm_deleted_${i}) AS crm_gone_${i})`
    );
    bindings.push(link.table, ...columns, ...Object.values(row));
  });
  await trx.raw(`WITH ${parts.join(', ')} SELECT 1`, bindings);
};

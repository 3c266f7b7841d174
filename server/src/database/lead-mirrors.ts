import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { UID } from '../uids';
import { columnOf } from './columns';

/**
 * The lead's to-one relations that the leads table mirrors in a plain column of its own (SPEC §10):
 * Strapi keeps each in a link table, so "visible to me" (`assignee = me OR creator = me OR
 * public`), "not a customer" or a board column were tests of link tables the database could only
 * answer by reading them whole. Mirrored on the leads table, they are columns it can index and walk.
 * The relation stays the truth; each column is a private, hidden, non-writable attribute of the
 * lead (schema.json) that the plugin keeps in step on every write path:
 * - the Document Service middleware lead-mirrors (create, update, clone of a lead), in the write's
 *   transaction;
 * - `syncLeadMirrors` after a bulk insert of leads and their link rows (imports, the benchmark);
 * - the deletion of an admin user, a status or a source (the link rows go with it): `registerMirrorCleanup`;
 * - at boot, `backfillLeadMirrors` fills the columns of a database made by a version without them.
 */
export const MIRRORS = [
  { relation: 'assignedTo', attribute: 'assigneeMirror', target: 'admin::user' },
  { relation: 'leadStatus', attribute: 'statusMirror', target: UID.leadStatus },
  { relation: 'source', attribute: 'sourceMirror', target: UID.leadSource },
] as const;

export type MirroredRelation = (typeof MIRRORS)[number]['relation'];

/**
 * The mirror columns of a lead written with these to-one links by a bulk insert (the import, a
 * web lead): the columns go into the same insert as the lead, so they are never out of step.
 */
export const mirrorValues = (links: Partial<Record<MirroredRelation, number | null>>) =>
  Object.fromEntries(MIRRORS.map(({ relation, attribute }) => [attribute, links[relation] ?? null]));

interface Attribute {
  columnName?: string;
  joinTable?: { name: string; joinColumn: { name: string }; inverseJoinColumn: { name: string } };
}

/** A mirror as stored: the lead column, and the link table it mirrors (lead column, target column). */
export interface MirrorColumns {
  relation: MirroredRelation;
  target: string;
  column: string;
  link: { table: string; lead: string; target: string };
}

/** The columns and link tables of the mirrors, from Strapi's metadata (never guessed). */
export const mirrorColumns = (strapi: Core.Strapi): MirrorColumns[] => {
  const attributes = strapi.db.metadata.get(UID.lead).attributes as Record<string, Attribute>;
  return MIRRORS.flatMap(({ relation, attribute, target }) => {
    const joinTable = attributes[relation]?.joinTable;
    const column = attributes[attribute]?.columnName;
    if (!joinTable || !column) return [];
    return [
      {
        relation,
        target,
        column,
        link: {
          table: joinTable.name,
          lead: joinTable.joinColumn.name,
          target: joinTable.inverseJoinColumn.name,
        },
      },
    ];
  });
};

/** The mirror column of the lead relation `relation`, or undefined when it has none. */
export const mirrorOf = (strapi: Core.Strapi, relation: string) =>
  mirrorColumns(strapi).find((m) => m.relation === relation);

/** Runs `work` on the current transaction when there is one, else on the connection. */
const onCurrent = async (strapi: Core.Strapi, work: (knex: Knex) => Promise<unknown>): Promise<void> => {
  if (strapi.db.inTransaction()) await strapi.db.transaction(({ trx }) => work(trx as unknown as Knex));
  else await work(strapi.db.connection as unknown as Knex);
};

/**
 * Sets the mirror columns of the leads `ids` (or of the leads whose documentId is one of
 * `documentIds`) from their link rows, inside the current transaction. Call it after any bulk
 * insert or change of leads' status, source or assignee links that does not go through the
 * Document Service.
 *
 * The link rows are read by a plain SELECT and the leads updated by primary key, one UPDATE per
 * distinct set of values: an UPDATE that reads the link tables itself, or finds its leads by
 * documentId, takes next-key locks on InnoDB (locking reads of the link tables, gaps of the
 * documentId index), and two Document Service creates of leads at the same moment deadlocked
 * there on MariaDB. A plain SELECT is a lock-free consistent read on every database, and an
 * UPDATE by primary key locks only the rows it changes.
 */
export const syncLeadMirrors = async (
  strapi: Core.Strapi,
  leads: { ids: number[] } | { documentIds: string[] }
) => {
  const mirrors = mirrorColumns(strapi);
  const keys: Array<number | string> = 'ids' in leads ? leads.ids : leads.documentIds;
  if (!mirrors.length || !keys.length) return;
  const meta = strapi.db.metadata.get(UID.lead);
  const table = meta.tableName;
  const keyColumn = 'ids' in leads ? 'id' : columnOf(strapi, UID.lead, 'documentId');
  await onCurrent(strapi, async (knex) => {
    // bound values per statement stay far below every database's limit
    for (let i = 0; i < keys.length; i += 500) {
      const query = knex(`${table} as l`)
        .select('l.id')
        .whereIn(`l.${keyColumn}`, keys.slice(i, i + 500));
      mirrors.forEach(({ link }, m) => {
        // to-one: one link row at most; should a stray second one exist, the lowest link id wins
        query
          .leftJoin(`${link.table} as k${m}`, `k${m}.${link.lead}`, 'l.id')
          .select(knex.raw('?? as ??', [`k${m}.${link.target}`, `m${m}`]))
          .whereNotExists(
            knex(`${link.table} as d${m}`)
              .select(knex.raw('1'))
              .whereRaw('?? = ?? and ?? < ??', [`d${m}.${link.lead}`, 'l.id', `d${m}.id`, `k${m}.id`])
          );
      });
      const rows = (await query) as Array<Record<string, number | null>>;
      const byValues = new Map<string, { set: Record<string, number | null>; ids: number[] }>();
      for (const row of rows) {
        const set = Object.fromEntries(mirrors.map(({ column }, m) => [column, row[`m${m}`] ?? null]));
        const key = JSON.stringify(set);
        if (!byValues.has(key)) byValues.set(key, { set, ids: [] });
        byValues.get(key)!.ids.push(Number(row.id));
      }
      for (const { set, ids } of byValues.values()) await knex(table).whereIn('id', ids).update(set);
    }
  });
};

/**
 * Every lead whose mirror columns disagree with its link tables, made right in one set-based
 * statement (one pass over the leads table, one new row version per changed lead): the leads
 * joined to their status, source and assignee links, each column set to its link's target or NULL.
 * PostgreSQL and SQLite (3.33+) write it `UPDATE … FROM (…)`, MySQL/MariaDB as a multi-table
 * `UPDATE … LEFT JOIN`.
 */
const repairMirrors = async (knex: Knex, client: string, table: string, mirrors: MirrorColumns[]) => {
  const joins = mirrors.map((m, i) => ({ ...m, alias: `k${i}`, value: `m${i}` }));
  const join = joins.map((j) => `LEFT JOIN ?? AS ${j.alias} ON ${j.alias}.?? = l.id`).join(' ');
  const joinBindings = joins.flatMap((j) => [j.link.table, j.link.lead]);
  if (client === 'mysql') {
    const set = joins.map((j) => `l.?? = ${j.alias}.??`).join(', ');
    const differs = joins.map((j) => `NOT (l.?? <=> ${j.alias}.??)`).join(' OR ');
    const pairs = joins.flatMap((j) => [j.column, j.link.target]);
    await knex.raw(`UPDATE ?? AS l ${join} SET ${set} WHERE ${differs}`, [
      table,
      ...joinBindings,
      ...pairs,
      ...pairs,
    ]);
    return;
  }
  const notSame = client === 'postgres' ? 'IS DISTINCT FROM' : 'IS NOT';
  const set = joins.map((j) => `?? = x.${j.value}`).join(', ');
  const select = joins.map((j) => `${j.alias}.?? AS ${j.value}`).join(', ');
  const differs = joins.map((j) => `??.?? ${notSame} x.${j.value}`).join(' OR ');
  await knex.raw(
    `UPDATE ?? SET ${set} FROM (SELECT l.id AS id, ${select} FROM ?? AS l ${join}) AS x ` +
      `WHERE x.id = ??.id AND (${differs})`,
    [
      table,
      ...joins.map((j) => j.column),
      ...joins.map((j) => j.link.target),
      table,
      ...joinBindings,
      table,
      ...joins.flatMap((j) => [table, j.column]),
    ]
  );
};

/**
 * At boot: fills the mirror columns of a database made by a version without them (or where they
 * were lost). A mirror is repaired when some lead has a link row but an empty column — what a
 * column just added by Strapi's schema sync looks like; the probe reads only leads whose column is
 * empty, so a database in step pays next to nothing.
 */
export const backfillLeadMirrors = async (strapi: Core.Strapi) => {
  const knex = strapi.db.connection as unknown as Knex;
  const table = strapi.db.metadata.get(UID.lead).tableName;
  const mirrors = mirrorColumns(strapi);
  let stale = false;
  for (const { column, link } of mirrors) {
    stale ||= !!(await knex(table)
      .first('id')
      .whereNull(column)
      .whereExists(
        knex(link.table)
          .select(knex.raw('1'))
          .whereRaw('?? = ??', [`${link.table}.${link.lead}`, `${table}.id`])
      ));
  }
  if (!stale) return;
  const started = Date.now();
  await repairMirrors(knex, strapi.db.dialect.client, table, mirrors);
  strapi.log.info(
    `[crm] filled the lead columns ${mirrors.map((m) => m.column).join(', ')} in ${Date.now() - started} ms`
  );
};

/**
 * The deletion of a staff member, a status or a source takes its link rows with it (cascading
 * foreign keys): the mirror columns that named it are emptied in the same transaction.
 */
export const registerMirrorCleanup = (strapi: Core.Strapi) => {
  const table = () => strapi.db.metadata.get(UID.lead).tableName;
  for (const mirror of mirrorColumns(strapi)) {
    strapi.db.lifecycles.subscribe({
      models: [mirror.target],
      async afterDelete(event: { result?: { id?: number } | null }) {
        const id = event.result?.id;
        if (id == null) return;
        await onCurrent(strapi, (knex) =>
          knex(table())
            .where(mirror.column, id)
            .update({ [mirror.column]: null })
        );
      },
      async afterDeleteMany() {
        const targets = strapi.db.metadata.get(mirror.target).tableName;
        await onCurrent(strapi, (knex) =>
          knex(table())
            .whereNotNull(mirror.column)
            .whereNotExists(
              knex(targets)
                .select(knex.raw('1'))
                .whereRaw('?? = ??', [`${targets}.id`, `${table()}.${mirror.column}`])
            )
            .update({ [mirror.column]: null })
        );
      },
    } as never);
  }
};

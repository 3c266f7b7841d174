import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { UID } from '../uids';

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
 * Sets the mirror columns of the leads `leadIds` (or of the leads whose documentId is one of
 * `documentIds`) from their link rows: one UPDATE with a correlated subquery per column, inside
 * the current transaction. Call it after any bulk insert or change of leads' status, source or
 * assignee links that does not go through the Document Service (the CSV import's batch insert).
 */
export const syncLeadMirrors = async (
  strapi: Core.Strapi,
  leads: { ids: number[] } | { documentIds: string[] }
) => {
  const mirrors = mirrorColumns(strapi);
  const keys = 'ids' in leads ? leads.ids : leads.documentIds;
  if (!mirrors.length || !keys.length) return;
  const meta = strapi.db.metadata.get(UID.lead);
  const table = meta.tableName;
  const keyColumn =
    'ids' in leads ? 'id' : ((meta.attributes as Record<string, Attribute>).documentId?.columnName ?? 'document_id');
  await onCurrent(strapi, async (knex) => {
    // bound values per statement stay far below every database's limit
    for (let i = 0; i < keys.length; i += 500) {
      const set: Record<string, Knex.Raw> = {};
      for (const { column, link } of mirrors) {
        set[column] = knex.raw(`(SELECT ?? FROM ?? WHERE ?? = ??.?? ORDER BY ?? LIMIT 1)`, [
          link.target,
          link.table,
          `${link.table}.${link.lead}`,
          table,
          'id',
          `${link.table}.id`,
        ]);
      }
      await knex(table)
        .whereIn(keyColumn, keys.slice(i, i + 500))
        .update(set);
    }
  });
};

/**
 * The leads of every mirror whose column disagrees with its link table, made right: per target,
 * `UPDATE … SET column = target WHERE id IN (its links) AND column is not it`, then the columns
 * left pointing at nothing set to NULL. Groups by target (a few statuses, sources, staff), so the
 * statements stay set-based on all three databases (MySQL refuses a subquery on the updated table).
 */
const repairMirror = async (knex: Knex, table: string, mirror: MirrorColumns) => {
  const { column, link } = mirror;
  const targets = (await knex(link.table).distinct(link.target)) as Record<string, number>[];
  for (const row of targets) {
    const target = row[link.target];
    await knex(table)
      .whereIn('id', knex(link.table).select(link.lead).where(link.target, target))
      .where((b) => b.whereNull(column).orWhereNot(column, target))
      .update({ [column]: target });
  }
  await knex(table)
    .whereNotNull(column)
    .whereNotExists(
      knex(link.table)
        .select(knex.raw('1'))
        .whereRaw('?? = ??', [`${link.table}.${link.lead}`, `${table}.id`])
    )
    .update({ [column]: null });
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
  for (const mirror of mirrorColumns(strapi)) {
    const { column, link } = mirror;
    const stale = await knex(table)
      .first('id')
      .whereNull(column)
      .whereExists(
        knex(link.table)
          .select(knex.raw('1'))
          .whereRaw('?? = ??', [`${link.table}.${link.lead}`, `${table}.id`])
      );
    if (!stale) continue;
    const started = Date.now();
    await knex.transaction((trx) => repairMirror(trx as unknown as Knex, table, mirror));
    strapi.log.info(`[crm] filled the lead column ${column} in ${Date.now() - started} ms`);
  }
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

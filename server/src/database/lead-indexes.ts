import type { Core } from '@strapi/strapi';
import { UID } from '../uids';
import { mirrorColumns } from './lead-mirrors';

interface JoinTable {
  name: string;
  joinColumn: { name: string };
  inverseJoinColumn: { name: string };
}
type Attributes = Record<
  string,
  { columnName?: string; joinColumn?: { name: string }; joinTable?: JoinTable }
>;

/** An index the plugin keeps on one of its tables. */
interface IndexSpec {
  name: string;
  table: string;
  columns: string[];
  /** a partial index (PostgreSQL only): these boolean columns false */
  whereFalse?: string[];
}

/** Searched fields: a trigram index each on PostgreSQL (the expression Strapi's `$containsi` writes). */
const SEARCHED = ['name', 'email', 'company', 'phone'];
/**
 * Indexes of earlier versions (after the table name) that a wider one now replaces: `(lost, junk,
 * created_at, id)` and the content type's own `(created_at)` and `(lost, junk, created_at)`, each a
 * prefix of one below. Strapi drops the last two itself when it syncs a schema that declared them;
 * dropping them here too covers a database whose stored schema did not.
 */
const RETIRED = ['open_created_id_idx', 'created_at_idx', 'open_idx'];
/** To-one relations the list tests with `EXISTS` (status, source, assignee), from their target's side. */
const LINKED = ['leadStatus', 'source', 'assignedTo'];

/**
 * The indexes that let the leads list, the board and search walk to a page instead of sorting
 * every visible lead (SPEC §10), on all three databases:
 * - the leads table in the orders a list is read in (`created_at, id` — the default, newest
 *   first; `updated_at, id`; `name, id`), so a page and a keyset page are an index range;
 * - the default list (`lost, junk, created_at, id` then the status and visibility columns) and a
 *   board column (`status_mirror, lost, junk, created_at, id`, the visibility columns, `value`)
 *   with every column their conditions read, so a page, a capped count and a capped sum are read
 *   from the index alone (the mirror columns of database/lead-mirrors.ts); on PostgreSQL also
 *   the default list's as a partial index of the open leads, which its planner prefers;
 * - the status, source and assignee link tables by target then lead, so the database can read
 *   "the leads of this status / assignee" from the index alone (Strapi indexes each column apart);
 * - on PostgreSQL, a trigram index (pg_trgm, GIN) on LOWER(name|email|company|phone) for search.
 * Names are the plugin's own; Strapi's schema sync leaves indexes it did not declare alone.
 */
export const leadIndexes = (strapi: Core.Strapi): IndexSpec[] => {
  const meta = strapi.db.metadata.get(UID.lead);
  const attributes = meta.attributes as Attributes;
  const column = (key: string) => attributes[key]?.columnName ?? key;
  const table = meta.tableName;
  const mirror = (relation: string) => mirrorColumns(strapi).find((m) => m.relation === relation)?.column;
  const creator = attributes.createdBy?.joinColumn?.name ?? 'created_by_id';
  const [status, assignee, source] = [mirror('leadStatus'), mirror('assignedTo'), mirror('source')];
  const visibility = [creator, ...(assignee ? [assignee] : []), column('isPublic')];
  const specs: IndexSpec[] = [
    { name: `${table}_created_id_idx`, table, columns: [column('createdAt'), 'id'] },
    // The default list (open leads, newest first) and its capped count: the walk reads the
    // status and visibility columns from the index itself (an index-only scan on PostgreSQL)
    // instead of fetching each lead it passes over to test them.
    {
      name: `${table}_open_list_idx`,
      table,
      columns: [
        column('lost'),
        column('junk'),
        column('createdAt'),
        'id',
        ...(status ? [status] : []),
        ...visibility,
      ],
    },
    // PostgreSQL: the same walk over the open leads only. The full index above is a third larger,
    // and at 100,000 leads its planner priced the capped count's index-only walk at the table's
    // scan and took the scan: 20-60 ms instead of 4. MySQL/MariaDB have no partial indexes, and
    // SQLite does not match a partial index to a condition whose value is a bound parameter.
    ...(strapi.db.dialect.client === 'postgres'
      ? [
          {
            name: `${table}_open_only_idx`,
            table,
            columns: [column('createdAt'), 'id', ...(status ? [status] : []), ...visibility],
            whereFalse: [column('lost'), column('junk')],
          },
        ]
      : []),
    { name: `${table}_updated_id_idx`, table, columns: [column('updatedAt'), 'id'] },
    { name: `${table}_name_id_idx`, table, columns: [column('name'), 'id'] },
    // visibility as `assignee = me OR creator = me OR public` on the leads table: an index per
    // branch (PostgreSQL ORs their bitmaps), each in the default order
    { name: `${table}_creator_created_idx`, table, columns: [creator, column('createdAt'), 'id'] },
  ];
  if (status) {
    // a board column (or a status filter): its open leads newest first, with what its capped
    // count and summed value test and add, all from the index
    specs.push({
      name: `${table}_status_list_idx`,
      table,
      columns: [
        status,
        column('lost'),
        column('junk'),
        column('createdAt'),
        'id',
        ...visibility,
        column('value'),
      ],
    });
  }
  for (const column_ of [assignee, source]) {
    // "assigned to me", a source filter: walked newest first
    if (column_)
      specs.push({ name: `${table}_${column_}_idx`, table, columns: [column_, column('createdAt'), 'id'] });
  }
  for (const key of LINKED) {
    const link = attributes[key]?.joinTable;
    if (!link) continue;
    specs.push({
      name: `${link.name}_target_idx`,
      table: link.name,
      columns: [link.inverseJoinColumn.name, link.joinColumn.name],
    });
  }
  return specs;
};

/** The trigram indexes of search (PostgreSQL). */
export const searchIndexes = (strapi: Core.Strapi) => {
  const meta = strapi.db.metadata.get(UID.lead);
  const attributes = meta.attributes as Attributes;
  return SEARCHED.map((key) => ({
    name: `${meta.tableName}_${attributes[key]?.columnName ?? key}_trgm_idx`,
    table: meta.tableName,
    column: attributes[key]?.columnName ?? key,
  }));
};

/** The names of the leads table's indexes of earlier versions, dropped at boot. */
export const retiredIndexes = (strapi: Core.Strapi) => {
  const leads = strapi.db.metadata.get(UID.lead).tableName;
  return RETIRED.map((suffix) => `${leads}_${suffix}`);
};

const mysqlIndexExists = async (strapi: Core.Strapi, table: string, name: string) => {
  const [rows] = await strapi.db.connection.raw(
    'SELECT 1 FROM information_schema.statistics WHERE table_schema = DATABASE() AND table_name = ? AND index_name = ?',
    [table, name]
  );
  return rows.length > 0;
};

/**
 * Creates the indexes of `leadIndexes` (and the trigram ones on PostgreSQL) that do not exist
 * yet: at every boot, so a database made by an earlier version gets them on its first boot.
 * Each is an optional speed-up: one that cannot be created is logged and the app runs without it.
 */
export const ensureLeadIndexes = async (strapi: Core.Strapi) => {
  const knex = strapi.db.connection;
  const client = strapi.db.dialect.client;
  const attempt = async (name: string, work: () => Promise<unknown>) => {
    try {
      await work();
    } catch (error) {
      strapi.log.warn(`[crm] could not create the index ${name}: ${(error as Error).message}`);
    }
  };
  // indexes of an earlier version that a wider one above replaces (writes no longer pay for them)
  const leads = strapi.db.metadata.get(UID.lead).tableName;
  for (const name of retiredIndexes(strapi)) {
    await attempt(name, async () => {
      if (client !== 'mysql') await knex.raw('DROP INDEX IF EXISTS ??', [name]);
      else if (await mysqlIndexExists(strapi, leads, name))
        await knex.raw('DROP INDEX ?? ON ??', [name, leads]);
    });
  }
  for (const { name, table, columns, whereFalse } of leadIndexes(strapi)) {
    await attempt(name, async () => {
      if (client === 'mysql') {
        if (!(await mysqlIndexExists(strapi, table, name))) {
          await knex.raw(`CREATE INDEX ?? ON ?? (${columns.map(() => '??').join(', ')})`, [
            name,
            table,
            ...columns,
          ]);
        }
        return;
      }
      const where = whereFalse?.length ? ` WHERE ${whereFalse.map(() => '?? = false').join(' AND ')}` : '';
      await knex.raw(`CREATE INDEX IF NOT EXISTS ?? ON ?? (${columns.map(() => '??').join(', ')})${where}`, [
        name,
        table,
        ...columns,
        ...(whereFalse ?? []),
      ]);
    });
  }
  if (client !== 'postgres') return;
  // Without the extension (a role that may not create it), search reads the leads table: say so once.
  let trigrams = true;
  await knex.raw('CREATE EXTENSION IF NOT EXISTS pg_trgm').catch((error: Error) => {
    trigrams = false;
    strapi.log.warn(
      `[crm] pg_trgm is not available (${error.message}): lead search reads the whole leads table. ` +
        'Ask your database administrator to run CREATE EXTENSION pg_trgm.'
    );
  });
  if (!trigrams) return;
  for (const { name, table, column } of searchIndexes(strapi)) {
    await attempt(name, () =>
      // the very expression Strapi's $containsi compares, so the planner can match it
      knex.raw('CREATE INDEX IF NOT EXISTS ?? ON ?? USING gin ((LOWER(CAST(?? AS VARCHAR))) gin_trgm_ops)', [
        name,
        table,
        column,
      ])
    );
  }
};

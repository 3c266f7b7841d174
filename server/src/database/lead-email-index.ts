import type { Core } from '@strapi/strapi';
import { UID } from '../uids';
import { columnOf } from './columns';

export const EMAIL_INDEX = 'crm_leads_email_lower_idx';
/** MySQL and MariaDB: an index on the column itself, which their `_ci` collation compares without case. */
export const EMAIL_COLUMN_INDEX = 'crm_leads_email_idx';

/**
 * Web-to-lead looks for the open lead with a submission's email case-insensitively: without an
 * index every submission reads every lead. Schema indexes name columns only, so this one is
 * created here, at each boot (a no-op once it exists): on PostgreSQL and SQLite an index on
 * LOWER(email), on MySQL and MariaDB an index on the column (their `_ci` collation compares
 * without case, and MariaDB has no index on an expression). Strapi leaves an index it did not
 * declare alone. `leadIdsWithEmail` is the lookup that uses it.
 */
export const ensureEmailIndex = async (strapi: Core.Strapi) => {
  const meta = strapi.db.metadata.get(UID.lead);
  const column = columnOf(strapi, UID.lead, 'email');
  const knex = strapi.db.connection;
  const client = strapi.db.dialect.client;
  if (client === 'postgres' || client === 'sqlite') {
    await knex.raw('CREATE INDEX IF NOT EXISTS ?? ON ?? (LOWER(??))', [EMAIL_INDEX, meta.tableName, column]);
    return;
  }
  if (client !== 'mysql') return;
  const [existing] = await knex.raw(
    'SELECT 1 FROM information_schema.statistics WHERE table_schema = DATABASE() AND table_name = ? AND index_name = ?',
    [meta.tableName, EMAIL_COLUMN_INDEX]
  );
  if (!existing.length) {
    await knex.raw('CREATE INDEX ?? ON ?? (??)', [EMAIL_COLUMN_INDEX, meta.tableName, column]);
  }
};

/**
 * A subquery of the ids of the leads whose email is `email` whatever the letter case, written
 * the way the index above answers it (Strapi's `$eqi` wraps the column in LOWER() on MySQL, where
 * no index can then serve it). For `{ id: { $in: ... } }` in a Strapi query.
 */
export const leadIdsWithEmail = (strapi: Core.Strapi, email: string) => {
  const meta = strapi.db.metadata.get(UID.lead);
  const column = columnOf(strapi, UID.lead, 'email');
  const query = strapi.db.connection(meta.tableName).select('id');
  return strapi.db.dialect.client === 'mysql'
    ? query.where(column, email)
    : query.whereRaw('LOWER(??) = LOWER(?)', [column, email]);
};

/**
 * The ids and emails of the leads whose email is one of `emails` whatever the letter case, in one
 * query on the same index (an import looks up a whole batch at once). Emails answered lowercased.
 */
export const leadsWithEmails = async (
  strapi: Core.Strapi,
  emails: string[]
): Promise<{ id: number; email: string }[]> => {
  const wanted = [...new Set(emails.map((e) => e.toLowerCase()))];
  if (!wanted.length) return [];
  const meta = strapi.db.metadata.get(UID.lead);
  const column = columnOf(strapi, UID.lead, 'email');
  // inside the caller's transaction, when there is one: it sees the leads written before in it
  const rows: { id: number; email: string }[] = await strapi.db.transaction(({ trx }) => {
    const query = trx(meta.tableName).select('id', { email: column });
    return strapi.db.dialect.client === 'mysql'
      ? query.whereIn(column, wanted)
      : query.whereRaw(`LOWER(??) IN (${wanted.map(() => '?').join(', ')})`, [column, ...wanted]);
  });
  return rows.map((row) => ({ id: Number(row.id), email: String(row.email).toLowerCase() }));
};

import type { Core } from '@strapi/strapi';
import { UID } from '../uids';

export const EMAIL_INDEX = 'crm_leads_email_lower_idx';

/** Whether a MySQL server (not MariaDB, which has none) supports functional indexes (8.0.13+). */
const mysqlHasFunctionalIndexes = (version: string) => {
  if (/mariadb/i.test(version)) return false;
  const [major = 0, minor = 0, patch = 0] = version.split(/[.-]/).map(Number);
  return major > 8 || (major === 8 && (minor > 0 || patch >= 13));
};

/**
 * Web-to-lead looks for the open lead with a submission's email case-insensitively
 * (`LOWER(email) = LOWER(?)`): without an index on that expression every submission reads every
 * lead. Schema indexes name columns only, so this one is created here, once, where the database
 * supports it (PostgreSQL, SQLite, MySQL 8.0.13+; not MariaDB). Strapi leaves an index it did
 * not declare alone.
 */
export const ensureEmailIndex = async (strapi: Core.Strapi) => {
  const meta = strapi.db.metadata.get(UID.lead);
  const column = (meta.attributes.email as { columnName?: string }).columnName ?? 'email';
  const knex = strapi.db.connection;
  const client = strapi.db.dialect.client;
  if (client === 'postgres' || client === 'sqlite') {
    await knex.raw('CREATE INDEX IF NOT EXISTS ?? ON ?? (LOWER(??))', [EMAIL_INDEX, meta.tableName, column]);
    return;
  }
  if (client !== 'mysql') return;
  const [[{ version }]] = await knex.raw('SELECT VERSION() AS version');
  if (!mysqlHasFunctionalIndexes(version)) return;
  const [existing] = await knex.raw(
    'SELECT 1 FROM information_schema.statistics WHERE table_schema = DATABASE() AND table_name = ? AND index_name = ?',
    [meta.tableName, EMAIL_INDEX]
  );
  if (!existing.length) {
    await knex.raw('CREATE INDEX ?? ON ?? ((LOWER(??)))', [EMAIL_INDEX, meta.tableName, column]);
  }
};

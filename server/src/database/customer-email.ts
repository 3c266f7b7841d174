import type { Core } from '@strapi/strapi';
import { UID } from '../uids';
import { columnOf } from './columns';

export const CUSTOMER_EMAIL_INDEX = 'crm_customers_email_unique';

interface DatabaseError {
  code?: string;
  errno?: number;
  constraint?: string;
  message?: string;
}

/**
 * SPEC §6: one customer per email, whatever the letter case, enforced by the database so that two
 * conversions racing on two instances cannot both create one. PostgreSQL and SQLite get a unique
 * index on LOWER(email); MySQL and MariaDB compare strings through the column's collation, which
 * is case-insensitive (`*_ci`, Strapi's default), so a unique index on the column does the same.
 * Schema indexes name columns only, hence created here at each boot (a no-op once it exists).
 * Existing duplicates keep it from being created: then a warning names them and the application
 * check alone holds.
 */
export const ensureCustomerEmailUnique = async (strapi: Core.Strapi) => {
  const meta = strapi.db.metadata.get(UID.customer);
  const column = columnOf(strapi, UID.customer, 'email');
  const knex = strapi.db.connection;
  const client = strapi.db.dialect.client;
  try {
    if (client === 'postgres' || client === 'sqlite') {
      await knex.raw('CREATE UNIQUE INDEX IF NOT EXISTS ?? ON ?? (LOWER(??))', [
        CUSTOMER_EMAIL_INDEX,
        meta.tableName,
        column,
      ]);
      return;
    }
    if (client !== 'mysql') return;
    const [existing] = await knex.raw(
      'SELECT 1 FROM information_schema.statistics WHERE table_schema = DATABASE() AND table_name = ? AND index_name = ?',
      [meta.tableName, CUSTOMER_EMAIL_INDEX]
    );
    if (!existing.length) {
      await knex.raw('CREATE UNIQUE INDEX ?? ON ?? (??)', [CUSTOMER_EMAIL_INDEX, meta.tableName, column]);
    }
  } catch (error) {
    strapi.log.warn(
      `[crm] customer emails are not unique in the database yet (${(error as Error).message}): ` +
        'merge the customers that share an email, then restart'
    );
  }
};

/**
 * The id of the customer whose email is `email` whatever the letter case, through the index above:
 * `LOWER(email) = LOWER(?)` on PostgreSQL and SQLite (the indexed expression, where Strapi's
 * `$eqi` writes `LOWER(CAST(email AS VARCHAR))` on PostgreSQL, which no index answers, so every
 * customer was read), the column itself on MySQL and MariaDB (its `_ci` collation compares without
 * case, and a function around the column would keep the index out). Inside the current
 * transaction when there is one.
 */
export const customerIdWithEmail = async (strapi: Core.Strapi, email: string): Promise<number | null> => {
  const meta = strapi.db.metadata.get(UID.customer);
  const column = columnOf(strapi, UID.customer, 'email');
  const lookup = (knex: typeof strapi.db.connection) => {
    const query = knex(meta.tableName).first('id');
    return strapi.db.dialect.client === 'mysql'
      ? query.where(column, email)
      : query.whereRaw('LOWER(??) = LOWER(?)', [column, email]);
  };
  // no transaction of its own (one round trip), the current one when there is one
  const row = strapi.db.inTransaction()
    ? await strapi.db.transaction(({ trx }) => lookup(trx as never))
    : await lookup(strapi.db.connection);
  return row ? Number(row.id) : null;
};

/** Whether `error` is the database refusing a second customer with the same email. */
export const isDuplicateCustomerEmail = (error: unknown) => {
  const e = error as DatabaseError;
  const text = `${e?.constraint ?? ''} ${e?.message ?? ''}`;
  const unique =
    e?.code === '23505' || e?.code === 'ER_DUP_ENTRY' || e?.errno === 1062 || /UNIQUE constraint/i.test(text);
  return unique && text.includes(CUSTOMER_EMAIL_INDEX);
};

/** Whether `error` is any unique violation (a concurrent insert of the same row). */
export const isUniqueViolation = (error: unknown) => {
  const e = error as DatabaseError;
  return (
    e?.code === '23505' ||
    e?.code === 'ER_DUP_ENTRY' ||
    e?.errno === 1062 ||
    /SQLITE_CONSTRAINT_UNIQUE|UNIQUE constraint failed/i.test(`${e?.code ?? ''} ${e?.message ?? ''}`)
  );
};

import type { Core } from '@strapi/strapi';
import { UID } from '../uids';
import { columnOf } from './columns';

/**
 * Takes, inside the current transaction, a row lock that every conversion takes first: the
 * customer status row (it always exists). Conversions then write one after another, across
 * instances, until their transaction ends. Without it, InnoDB's gap locks on the link tables
 * deadlocked conversions of different leads at the same moment, and a deadlock there could leave
 * a statement of the rolled-back transaction applied. A conversion is a person's click: waiting
 * for another one's few milliseconds costs nothing. SQLite has one writer at a time already.
 * PostgreSQL has no gap locks: there the claim (one lead, one winner) and the unique index on the
 * customers' LOWER(email) (one customer an address) settle the races, and conversions of
 * different leads run side by side; only a conversion that creates a customer custom-field
 * definition takes the lock, so that the next one finds the definition instead of failing
 * Strapi's unique check on its slug (conversion-race.test.ts).
 */
export const lockConversions = async (
  strapi: Core.Strapi,
  { creatingDefinitions }: { creatingDefinitions: boolean }
) => {
  const client = strapi.db.dialect.client;
  if (client === 'sqlite' || (client === 'postgres' && !creatingDefinitions)) return;
  const meta = strapi.db.metadata.get(UID.leadStatus);
  const column = columnOf(strapi, UID.leadStatus, 'isCustomerStatus');
  await strapi.db.transaction(({ trx }) => trx(meta.tableName).select('id').where(column, true).forUpdate());
};

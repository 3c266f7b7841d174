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
 */
export const lockConversions = async (strapi: Core.Strapi) => {
  if (strapi.db.dialect.client === 'sqlite') return;
  const meta = strapi.db.metadata.get(UID.leadStatus);
  const column = columnOf(strapi, UID.leadStatus, 'isCustomerStatus');
  await strapi.db.transaction(({ trx }) => trx(meta.tableName).select('id').where(column, true).forUpdate());
};

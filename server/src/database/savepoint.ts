import type { Core } from '@strapi/strapi';
import { isUniqueViolation } from './customer-email';

/**
 * Runs an insert inside the current transaction, behind a savepoint: when a concurrent transaction
 * inserted the same row first (a unique violation), the insert alone is undone and `null` is
 * answered, so the surrounding transaction goes on (PostgreSQL would otherwise refuse every later
 * statement of it).
 */
export const insertUnlessDuplicate = async <T>(
  strapi: Core.Strapi,
  insert: () => Promise<T>
): Promise<T | null> =>
  strapi.db.transaction(async ({ trx }): Promise<T | null> => {
    await trx.raw('SAVEPOINT crm_insert_once');
    try {
      const inserted = await insert();
      await trx.raw('RELEASE SAVEPOINT crm_insert_once');
      return inserted;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      await trx.raw('ROLLBACK TO SAVEPOINT crm_insert_once');
      return null;
    }
  });

import { setTimeout as sleep } from 'node:timers/promises';

interface DatabaseError {
  code?: string;
  errno?: number;
}

/** A deadlock (InnoDB, PostgreSQL) or a busy SQLite: the database rolled the transaction back whole. */
export const isDeadlock = (error: unknown) => {
  const e = error as DatabaseError;
  return (
    e?.code === 'ER_LOCK_DEADLOCK' || e?.errno === 1213 || e?.code === '40P01' || e?.code === 'SQLITE_BUSY'
  );
};

/**
 * Runs a transaction again when the database chose it as a deadlock's victim: InnoDB takes gap
 * locks on link tables, so conversions of different leads at the same moment can deadlock each
 * other. The victim's transaction was rolled back whole, so running it again is safe.
 */
export const retryOnDeadlock = async <T>(transaction: () => Promise<T>, attempts = 8): Promise<T> => {
  for (let attempt = 1; ; attempt++) {
    try {
      return await transaction();
    } catch (error) {
      if (!isDeadlock(error) || attempt >= attempts) throw error;
      await sleep(20 * attempt + Math.floor(Math.random() * 50));
    }
  }
};

import type { Core } from '@strapi/strapi';
import { getService } from './utils';

interface Pool {
  numPendingAcquires(): number;
  numUsed(): number;
}

/**
 * Waits (at most `ms`) until no query holds or waits for a connection: the last import batch's
 * leads set off Strapi's own work (document events, webhooks) that is still queued for the pool
 * when the worker returns, and closing the database under it would abort those queries.
 */
const settle = async (strapi: Core.Strapi, ms: number) => {
  const pool = (strapi.db.connection.client as { pool?: Pool }).pool;
  const until = Date.now() + ms;
  while (pool && (pool.numPendingAcquires() > 0 || pool.numUsed() > 0) && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

/** Stops the import worker: the batch under way commits and the job is handed back for resuming. */
const destroy = async ({ strapi }: { strapi: Core.Strapi }) => {
  await getService(strapi, 'importWorker').stop();
  await settle(strapi, 5000);
};

export default destroy;

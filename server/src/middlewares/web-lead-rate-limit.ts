import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context, Next } from 'koa';
import {
  RateLimiterMySQL,
  RateLimiterPostgres,
  RateLimiterRedis,
  RateLimiterRes,
  RateLimiterSQLite,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import { crmConfig } from '../utils';

/** The table of the counters, in the database every instance shares (Strapi leaves tables it did not make alone). */
export const RATE_LIMIT_TABLE = 'crm_rate_limits';
const KEY_PREFIX = 'crm-web-leads';

interface RateLimitConfig {
  max: number;
  intervalMs: number;
  /** `redis://…`: count in Redis instead (needs the `ioredis` package), the database standing in while it is down. */
  redis?: string | null;
}

/**
 * The counters' table, made once with the columns rate-limiter-flexible's SQL stores read and
 * write (key, points, expire, in that order: their upserts insert by position).
 */
const ensureTable = async (strapi: Core.Strapi) => {
  const knex = strapi.db.connection;
  if (await knex.schema.hasTable(RATE_LIMIT_TABLE)) return;
  try {
    await knex.schema.createTable(RATE_LIMIT_TABLE, (table) => {
      table.string('key', 255).primary();
      table.integer('points').notNullable().defaultTo(0);
      table.bigInteger('expire');
    });
  } catch (error) {
    // another instance made it at the same moment
    if (!(await knex.schema.hasTable(RATE_LIMIT_TABLE))) throw error;
  }
};

/** The limiter over the app's own database connection (knex), whichever database it is. */
const databaseLimiter = async (strapi: Core.Strapi, points: number, duration: number) => {
  await ensureTable(strapi);
  const common = {
    storeClient: strapi.db.connection,
    storeType: 'knex',
    tableName: RATE_LIMIT_TABLE,
    tableCreated: true,
    keyPrefix: KEY_PREFIX,
    points,
    duration,
  };
  switch (strapi.db.dialect.client) {
    case 'postgres': {
      const schemaName = (strapi.db.connection.client.config.connection as { schema?: string })?.schema;
      return new RateLimiterPostgres({ ...common, ...(schemaName ? { schemaName } : {}) });
    }
    case 'mysql': {
      const [[{ name }]] = await strapi.db.connection.raw('SELECT DATABASE() AS name');
      return new RateLimiterMySQL({ ...common, dbName: name });
    }
    default:
      return new RateLimiterSQLite(common);
  }
};

/**
 * Redis when configured and its client is installed, counting through the database while Redis
 * does not answer; else the database alone (with a warning naming what is missing).
 */
const createLimiter = async (strapi: Core.Strapi, config: RateLimitConfig): Promise<RateLimiterAbstract> => {
  const duration = config.intervalMs / 1000;
  const database = await databaseLimiter(strapi, config.max, duration);
  if (!config.redis) return database;
  let Redis: new (
    url: string,
    options: Record<string, unknown>
  ) => { on: (e: string, f: () => void) => void };
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    Redis = require('ioredis');
  } catch {
    strapi.log.warn(
      '[crm] webLeads.rateLimit.redis is set but the ioredis package is not installed: the web-to-lead limit counts in the database'
    );
    return database;
  }
  const client = new Redis(config.redis, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  client.on('error', () => {
    /* the insurance limiter counts meanwhile; ioredis reconnects by itself */
  });
  return new RateLimiterRedis({
    storeClient: client,
    keyPrefix: KEY_PREFIX,
    points: config.max,
    duration,
    insuranceLimiter: database,
  });
};

/** One key per client address: an IPv4 client seen through an IPv6 socket (`::ffff:1.2.3.4`) is the same client. */
const clientKey = (ip: string) => ip.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');

/**
 * Per-IP rate limit of the web-to-lead form: past the limit, 429 with Retry-After. The counters
 * live in the database the instances share (or Redis when configured), so instances behind a
 * load balancer let through the limit, not the limit times the number of instances.
 */
const webLeadRateLimit = (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const config = () => crmConfig(strapi, 'webLeads').rateLimit;
  let limiter: Promise<RateLimiterAbstract> | null = null;
  const ready = () => {
    limiter ??= createLimiter(strapi, config()).catch((error) => {
      limiter = null;
      throw error;
    });
    return limiter;
  };

  return async (ctx: Context, next: Next) => {
    const { intervalMs } = config();
    let refused: RateLimiterRes | null = null;
    try {
      await (await ready()).consume(clientKey(ctx.request.ip));
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) {
        // a store that fails must not take the contact form down with it
        strapi.log.warn(`[crm] the web-to-lead rate limit could not count: ${(error as Error).message}`);
        return next();
      }
      refused = error;
    }
    if (refused) {
      const seconds = Math.ceil(refused.msBeforeNext / 1000);
      const retryAfter = Math.min(Math.ceil(intervalMs / 1000), Math.max(1, seconds));
      // the body says what the header says (`ctx.get` would read the request's headers)
      ctx.set('Retry-After', String(retryAfter));
      throw new errors.RateLimitError('Too many submissions: try again later', { retryAfter });
    }
    return next();
  };
};

export default webLeadRateLimit;

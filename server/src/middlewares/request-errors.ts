import type { Core } from '@strapi/strapi';
import createHttpError from 'http-errors';
import type { Context, Next } from 'koa';

/** The plugin's admin and content-API paths. */
const CRM_PATH = /^\/(api\/)?crm(\/|$)/;

/** Seconds a client should wait before retrying while the database is unreachable. */
export const DATABASE_RETRY_AFTER = 10;

/** How long the probe may wait for the database before calling it unreachable. */
const PROBE_TIMEOUT_MS = 3_000;

/** Codes of a connection that is gone or cannot be made (Node, knex, pg, mysql2, SQLSTATE). */
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_ENQUEUE_AFTER_FATAL_ERROR',
  'ER_CON_COUNT_ERROR',
  'ER_SERVER_SHUTDOWN',
  '57P01',
  '57P02',
  '57P03',
  '53300',
]);

const CONNECTION_MESSAGES =
  /Connection terminated|not queryable|Timeout acquiring a connection|connection is closed|Connection lost|after fatal error/i;

/** Whether `error` (or what it wraps) says the database connection was lost or refused. */
export const isConnectionError = (error: unknown, depth = 0): boolean => {
  if (!(error instanceof Error) || depth > 3) return false;
  const { code, cause } = error as Error & { code?: unknown; cause?: unknown };
  return (
    (typeof code === 'string' && (CONNECTION_CODES.has(code) || /^08\d{3}$/.test(code))) ||
    error.name === 'KnexTimeoutError' ||
    CONNECTION_MESSAGES.test(error.message) ||
    isConnectionError(cause, depth + 1)
  );
};

/** The 503 for an unreachable database, with the Retry-After header set on `ctx`. */
export const serviceUnavailable = (ctx: Context) => {
  ctx.set('Retry-After', String(DATABASE_RETRY_AFTER));
  return Object.assign(
    createHttpError(503, 'The database is not answering: try again shortly', { expose: true }),
    { details: { retryAfter: DATABASE_RETRY_AFTER } }
  );
};

const envelope = (status: number, name: string, message: string, details: Record<string, unknown>) => ({
  data: null,
  error: { status, name, message, details },
});

const databaseAnswers = async (strapi: Core.Strapi) => {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      strapi.db.connection.raw('select 1'),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('probe timed out')), PROBE_TIMEOUT_MS);
      }),
    ]);
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
};

/**
 * The outermost middleware of the plugin's paths. Strapi's body parser runs before any route
 * middleware, and a body it cannot read (a truncated multipart upload, malformed JSON) ends in
 * Strapi's error handler as a 500 or a bare 400: here both become a 400 in the validation
 * envelope. A 500 while the database does not answer becomes a 503 with Retry-After.
 */
export const requestErrors =
  (strapi: Core.Strapi) =>
  async (ctx: Context, next: Next): Promise<void> => {
    if (!CRM_PATH.test(ctx.path)) return next();
    await next();
    if (ctx.status !== 400 && ctx.status !== 500) return;
    // koa-body sets a body (at least `{}`) on every request it does not fail on
    if ((ctx.request as { body?: unknown }).body === undefined) {
      const reason =
        ctx.status === 400 ? (ctx.body as { error?: { message?: string } })?.error?.message : undefined;
      const message = `The request body could not be read${reason ? `: ${reason}` : ' (malformed or truncated)'}`;
      ctx.status = 400;
      ctx.body = envelope(400, 'ValidationError', message, {
        errors: [{ path: [], message, name: 'ValidationError' }],
      });
      return;
    }
    if (ctx.status === 500 && !(await databaseAnswers(strapi))) {
      const error = serviceUnavailable(ctx);
      ctx.status = 503;
      ctx.body = envelope(503, 'ServiceUnavailableError', error.message, error.details);
    }
  };

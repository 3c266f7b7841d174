import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context, Next } from 'koa';

// koa2-ratelimit is what Strapi's admin uses for its login; it ships no types.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { RateLimit, Stores } = require('koa2-ratelimit');

/**
 * Per-IP rate limit of the web-to-lead form: past the limit, 429 with Retry-After. The counters
 * live in this instance's memory (behind a load balancer each instance counts for itself).
 */
const webLeadRateLimit = (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const { max, intervalMs } = strapi.plugin('crm').config('webLeads.rateLimit') as {
    max: number;
    intervalMs: number;
  };
  const limiter = RateLimit.middleware({
    interval: intervalMs,
    max,
    prefixKey: 'crm-web-leads',
    store: new Stores.Memory(),
    keyGenerator: async (ctx: Context) => `crm-web-leads::${ctx.request.ip}`,
    handler(ctx: Context) {
      const reset = (ctx.state.rateLimit?.reset ?? 0) * 1000;
      const seconds = Math.ceil((reset - Date.now()) / 1000);
      const retryAfter = Math.min(Math.ceil(intervalMs / 1000), Math.max(1, seconds));
      // the body says what the header says (`ctx.get` would read the request's headers)
      ctx.set('Retry-After', String(retryAfter));
      throw new errors.RateLimitError('Too many submissions: try again later', { retryAfter });
    },
  });
  return (ctx: Context, next: Next) => limiter(ctx, next);
};

export default webLeadRateLimit;

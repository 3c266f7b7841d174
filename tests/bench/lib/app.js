/**
 * Boots the bench app (tests/bench/app: the demo app's configuration plus one ordinary content
 * type) in this process, as a production server listening on a free local port.
 */
const path = require('path');

const APP_DIR = path.resolve(__dirname, '../app');

const BENCH_ENV = {
  NODE_ENV: 'production',
  STRAPI_TELEMETRY_DISABLED: 'true',
  STRAPI_LOG_LEVEL: 'error',
  // no demo users or records: the bench seeds its own
  DEMO_USERS: 'false',
  // the bench logs its users in once per figure
  ADMIN_RATE_LIMIT: 'false',
  EMAIL_LOG: 'false',
  CRON_ENABLED: 'false',
  // web-to-lead throughput is measured with the per-IP limit out of the way
  CRM_WEB_LEADS_RATE_MAX: String(1_000_000_000),
};

/** Starts Strapi on the database `env` points at; answers the instance and its base URL. */
const startApp = async (env) => {
  Object.assign(process.env, BENCH_ENV, env);
  const { createStrapi } = require('@strapi/strapi');
  const strapi = createStrapi({ appDir: APP_DIR, distDir: APP_DIR });
  await strapi.load();
  await strapi.server.mount();
  const server = strapi.server.httpServer;
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return { strapi, baseUrl: `http://127.0.0.1:${server.address().port}` };
};

const stopApp = async (strapi) => {
  await strapi?.destroy();
};

module.exports = { startApp, stopApp };

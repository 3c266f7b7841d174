#!/usr/bin/env node
/**
 * The demo: `npm run develop` (Strapi watching the app) or `npm run start` (no watching).
 * Builds the plugin when its sources changed and, for `start`, the admin panel when missing,
 * then starts tests/app on SQLite unless DATABASE_CLIENT says otherwise.
 */
const fs = require('fs');
const path = require('path');
const { APP_DIR, bin, runOrExit, ensurePluginBuilt } = require('./lib');

const mode = process.argv[2];
if (mode !== 'develop' && mode !== 'start') {
  console.error('usage: demo.js develop|start');
  process.exit(2);
}

(async () => {
  const env = {
    ...process.env,
    STRAPI_TELEMETRY_DISABLED: 'true',
  };
  await ensurePluginBuilt();
  // `strapi develop` empties the app's dist/, admin build included: `start` rebuilds what is missing.
  if (mode === 'start' && !fs.existsSync(path.join(APP_DIR, 'dist/build/index.html'))) {
    await runOrExit(bin('strapi'), ['build'], { cwd: APP_DIR, env: { ...env, NODE_ENV: 'production' } });
  }
  await runOrExit(bin('strapi'), [mode], { cwd: APP_DIR, env });
})();

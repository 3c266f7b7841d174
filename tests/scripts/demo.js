#!/usr/bin/env node
/**
 * The demo: `npm run develop` (Strapi watching the app) or `npm run start` (no watching).
 * Builds the plugin when its sources changed and, for `start`, the admin panel when it is missing
 * or older than the plugin's admin bundle, then starts tests/app on SQLite unless
 * DATABASE_CLIENT says otherwise.
 */
const fs = require('fs');
const path = require('path');
const { APP_DIR, ROOT, bin, runOrExit, ensurePluginBuilt } = require('./lib');

const mode = process.argv[2];
if (mode !== 'develop' && mode !== 'start') {
  console.error('usage: demo.js develop|start');
  process.exit(2);
}

const adminIsStale = () => {
  const adminBuild = path.join(APP_DIR, 'build/index.html');
  const pluginAdmin = path.join(ROOT, 'dist/admin/index.mjs');
  return !fs.existsSync(adminBuild) || fs.statSync(adminBuild).mtimeMs < fs.statSync(pluginAdmin).mtimeMs;
};

(async () => {
  const env = { ...process.env, STRAPI_TELEMETRY_DISABLED: 'true' };
  await ensurePluginBuilt();
  if (mode === 'develop') {
    await runOrExit(bin('strapi'), ['develop'], { cwd: APP_DIR, env });
    return;
  }
  if (adminIsStale()) {
    await runOrExit(bin('strapi'), ['build'], { cwd: APP_DIR, env: { ...env, NODE_ENV: 'production' } });
  }
  // The app is JavaScript and runs in place (its admin build in tests/app/build). `strapi start`
  // would look for a compiled dist/ because the app carries a tsconfig.json (see that file).
  process.chdir(APP_DIR);
  Object.assign(process.env, env);
  const { createStrapi } = require(require.resolve('@strapi/strapi', { paths: [APP_DIR] }));
  await createStrapi({ appDir: APP_DIR, distDir: APP_DIR }).start();
})();

/**
 * Boots the test app (tests/app, with the built plugin) in a process of its own, for tests that
 * kill it (SIGKILL: no destroy, no batch allowed to finish) and boot again. It runs on the
 * database the DATABASE_* variables name and listens on PORT (0: any free port).
 *
 * CRM_IMPORT_CONFIG (JSON) overrides keys of the plugin's `import` config before the plugin
 * bootstraps, so the import worker starts with them (its poll interval is read once, at start).
 *
 * Prints one line `{"port": N}` on stdout once the app listens.
 */
const path = require('path');
const { createStrapi } = require('@strapi/strapi');

const APP_DIR = path.resolve(__dirname, '../app');

const boot = async () => {
  const strapi = createStrapi({ appDir: APP_DIR, distDir: APP_DIR });
  // strapi.load() is register then bootstrap: the plugin's config is loaded after the first
  await strapi.register();
  const overrides = JSON.parse(process.env.CRM_IMPORT_CONFIG || '{}');
  for (const [key, value] of Object.entries(overrides)) strapi.config.set(`plugin::crm.import.${key}`, value);
  await strapi.bootstrap();
  strapi.isLoaded = true;
  await strapi.listen();
  process.stdout.write(`${JSON.stringify({ port: strapi.server.httpServer.address().port })}\n`);
};

boot().catch((error) => {
  console.error(error);
  process.exit(1);
});

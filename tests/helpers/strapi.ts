import type { Core } from '@strapi/strapi';
import { spawn } from 'child_process';
import path from 'path';
import request from 'supertest';
import { prepareBootstrappedDatabase, testPrivateDir } from './database';

export const APP_DIR = path.resolve(__dirname, '../app');

export const TEST_ENV = {
  NODE_ENV: 'test',
  STRAPI_TELEMETRY_DISABLED: 'true',
  STRAPI_LOG_LEVEL: process.env.STRAPI_LOG_LEVEL ?? 'error',
  DEMO_USERS: 'false',
  ADMIN_RATE_LIMIT: 'false',
  EMAIL_LOG: 'false',
  CRM_PRIVATE_DIR: testPrivateDir(),
};

const boot = async (): Promise<Core.Strapi> => {
  const { createStrapi } = require('@strapi/strapi');
  const strapi: Core.Strapi = createStrapi({ appDir: APP_DIR, distDir: APP_DIR });
  await strapi.load();
  await strapi.server.mount();
  return strapi;
};

/**
 * Boots the test app (tests/app, with the built plugin) on a database of its own, as its first
 * boot on an empty database leaves it, and mounts its routes. `{ keepDatabase: true }` boots
 * again on the database of the previous boot; `env` overrides the test environment (e.g.
 * `DEMO_USERS: 'true'` to boot the demo as it starts).
 */
export const startStrapi = async ({
  keepDatabase = false,
  env = {},
}: { keepDatabase?: boolean; env?: Record<string, string> } = {}): Promise<Core.Strapi> => {
  Object.assign(process.env, TEST_ENV);
  if (!keepDatabase) await prepareBootstrappedDatabase(bootInChild);
  Object.assign(process.env, env);
  return boot();
};

/**
 * The template's boot, in a process of its own and the plain test environment: a second Strapi
 * in this file's module registry would share the plugin's module state with the one under test
 * (Strapi's admin services, patched once per module, stayed patched on the first instance only).
 */
const bootInChild = () =>
  new Promise<void>((resolve, reject) => {
    const script = `
      const { createStrapi } = require('@strapi/strapi');
      createStrapi({ appDir: ${JSON.stringify(APP_DIR)}, distDir: ${JSON.stringify(APP_DIR)} })
        .load()
        .then((strapi) => strapi.destroy())
        .then(() => process.exit(0), (error) => { console.error(error); process.exit(1); });
    `;
    const child = spawn(process.execPath, ['-e', script], {
      cwd: process.cwd(),
      env: { ...process.env, ...TEST_ENV, CRON_ENABLED: 'false' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`the template's boot exited (${code}): ${stderr}`))
    );
  });

export const stopStrapi = async (strapi: Core.Strapi | undefined) => {
  await strapi?.destroy();
};

/** supertest bound to the booted app's HTTP server. */
export const http = (strapi: Core.Strapi) => request(strapi.server.httpServer);

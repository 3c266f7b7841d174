import type { Core } from '@strapi/strapi';
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
  if (!keepDatabase)
    // the template is made in the plain test environment, whatever this file's `env` says
    await prepareBootstrappedDatabase(async () => {
      await (await boot()).destroy();
    });
  Object.assign(process.env, env);
  return boot();
};

export const stopStrapi = async (strapi: Core.Strapi | undefined) => {
  await strapi?.destroy();
};

/** supertest bound to the booted app's HTTP server. */
export const http = (strapi: Core.Strapi) => request(strapi.server.httpServer);

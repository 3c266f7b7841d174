const path = require('path');

const rootDir = path.resolve(__dirname, '..');
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: true },
      transform: { react: { runtime: 'automatic' } },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];
const transform = { '^.+\\.(t|j)sx?$': swc, '^.+\\.mjs$': swc };

/** Four projects: server unit tests, API tests on a booted Strapi, admin component tests, the admin panel in a browser. */
module.exports = {
  rootDir,
  // Each API test file loads a whole Strapi: run in one process, the heap grew past 3 GB by the
  // admin tests at the end, and garbage collection made them ten times slower on a busy CI
  // machine (timeouts). A worker above this after a file is replaced by a fresh one; setting it
  // also makes Jest use a worker rather than its own process on a two-core machine.
  workerIdleMemoryLimit: '1GB',
  projects: [
    {
      displayName: 'unit',
      rootDir,
      testEnvironment: 'node',
      transform,
      testMatch: ['<rootDir>/tests/unit/**/*.test.ts'],
    },
    {
      displayName: 'api',
      rootDir,
      testEnvironment: 'node',
      transform,
      testMatch: ['<rootDir>/tests/api/**/*.test.ts'],
      setupFilesAfterEnv: ['<rootDir>/tests/helpers/api-setup.ts'],
      globalTeardown: '<rootDir>/tests/helpers/api-teardown.ts',
      // Strapi's document service must be the one the app loads, not a per-test-file copy.
      modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/tests/app/dist/'],
    },
    {
      displayName: 'admin',
      rootDir,
      testEnvironment: '<rootDir>/tests/helpers/admin-environment.js',
      testEnvironmentOptions: { customExportConditions: [''] },
      transform,
      // msw 2 and its helpers ship ES modules only.
      transformIgnorePatterns: [
        '/node_modules/(?!(msw|@mswjs|rettime|until-async|@open-draft|outvariant|strict-event-emitter|headers-polyfill|fractional-indexing|react-dnd|dnd-core|@react-dnd/invariant|@react-dnd/asap|@react-dnd/shallowequal|react-dnd-html5-backend)/)',
      ],
      testMatch: ['<rootDir>/tests/admin/**/*.test.tsx'],
      setupFilesAfterEnv: ['<rootDir>/tests/helpers/admin-setup.ts'],
      moduleNameMapper: { '\\.(css|png|svg)(\\?raw)?$': '<rootDir>/tests/helpers/file-stub.js' },
    },
    {
      // the admin panel in Debian's chromium; run by tests/scripts/browser.js against the demo app
      displayName: 'browser',
      rootDir,
      testEnvironment: 'node',
      transform,
      testMatch: ['<rootDir>/tests/browser/**/*.test.ts'],
    },
  ],
};

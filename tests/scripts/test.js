#!/usr/bin/env node
/**
 * `npm test`: builds the plugin when its sources changed, then runs the Jest projects
 * (server unit, admin components, API tests on a booted Strapi).
 *   --api-only        only the API tests
 *   --db <client>     sqlite (default) | postgres | mysql for the API tests
 * Prints one closing line per run: "<label>: N passed, N failed".
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { bin, run, ensurePluginBuilt } = require('./lib');

const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  return i === -1 ? undefined : args[i + 1];
};
const apiOnly = args.includes('--api-only');
const db = option('--db') ?? process.env.DATABASE_CLIENT ?? 'sqlite';
const passthrough = args.filter((a, i) => !['--api-only', '--db'].includes(a) && args[i - 1] !== '--db');

(async () => {
  await ensurePluginBuilt();
  const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'crm-jest-')), 'report.json');
  const projects = apiOnly ? ['api'] : ['unit', 'admin', 'api'];
  const code = await run(
    bin('jest'),
    [
      '-c',
      'tests/jest.config.js',
      '--selectProjects',
      ...projects,
      '--json',
      '--outputFile',
      report,
      ...passthrough,
    ],
    {
      env: {
        ...process.env,
        DATABASE_CLIENT: db,
        STRAPI_TELEMETRY_DISABLED: 'true',
        CRM_TEST_RUN: String(process.pid),
      },
    }
  );
  const label = apiOnly ? `api tests on ${db}` : `all tests (api on ${db})`;
  if (fs.existsSync(report)) {
    const { numPassedTests, numFailedTests, numTotalTests } = JSON.parse(fs.readFileSync(report, 'utf8'));
    if (numTotalTests === 0) {
      console.error(`${label}: no test ran`);
      process.exit(1);
    }
    console.log(`\n${label}: ${numPassedTests} passed, ${numFailedTests} failed`);
  }
  process.exit(code);
})();

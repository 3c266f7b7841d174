#!/usr/bin/env node
/**
 * `npm test`: builds the plugin when its sources changed, then runs the Jest projects
 * (server unit, admin components, API tests on a booted Strapi), then the admin panel in
 * Debian's chromium against the demo app (tests/scripts/browser.js).
 *   --api-only        only the API tests
 *   --db <client>     sqlite (default) | postgres | mysql for the API tests
 *   --no-browser      the Jest projects only (the browser tests otherwise run beside them)
 * Prints one closing line per run: "<label>: N passed, N failed".
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { stripVTControlCharacters } = require('util');
const { bin, run, ensurePluginBuilt } = require('./lib');
const { runBrowserTests } = require('./browser');

const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  return i === -1 ? undefined : args[i + 1];
};
const apiOnly = args.includes('--api-only');
const db = option('--db') ?? process.env.DATABASE_CLIENT ?? 'sqlite';
const noBrowser = args.includes('--no-browser');
const passthrough = args.filter(
  (a, i) => !['--api-only', '--db', '--no-browser'].includes(a) && args[i - 1] !== '--db'
);

// One "FAILED <file> › <test>: <first line of the error>" line per failure, after Jest's own
// output: CI shows only the end of a long log, and .ci/run repeats these lines last.
const printFailures = (report) => {
  const firstLine = (text = '') =>
    stripVTControlCharacters(text)
      .split('\n')
      .map((line) => line.trim())
      .find(Boolean) ?? '';
  for (const suite of report.testResults ?? []) {
    const file = path.relative(process.cwd(), suite.name);
    const failures = (suite.assertionResults ?? []).filter((t) => t.status === 'failed');
    for (const test of failures) {
      console.log(`FAILED ${file} › ${test.fullName}: ${firstLine(test.failureMessages?.[0])}`);
    }
    if (failures.length === 0 && suite.status === 'failed') {
      console.log(`FAILED ${file}: ${firstLine(suite.message)}`);
    }
  }
};

(async () => {
  await ensurePluginBuilt();
  const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'crm-jest-')), 'report.json');
  const projects = apiOnly ? ['api'] : ['unit', 'admin', 'api'];
  // The admin panel in chromium runs beside the Jest projects (its own app, database and port):
  // one Jest run keeps about one core busy, the browser run mostly waits on the app it drives.
  // A filtered run (`npm test -- --testPathPattern x`) is a developer's quick loop: no browser.
  const withBrowser = !apiOnly && !noBrowser && passthrough.length === 0;
  const browserRun = withBrowser ? runBrowserTests() : null;
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
  const counts = (file) => {
    const report = JSON.parse(fs.readFileSync(file, 'utf8'));
    printFailures(report);
    // a file that fails before its tests run (a boot error) counts as one failure, not zero
    const failed = report.numFailedTests + report.numRuntimeErrorTestSuites;
    return { passed: report.numPassedTests, failed, total: report.numTotalTests };
  };
  const browser = browserRun ? await browserRun : null;
  if (!fs.existsSync(report)) process.exit(code || 1);
  const total = counts(report);
  if (total.total === 0) {
    console.error(`${label}: no test ran`);
    process.exit(1);
  }
  let browserCode = 0;
  if (browser) {
    browserCode = browser.code;
    const found = browser.report ? counts(browser.report) : { passed: 0, failed: 1 };
    console.log(`\nbrowser tests: ${found.passed} passed, ${found.failed} failed`);
    total.passed += found.passed;
    total.failed += found.failed;
  }
  console.log(`\n${label}: ${total.passed} passed, ${total.failed} failed`);
  process.exit(code || browserCode);
})();

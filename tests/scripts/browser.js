#!/usr/bin/env node
/**
 * `npm run test:browser` (and the last phase of `npm test`): the admin panel in a real browser.
 * Starts the demo app exactly as `npm run start` does (admin panel built, demo data seeded) on a
 * throwaway SQLite file and a free port, runs the Jest project `browser` (playwright-core driving
 * Debian's /usr/bin/chromium) against it, and stops it. Screenshots land in tests/artifacts/.
 */
const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { ROOT, bin, run, randomPort, waitForHealth } = require('./lib');

const CHROMIUM = '/usr/bin/chromium';

/**
 * Debian's chromium, installed on the spot when missing and this runs as root with apt-get (a
 * fresh CI or container machine); never a browser downloaded by playwright.
 */
const ensureChromium = async () => {
  if (fs.existsSync(CHROMIUM)) return true;
  const canInstall = process.getuid?.() === 0 && fs.existsSync('/usr/bin/apt-get');
  if (!canInstall) return false;
  console.log("[browser] installing Debian's chromium");
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if ((await run('apt-get', ['install', '-y', 'chromium'], { env })) !== 0) {
    await run('apt-get', ['update'], { env });
    await run('apt-get', ['install', '-y', 'chromium'], { env });
  }
  return fs.existsSync(CHROMIUM);
};

/** Runs the browser tests; resolves with `{ code, report }` (report: Jest's JSON file, when written). */
const runBrowserTests = async (jestArgs = []) => {
  if (!(await ensureChromium())) {
    console.error(`[browser] ${CHROMIUM} is missing: apt-get install -y chromium`);
    return { code: 1 };
  }
  const port = randomPort();
  const base = `http://127.0.0.1:${port}`;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-browser-'));
  const report = path.join(tmp, 'report.json');
  const app = spawn(process.execPath, [path.join(ROOT, 'tests/scripts/demo.js'), 'start'], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: {
      ...process.env,
      PORT: port,
      HOST: '127.0.0.1',
      DATABASE_CLIENT: 'sqlite',
      DATABASE_FILENAME: path.join(tmp, 'demo.db'),
      // the tests log in several users in a row
      ADMIN_RATE_LIMIT: 'false',
      STRAPI_LOG_LEVEL: 'warn',
    },
  });
  try {
    // the first start builds the admin panel (about a minute on two cores)
    if (!(await waitForHealth(base, app, 600_000))) {
      console.error('[browser] the demo app did not start');
      return { code: 1 };
    }
    const code = await run(
      bin('jest'),
      [
        '-c',
        'tests/jest.config.js',
        '--selectProjects',
        'browser',
        '--runInBand',
        '--testTimeout',
        '180000',
        '--json',
        '--outputFile',
        report,
        ...jestArgs,
      ],
      { env: { ...process.env, CRM_BROWSER_BASE_URL: base, CHROMIUM_PATH: CHROMIUM } }
    );
    return { code, report: fs.existsSync(report) ? report : undefined };
  } finally {
    if (app.exitCode === null) process.kill(-app.pid, 'SIGTERM');
  }
};

module.exports = { runBrowserTests };

if (require.main === module) {
  runBrowserTests(process.argv.slice(2)).then(({ code, report }) => {
    if (report) {
      const { numPassedTests, numFailedTests, numRuntimeErrorTestSuites } = JSON.parse(
        fs.readFileSync(report, 'utf8')
      );
      const failed = numFailedTests + numRuntimeErrorTestSuites;
      console.log(`\nbrowser tests: ${numPassedTests} passed, ${failed} failed`);
    }
    process.exit(code);
  });
}

#!/usr/bin/env node
/**
 * `npm run test:pack`: what a user does. Packs the plugin, creates a fresh TypeScript Strapi
 * 5.54 project with create-strapi-app, installs the tarball into it, enables the plugin, builds
 * the project (server and admin panel) and starts it; passes when the plugin's admin route
 * answers (401 without a token, not 404) and the admin panel is served.
 *   --built   dist/ is a fresh build of these sources (CI builds it first and runs the test suites
 *             on it while this runs): pack it as it is instead of rebuilding it under them
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn, execFileSync } = require('child_process');
const { ROOT, ensurePluginBuilt } = require('./lib');

const sh = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, stdio: 'inherit', env: childEnv });
const childEnv = { ...process.env, STRAPI_TELEMETRY_DISABLED: 'true', CI: 'true' };

const waitFor = async (url, timeoutMs, server) => {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the app exited with code ${server.exitCode}`);
    try {
      return await fetch(url);
    } catch {
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000}s`);
};

(async () => {
  await ensurePluginBuilt({ force: !process.argv.includes('--built') });
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-pack-'));
  const packed = execFileSync('npm', ['pack', '--pack-destination', work, '--json'], {
    cwd: ROOT,
    env: childEnv,
  });
  const tarball = path.join(work, JSON.parse(packed)[0].filename);
  console.log(`[pack] ${tarball}`);

  const app = path.join(work, 'app');
  sh(
    'npx',
    [
      '--yes',
      'create-strapi-app@5.54.0',
      app,
      '--non-interactive',
      '--skip-cloud',
      '--typescript',
      '--use-npm',
      '--no-example',
      '--no-git-init',
      '--no-install',
      '--no-run',
      '--dbclient',
      'sqlite',
      '--dbfile',
      '.tmp/data.db',
    ],
    work
  );
  // the project's dependencies and the plugin in one install, from npm's cache where it has them
  // (this repository's own install fetched the same Strapi release): metadata is not asked again
  // for every package, which took ten minutes of a CI run on a busy machine
  sh('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', tarball], app);
  fs.writeFileSync(
    path.join(app, 'config/plugins.ts'),
    'export default () => ({\n  crm: { enabled: true },\n});\n'
  );
  sh('npm', ['run', 'build'], app);

  const port = String(20000 + Math.floor(Math.random() * 20000));
  const server = spawn('npm', ['run', 'start'], {
    cwd: app,
    env: { ...childEnv, PORT: port, HOST: '127.0.0.1' },
    stdio: 'inherit',
    detached: true,
  });
  let ok = false;
  try {
    const base = `http://127.0.0.1:${port}`;
    await waitFor(`${base}/_health`, 180_000, server);
    const staff = await fetch(`${base}/crm/staff`);
    const admin = await fetch(`${base}/admin`);
    const adminHtml = await admin.text();
    console.log(`[pack] GET /crm/staff → ${staff.status}; GET /admin → ${admin.status}`);
    ok = staff.status === 401 && admin.status === 200 && adminHtml.includes('<div id="strapi"');
  } finally {
    if (server.exitCode === null) process.kill(-server.pid, 'SIGTERM');
  }
  if (!ok) {
    console.error('[pack] the packed plugin did not load in a fresh project');
    process.exit(1);
  }
  fs.rmSync(work, { recursive: true, force: true });
  console.log('[pack] the packed plugin installs, builds and boots in a fresh Strapi 5.54 project');
})().catch((error) => {
  console.error(error);
  process.exit(1);
});

const { spawn } = require('child_process');
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '../..');
const APP_DIR = path.join(ROOT, 'tests/app');
const bin = (name) => path.join(ROOT, 'node_modules/.bin', name);

/** Runs a command with inherited stdio; resolves with its exit code. */
const run = (command, args, options = {}) =>
  new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', cwd: ROOT, ...options });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });

/** Runs a command and exits the process with its code when it fails. */
const runOrExit = async (command, args, options) => {
  const code = await run(command, args, options);
  if (code !== 0) process.exit(code);
};

/** Newest modification time under a folder (0 when it does not exist). */
const newestMtime = (dir) => {
  if (!fs.existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const mtime = entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs;
    newest = Math.max(newest, mtime);
  }
  return newest;
};

/** The plugin's dist/ is what Strapi loads: rebuild it when a source is newer. */
const ensurePluginBuilt = async ({ force = false } = {}) => {
  const sources = Math.max(
    newestMtime(path.join(ROOT, 'server/src')),
    newestMtime(path.join(ROOT, 'admin/src')),
    fs.statSync(path.join(ROOT, 'package.json')).mtimeMs
  );
  const built = ['dist/server/index.js', 'dist/admin/index.js'].map((f) => path.join(ROOT, f));
  const stale = built.some((f) => !fs.existsSync(f) || fs.statSync(f).mtimeMs < sources);
  if (force || stale) {
    console.log('[crm] building the plugin (dist/)');
    await runOrExit(bin('strapi-plugin'), ['build']);
  }
};

/** A random high port for a throwaway app. */
const randomPort = () => String(20000 + Math.floor(Math.random() * 20000));

/** Polls the app's /_health until it answers 204, the child exits, or the time is up. */
const waitForHealth = async (base, child, timeoutMs) => {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && child.exitCode === null) {
    const up = await fetch(`${base}/_health`).then(
      (r) => r.status === 204,
      () => false
    );
    if (up) return true;
    await new Promise((r) => setTimeout(r, 2000));
  }
  return false;
};

module.exports = { ROOT, APP_DIR, bin, run, runOrExit, ensurePluginBuilt, randomPort, waitForHealth };

#!/usr/bin/env node
/**
 * `npm run test:demo`: the README's first command, for real. Starts `npm run develop` on a
 * throwaway SQLite file and a free port, then checks that /admin is served, that the printed
 * Super Admin and Sales Staff credentials log in, and that the demo leads are there.
 */
const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { ROOT, randomPort, waitForHealth } = require('./lib');

const port = randomPort();
const base = `http://127.0.0.1:${port}`;
const dbFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'crm-demo-')), 'demo.db');

const check = (label, ok) => {
  console.log(`[demo] ${ok ? 'ok  ' : 'FAIL'} ${label}`);
  if (!ok) process.exitCode = 1;
};

const login = async (email, password) => {
  const res = await fetch(`${base}/admin/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  return res.ok ? (await res.json()).data.token : null;
};

(async () => {
  const app = spawn('npm', ['run', 'develop'], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: {
      ...process.env,
      PORT: port,
      HOST: '127.0.0.1',
      DATABASE_CLIENT: 'sqlite',
      DATABASE_FILENAME: dbFile,
      BROWSER: 'none',
    },
  });
  try {
    const up = await waitForHealth(base, app, 240_000);
    check('the demo answers within 4 minutes', up);
    if (!up) return;
    const admin = await fetch(`${base}/admin`);
    check('/admin is served', admin.status === 200 && (await admin.text()).includes('<div id="strapi"'));
    const superAdmin = await login('admin@crm.example.com', 'Demo-Admin-2026');
    check('the Super Admin logs in with the printed credentials', !!superAdmin);
    const sam = await login('sam@crm.example.com', 'Demo-Sales-2026');
    check('Sales Staff Sam logs in with the printed credentials', !!sam);
    const total = async (token) => {
      const res = await fetch(`${base}/crm/leads?includeLost=true&includeJunk=true`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      return res.ok ? (await res.json()).meta.pagination.total : -1;
    };
    const all = superAdmin ? await total(superAdmin) : -1;
    const samSees = sam ? await total(sam) : -1;
    check(`the Super Admin sees the ${all} demo leads`, all === 50);
    check(`Sam sees some of them (${samSees}), not all`, samSees > 0 && samSees < all);
  } finally {
    if (app.exitCode === null) process.kill(-app.pid, 'SIGTERM');
    fs.rmSync(path.dirname(dbFile), { recursive: true, force: true });
  }
})().catch((error) => {
  console.error(error);
  process.exit(1);
});

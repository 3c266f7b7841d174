/**
 * Issue 17: two Strapi instances on one database (a second app in a child process, as a load
 * balancer would run it) share the web-to-lead rate limit: limit + 1 submissions spread over
 * both get exactly one 429. Runs on whichever database the suite runs on (two processes on one
 * SQLite file work too).
 */
import { spawn, type ChildProcess } from 'child_process';
import http from 'http';
import type { Core } from '@strapi/strapi';
import { grant } from '../helpers/content-api';
import { countRows } from '../helpers/leads';
import { APP_DIR, http as request, startStrapi, stopStrapi } from '../helpers/strapi';

const LIMIT = 3;
let strapi: Core.Strapi;
let second: ChildProcess;
let secondPort: number;

/** Boots the same app on the same database in another process; answers once it listens. */
const bootSecondInstance = () =>
  new Promise<{ child: ChildProcess; port: number }>((resolve, reject) => {
    const script = `
      const { createStrapi } = require('@strapi/strapi');
      (async () => {
        const strapi = createStrapi({ appDir: ${JSON.stringify(APP_DIR)}, distDir: ${JSON.stringify(APP_DIR)} });
        await strapi.load();
        await strapi.server.mount();
        const server = strapi.server.httpServer;
        // every interface: this one sees the client as ::ffff:127.0.0.1 where the test's own server
        // sees 127.0.0.1, and the limit must count them as the one client they are
        server.listen(0, () => process.stdout.write('PORT ' + server.address().port + '\\n'));
        process.on('message', async () => { await strapi.destroy(); process.exit(0); });
      })().catch((error) => { console.error(error); process.exit(1); });
    `;
    const child = spawn(process.execPath, ['-e', script], {
      cwd: process.cwd(),
      env: { ...process.env, CRON_ENABLED: 'false' },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    let stderr = '';
    child.stderr!.on('data', (chunk) => (stderr += chunk));
    child.stdout!.on('data', (chunk: Buffer) => {
      const match = /PORT (\d+)/.exec(chunk.toString());
      if (match) resolve({ child, port: Number(match[1]) });
    });
    child.on('exit', (code) => reject(new Error(`the second instance exited (${code}): ${stderr}`)));
  });

/** A web-to-lead submission to the second instance, over plain HTTP. */
const postToSecond = (body: unknown) =>
  new Promise<{ status: number; retryAfter?: string }>((resolve, reject) => {
    const payload = JSON.stringify(body);
    const req = http.request(
      {
        host: '127.0.0.1',
        port: secondPort,
        path: '/api/crm/web-leads',
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
      },
      (res) => {
        res.resume();
        res.on('end', () =>
          resolve({ status: res.statusCode!, retryAfter: res.headers['retry-after'] as string | undefined })
        );
      }
    );
    req.on('error', reject);
    req.end(payload);
  });

beforeAll(async () => {
  strapi = await startStrapi({ env: { CRM_WEB_LEADS_RATE_MAX: String(LIMIT) } });
  await grant(strapi, 'public', 'plugin::crm.web-lead.create');
  const booted = await bootSecondInstance();
  second = booted.child;
  secondPort = booted.port;
}, 240_000);

afterAll(async () => {
  if (second && second.exitCode === null) {
    const exited = new Promise((resolve) => second.once('exit', resolve));
    second.send('stop');
    await exited;
  }
  await stopStrapi(strapi);
  process.env.CRM_WEB_LEADS_RATE_MAX = '10';
}, 120_000);

it('lets through the limit, not the limit times the instances: one 429 for limit + 1 submissions over two', async () => {
  const before = await countRows(strapi, 'plugin::crm.lead');
  const statuses: number[] = [];
  let retryAfter: string | undefined;
  for (let i = 0; i <= LIMIT; i++) {
    const body = { name: `Visitor ${i}`, email: `visitor-${i}@instances.example` };
    if (i % 2 === 0) {
      const res = await request(strapi).post('/api/crm/web-leads').send(body);
      statuses.push(res.status);
      if (res.status === 429) retryAfter = res.headers['retry-after'];
    } else {
      const res = await postToSecond(body);
      statuses.push(res.status);
      if (res.status === 429) retryAfter = res.retryAfter;
    }
  }
  // both instances took submissions, and the one past the limit was refused by whichever got it
  expect(statuses).toEqual([201, 201, 201, 429]);
  expect(Number(retryAfter)).toBeGreaterThan(0);
  expect(Number(retryAfter)).toBeLessThanOrEqual(60);
  expect(await countRows(strapi, 'plugin::crm.lead')).toBe(before + LIMIT);
});

it('keeps the counters in the database the instances share, where Strapi leaves them', async () => {
  const rows = await strapi.db.connection('crm_rate_limits').select('key', 'points');
  expect(rows).toEqual([{ key: 'crm-web-leads:127.0.0.1', points: LIMIT + 1 }]);
});

/**
 * The CSV export (GET /crm/leads/export) of every lead (converted, lost and junk included) by a
 * Sales Manager: its duration, size and rows, and how far the resident memory of the server
 * process grew while it streamed. The bench server runs in this process; the client here counts
 * bytes and parses records as they arrive and keeps none, so the growth is the server's.
 */
const http = require('http');
const { parse } = require('csv-parse');
const { toQuery } = require('../http');

const MiB = 1024 * 1024;
const QUERY = { includeConverted: true, includeLost: true, includeJunk: true };

/** Streams the export; answers its status, bytes, CSV records and the time to the first byte. */
const download = (port, token) =>
  new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const req = http.get(
      {
        hostname: '127.0.0.1',
        port,
        path: `/crm/leads/export?${toQuery(QUERY)}`,
        headers: { Authorization: `Bearer ${token}` },
      },
      (res) => {
        let bytes = 0;
        let records = 0;
        let firstByteMs = null;
        const parser = parse({ bom: true, relax_column_count: false });
        parser.on('data', () => records++);
        parser.on('error', reject);
        parser.on('end', () =>
          resolve({ status: res.statusCode, bytes, records, firstByteMs, headers: res.headers })
        );
        res.on('data', (chunk) => {
          if (firstByteMs === null) firstByteMs = Number(process.hrtime.bigint() - started) / 1e6;
          bytes += chunk.length;
        });
        res.on('error', reject);
        res.pipe(parser);
      }
    );
    req.on('error', reject);
  });

const measureExport = async (ctx) => {
  const { strapi, log, users } = ctx;
  const token = await ctx.token(users.manager);
  const { port } = strapi.server.httpServer.address();
  const expected = await strapi.db.query('plugin::crm.lead').count();
  global.gc?.();
  const before = process.memoryUsage();
  const peak = { rss: before.rss, heapUsed: before.heapUsed };
  const sampler = setInterval(() => {
    const now = process.memoryUsage();
    peak.rss = Math.max(peak.rss, now.rss);
    peak.heapUsed = Math.max(peak.heapUsed, now.heapUsed);
  }, 20);
  const started = process.hrtime.bigint();
  let answer;
  try {
    answer = await download(port, token);
  } finally {
    clearInterval(sampler);
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (answer.status !== 200 || !String(answer.headers['content-type']).startsWith('text/csv')) {
    throw new Error(`GET /crm/leads/export answered ${answer.status} ${answer.headers['content-type']}`);
  }
  const rows = answer.records - 1;
  if (rows !== expected) throw new Error(`the export held ${rows} leads, the database ${expected}`);
  const mib = (bytes) => Math.round((bytes / MiB) * 10) / 10;
  const result = {
    user: 'Sales Manager',
    query: 'every lead (includeConverted, includeLost, includeJunk)',
    rows,
    mebibytes: mib(answer.bytes),
    seconds: Math.round(seconds * 100) / 100,
    rowsPerSecond: Math.round(rows / seconds),
    firstByteMs: Math.round(answer.firstByteMs),
    rssBeforeMiB: mib(before.rss),
    rssPeakGrowthMiB: mib(peak.rss - before.rss),
    heapPeakGrowthMiB: mib(peak.heapUsed - before.heapUsed),
  };
  log(
    `export: ${rows} leads (${result.mebibytes} MiB) in ${result.seconds} s, ` +
      `RSS +${result.rssPeakGrowthMiB} MiB at its peak (heap +${result.heapPeakGrowthMiB} MiB)`
  );
  return result;
};

module.exports = { measureExport };

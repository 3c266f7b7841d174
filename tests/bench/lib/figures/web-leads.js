/**
 * Web-to-lead capture throughput (POST /api/crm/web-leads, anonymous, rate limit raised) against
 * Strapi's own content-API create of an ordinary type with the same form fields
 * (POST /api/contact-messages), each with `concurrency` clients, in alternating blocks.
 */
const { expectOk } = require('../http');
const { summarize } = require('../stats');

/** Sends `count` requests from `concurrency` clients; answers the elapsed seconds and each time. */
const burst = async (count, concurrency, send) => {
  let next = 0;
  const times = [];
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const res = await send(next++);
        times.push(res.ms);
      }
    })
  );
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9, times };
};

const measureWebLeads = async (ctx, options) => {
  const { client, log } = ctx;
  const run = Date.now().toString(36);
  const form = (i) => ({
    name: `Web Visitor ${i}`,
    email: `web-${run}-${i}@visitors.bench.example`,
    phone: `+1 555 ${String(i).padStart(7, '0')}`,
    company: 'Globex Systems',
  });
  const message = 'Please call me back about the enterprise plan.';
  let sent = 0;
  const sides = {
    webLeads: async () =>
      expectOk(
        'POST /api/crm/web-leads',
        await client.post('/api/crm/web-leads', { ...form(sent++), description: message })
      ),
    contentApi: async () =>
      expectOk(
        'POST /api/contact-messages',
        await client.post('/api/contact-messages', { data: { ...form(sent++), message } })
      ),
  };
  const totals = { webLeads: { seconds: 0, times: [] }, contentApi: { seconds: 0, times: [] } };
  for (const name of Object.keys(sides))
    await burst(Math.max(options.concurrency, options.warmup), options.concurrency, sides[name]);
  // two blocks each, alternating, so that background load weighs on both sides alike
  const half = Math.ceil(options.webRequests / 2);
  for (const name of ['webLeads', 'contentApi', 'webLeads', 'contentApi']) {
    const { seconds, times } = await burst(half, options.concurrency, sides[name]);
    totals[name].seconds += seconds;
    totals[name].times.push(...times);
  }
  const side = ({ seconds, times }) => ({
    requests: times.length,
    seconds: Math.round(seconds * 100) / 100,
    perSecond: Math.round((times.length / seconds) * 10) / 10,
    latency: summarize(times),
  });
  const result = {
    concurrency: options.concurrency,
    webLeads: side(totals.webLeads),
    contentApi: side(totals.contentApi),
  };
  result.webLeadsVsContentApi =
    Math.round((result.webLeads.perSecond / result.contentApi.perSecond) * 100) / 100;
  log(
    `web-to-lead: ${result.webLeads.perSecond} req/s, content-API create: ${result.contentApi.perSecond} req/s ` +
      `(${options.concurrency} clients)`
  );
  return result;
};

module.exports = { measureWebLeads };

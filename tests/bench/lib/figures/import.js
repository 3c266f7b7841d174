/**
 * CSV import throughput (issue 16): `rows` leads imported through POST /crm/leads/import by a
 * Sales Staff member (duplicate policy `skip`, so every row's email is looked up), timed from the
 * upload to the job's end as the server records it; against the same leads created through
 * POST /crm/leads one by one (one client, one request after the other), on a sample of `sample`
 * rows, the way a script without an import would load them.
 */
const { createClient, expectOk } = require('../http');

const HEADER = ['Name', 'Email', 'Company', 'Phone', 'Status', 'Source', 'Lead value'];
const STATUSES = ['New', 'Contacted', 'Qualified'];

/** Row `i` of the file (1-based), with an email unique to this run. */
const leadRow = (run, i) => ({
  name: `Imported Lead ${i}`,
  email: `import-${run}-${i}@imports.bench.example`,
  company: i % 3 === 0 ? `Initech ${i}, Inc.` : `Initech ${i}`,
  phone: `+1 555 ${String(i).padStart(7, '0')}`,
  status: STATUSES[i % STATUSES.length],
  source: 'Website',
  value: i % 4 === 0 ? String((i % 5000) + 0.5) : '',
});

const quote = (value) => (/[",\n\r;]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

const csvOf = (run, rows) => {
  const lines = [HEADER.join(',')];
  for (let i = 1; i <= rows; i += 1) {
    const r = leadRow(run, i);
    lines.push([r.name, r.email, r.company, r.phone, r.status, r.source, r.value].map(quote).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
};

/** multipart/form-data with the file and the options, as the admin's Import dialog sends it. */
const multipart = (csv, options) => {
  const boundary = `----crm-bench-${Date.now().toString(36)}`;
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="options"\r\n\r\n${JSON.stringify(options)}\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="leads.csv"\r\n` +
        'Content-Type: text/csv\r\n\r\n'
    ),
    Buffer.from(csv, 'utf8'),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
};

const measureImport = async (ctx, options) => {
  const { log, refs, users } = ctx;
  // seconds between polls, and an upload that keeps the server busy: no kept-alive sockets
  const client = createClient(ctx.baseUrl, { keepAlive: false });
  const run = Date.now().toString(36);
  const rows = options.importRows;
  const token = await ctx.token(users.staff);

  const upload = multipart(csvOf(run, rows), { duplicates: 'skip' });
  const started = process.hrtime.bigint();
  const created = expectOk(
    'POST /crm/leads/import',
    await client.request('POST', '/crm/leads/import', {
      token,
      raw: upload.body,
      contentType: upload.contentType,
    })
  );
  const id = created.body.data.id;
  let job;
  for (;;) {
    job = expectOk(
      `GET /crm/imports/${id}`,
      await client.get(`/crm/imports/${id}`, { token: await ctx.token(users.staff) })
    ).body.data;
    if (job.state === 'done' || job.state === 'failed') break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (job.state !== 'done' || job.created !== rows)
    throw new Error(
      `the import ended ${job.state} with ${job.created} of ${rows} leads created: ${job.failure ?? ''}`
    );
  const jobSeconds = (new Date(job.finishedAt) - new Date(job.createdAt)) / 1000;

  // the same leads, one POST /crm/leads after the other (other emails: the imported ones exist now)
  const sample = Math.min(options.importSample, rows);
  const oneByOneStarted = process.hrtime.bigint();
  for (let i = 1; i <= sample; i += 1) {
    const r = leadRow(`${run}-single`, i);
    expectOk(
      'POST /crm/leads',
      await client.post(
        '/crm/leads',
        {
          name: r.name,
          email: r.email,
          company: r.company,
          phone: r.phone,
          status: refs.statuses[r.status].documentId,
          source: refs.sources[r.source].documentId,
          ...(r.value ? { value: Number(r.value) } : {}),
        },
        { token: await ctx.token(users.staff) }
      )
    );
  }
  const oneByOneSeconds = Number(process.hrtime.bigint() - oneByOneStarted) / 1e9;

  const perSecond = (count, seconds) => Math.round((count / seconds) * 10) / 10;
  const result = {
    rows,
    seconds: Math.round(jobSeconds * 100) / 100,
    wallSeconds: Math.round(wallSeconds * 100) / 100,
    perSecond: perSecond(rows, jobSeconds),
    oneByOne: {
      rows: sample,
      seconds: Math.round(oneByOneSeconds * 100) / 100,
      perSecond: perSecond(sample, oneByOneSeconds),
    },
  };
  client.close();
  result.importVsOneByOne = Math.round((result.perSecond / result.oneByOne.perSecond) * 10) / 10;
  log(
    `import: ${rows} rows in ${result.seconds} s (${result.perSecond} rows/s); POST /crm/leads one by one: ` +
      `${result.oneByOne.perSecond} leads/s (${sample} leads) → ${result.importVsOneByOne}×`
  );
  return result;
};

module.exports = { measureImport };

/**
 * The outputs of a run: its JSON file (every figure, the machine) and tests/bench/RESULTS.md,
 * rebuilt from every results file so that each database's latest full run appears.
 */
const fs = require('fs');
const path = require('path');

const BENCH_DIR = path.resolve(__dirname, '..');
const RESULTS_DIR = path.join(BENCH_DIR, 'results');
/** Runs of `--import` (the CSV import alone), one file per database. */
const IMPORT_RESULTS_DIR = path.join(RESULTS_DIR, 'import');
const RESULTS_MD = path.join(BENCH_DIR, 'RESULTS.md');

const DATABASES = { sqlite: 'SQLite', postgres: 'PostgreSQL', mysql: 'MySQL/MariaDB' };
const VARIANT = {
  page1: 'page 1',
  deep: 'deep page',
  keyset: 'deep page (keyset)',
  search: 'search + 2 filters',
  board: 'board',
};
const SIDES = { plugin: 'plugin', contentManager: 'Content Manager', sql: 'bare SQL' };

const n = (value) => value.toLocaleString('en-US');
const x = (value) => `${value.toFixed(2)}×`;
const ms = (s) => `${s.p50} / ${s.p95} / ${s.p99}`;
/** (plugin − Strapi's floor) ÷ bare SQL: runs before the floor was measured have none. */
const aboveFloor = (f) => (f.pluginAboveFloorVsSql === undefined ? '' : x(f.pluginAboveFloorVsSql));

/** Growth ratios: p50 at the largest size ÷ p50 at the smallest, per user and side. */
const growthSummary = (points) => {
  const small = points[0];
  const large = points[points.length - 1];
  const ratios = [];
  for (const figure of large.lists) {
    const base = small.lists.find(
      (f) => f.user === figure.user && (f.variant ?? 'page1') === (figure.variant ?? 'page1')
    );
    if (!base) continue;
    for (const side of Object.keys(SIDES)) {
      ratios.push({
        user: figure.user,
        variant: figure.variant ?? 'page1',
        side,
        ratio: Math.round((figure[side].p50 / base[side].p50) * 100) / 100,
      });
    }
  }
  return { from: small.leads, to: large.leads, ratios };
};

const table = (header, rows) =>
  [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');

const headlineRows = (r) => {
  const db = `${DATABASES[r.settings.db]}, ${n(r.settings.leads)} leads`;
  const rows = r.lists.map((f) => [
    db,
    `${f.user}, ${VARIANT[f.variant]}`,
    x(f.pluginVsContentManager),
    x(f.pluginVsSql),
    aboveFloor(f),
  ]);
  rows.push([
    db,
    'web-to-lead ÷ content-API create (req/s, higher is better)',
    x(r.webLeads.webLeadsVsContentApi),
    '',
    '',
  ]);
  if (r.growth) {
    const staff = r.growth.ratios.find(
      (g) => g.user === 'Sales Staff' && g.side === 'plugin' && (g.variant ?? 'page1') === 'page1'
    );
    rows.push([
      db,
      `growth: plugin list latency ${n(r.growth.to)} ÷ ${n(r.growth.from)} leads (Sales Staff, page 1)`,
      x(staff.ratio),
      '',
      '',
    ]);
  }
  return rows;
};

/** The import figure as one row: throughput of the import against POST /crm/leads one by one. */
const importRow = (i) => [
  `CSV import of ${n(i.rows)} rows (rows/s) against POST /crm/leads one by one (${n(i.oneByOne.rows)} leads)`,
  `${n(i.perSecond)} against ${n(i.oneByOne.perSecond)} (${i.importVsOneByOne}×); ${i.seconds} s in all`,
];

/** The section of the `--import` runs: one line per database. */
const importSection = (runs) =>
  [
    '## CSV import',
    '',
    '`npm run bench -- --db <db> --leads <N> --import`: a Sales Staff member imports a file of new ' +
      'leads (name, email, company, phone, status and source by name, a value on every fourth row; ' +
      'duplicate policy `skip`, so every email is looked up) through `POST /crm/leads/import` into ' +
      'the seeded database, timed from the job’s creation to its end as the server records them; ' +
      'against the same kind of leads created through `POST /crm/leads`, one request after the other ' +
      'from one client (a sample: at that pace 100,000 leads would take most of an hour).',
    '',
    table(
      [
        'database',
        'leads before',
        'rows imported',
        'import (rows/s)',
        'one by one (leads/s)',
        'import ÷ one by one',
        'run',
      ],
      runs.map((r) => [
        DATABASES[r.settings.db],
        n(r.settings.leads),
        n(r.import.rows),
        `${n(r.import.perSecond)} (${r.import.seconds} s)`,
        `${n(r.import.oneByOne.perSecond)} (${n(r.import.oneByOne.rows)} leads)`,
        `${r.import.importVsOneByOne}×`,
        `${r.date.slice(0, 10)}, commit ${r.machine.commit ?? 'unknown'}, load ${r.machine.loadAverageAtStart.join(' ')} → ${r.machine.loadAverageAtEnd.join(' ')}${r.machine.note ? `; ${r.machine.note}` : ''}`,
      ])
    ),
  ].join('\n');

const runSection = (r) => {
  const m = r.machine;
  const lines = [
    `## ${DATABASES[r.settings.db]}, ${n(r.settings.leads)} leads`,
    '',
    `\`${r.command}\` on ${r.date.slice(0, 10)} (commit ${m.commit ?? 'unknown'}, ${r.seconds} s). ` +
      `Machine: ${m.cpu.count} × ${m.cpu.model}, ${m.memoryGiB} GiB, ${m.os}, Node ${m.node}; ${r.database}. ` +
      `Load average ${m.loadAverageAtStart.join(' ')} at the start, ${m.loadAverageAtEnd.join(' ')} at the end.` +
      (m.note ? ` ${m.note}` : ''),
    '',
    `Seed: ${n(r.settings.leads)} leads, 20 staff, seeded in ${r.seed.seededInSeconds} s${r.seed.reused ? ' (by an earlier run, reused)' : ''}. ` +
      `${r.settings.iterations} measured requests per figure after ${r.settings.warmup} of warm-up.`,
    '',
    '### Leads list (ms, p50 / p95 / p99)',
    '',
    table(
      [
        'user, list',
        'page',
        'leads',
        'plugin',
        'Content Manager',
        'bare SQL',
        "Strapi's floor",
        'plugin ÷ CM',
        'plugin ÷ SQL',
        '(plugin − floor) ÷ SQL',
      ],
      r.lists.map((f) => [
        `${f.user}, ${VARIANT[f.variant]}`,
        n(f.page),
        n(f.total),
        ms(f.plugin),
        ms(f.contentManager),
        ms(f.sql),
        f.floor ? ms(f.floor) : '',
        x(f.pluginVsContentManager),
        x(f.pluginVsSql),
        aboveFloor(f),
      ])
    ),
    '',
    '### Conversion and web-to-lead',
    '',
    table(
      ['figure', 'result'],
      [
        [
          `conversion of a lead with ${r.conversion.customFields} custom fields and ${r.conversion.notes} notes (ms, p50 / p95 / p99)`,
          ms(r.conversion.latency),
        ],
        ...(r.conversion.queries !== undefined
          ? [
              [
                'SQL statements per conversion request (p50; authentication and the answer included)',
                n(r.conversion.queries),
              ],
            ]
          : []),
        [
          `web-to-lead, ${r.webLeads.concurrency} clients (req/s; latency p50 / p95 / p99 ms)`,
          `${r.webLeads.webLeads.perSecond} (${ms(r.webLeads.webLeads.latency)})`,
        ],
        [
          `content-API create of an ordinary type, ${r.webLeads.concurrency} clients`,
          `${r.webLeads.contentApi.perSecond} (${ms(r.webLeads.contentApi.latency)})`,
        ],
        ['web-to-lead ÷ content-API create (throughput)', x(r.webLeads.webLeadsVsContentApi)],
        ...(r.import ? [importRow(r.import)] : []),
        ...(r.export
          ? [
              [
                `CSV export of ${n(r.export.rows)} leads (${r.export.mebibytes} MiB), ${r.export.user}`,
                `${r.export.seconds} s, ${n(r.export.rowsPerSecond)} leads/s; server RSS +${r.export.rssPeakGrowthMiB} MiB at its peak`,
              ],
            ]
          : []),
      ]
    ),
  ];
  if (r.growth) {
    lines.push(
      '',
      '### Growth (ms, p50)',
      '',
      table(
        [
          'leads',
          'user, figure',
          'page',
          'leads listed',
          ...Object.values(SIDES),
          'plugin ÷ CM',
          'plugin ÷ SQL',
        ],
        r.growth.points.flatMap((p) =>
          p.lists.map((f) => [
            n(p.leads),
            `${f.user}, ${VARIANT[f.variant ?? 'page1']}`,
            n(f.page),
            `${n(f.total)}${f.totalCapped ? ' (capped total)' : ''}`,
            ...Object.keys(SIDES).map((s) => f[s].p50),
            x(f.pluginVsContentManager),
            x(f.pluginVsSql),
          ])
        )
      ),
      '',
      `Latency at ${n(r.growth.to)} ÷ latency at ${n(r.growth.from)} leads: ` +
        r.growth.ratios
          .map((g) => `${g.user} ${VARIANT[g.variant ?? 'page1']} ${SIDES[g.side]} ${x(g.ratio)}`)
          .join(', ') +
        '.'
    );
  }
  const belowSql = r.lists.filter((f) => f.pluginVsSql < 1);
  if (belowSql.length) {
    lines.push(
      '',
      `Faster than the bare SQL: ${belowSql.map((f) => `${f.user}, ${VARIANT[f.variant]} (${x(f.pluginVsSql)})`).join('; ')}: ` +
        "the database planned the hand-written query worse than Strapi's joins for that figure, so its bare SQL is no floor."
    );
  }
  const notFaster = r.lists.filter((f) => f.pluginVsContentManager >= 1);
  lines.push(
    '',
    notFaster.length
      ? `Not faster than the Content Manager (a ratio of 1.00× or more): ${notFaster.map((f) => `${f.user}, ${VARIANT[f.variant]} (${x(f.pluginVsContentManager)})`).join('; ')}.`
      : 'The plugin list is faster than the Content Manager list in every figure of this run.'
  );
  return lines.join('\n');
};

const INTRO = `# Benchmark results

Written by \`npm run bench\` (tests/bench/index.js) from the files in \`tests/bench/results/\`; do
not edit by hand. Absolute times depend on the machine, so the **ratios** are the headline:
plugin ÷ Content Manager (below 1: the plugin's list is faster than Strapi's own list of the same
page for the same user) and plugin ÷ bare SQL (the cost of everything above the database: HTTP,
authentication, RBAC, Strapi's query engine, serialization). Strapi's floor is an authenticated
\`GET /admin/users/me\` by the same user, measured in the same rounds: Strapi's session, user, roles
and permissions reads (4 statements) and its HTTP layers, which every admin request pays before a
plugin's first query; (plugin − floor) ÷ bare SQL is the plugin's own part against the SQL.

What is measured, on one warm app per database, over real HTTP with a keep-alive client:

- **Leads list**: \`GET /crm/leads\` (page 1, a page half-way through, and the search \`q=hopper\`
  with two filters: status New or Contacted, source Website), for a Sales Staff user (sees leads
  they created, are assigned to, or that are public) and a Sales Manager (sees all). Against it,
  the Content Manager list (\`GET /content-manager/collection-types/plugin::crm.lead\`) of the same
  page for the same user, given the plugin's default exclusion and search as filters, and the bare
  SQL (the page's ids joined to their leads with status, source and assignee, total, then tags:
  hand-written, through the same knex and driver; one straightforward formulation that filters
  the leads table and tests its links with \`EXISTS\`, not a query tuned per database). Each figure is measured in rounds that
  take one request of each side in rotating order; every answer must be a 2xx with exactly the
  rows and total of the bare SQL.
- **Conversion**: \`POST /crm/leads/:id/convert\` of a fresh lead (10 custom fields, 20 notes, 3
  tags) by its Sales Staff owner: customer created, one field merged into the phone, nine as custom
  fields, notes copied, a follow-up task; no portal login (its bcrypt hash would dominate).
- **Web-to-lead**: \`POST /api/crm/web-leads\` throughput with 16 concurrent anonymous clients (rate
  limit raised) against Strapi's own content-API create (\`POST /api/contact-messages\`, an
  ordinary collection type with the same form fields, in tests/bench/app), in alternating blocks.
  A web lead is more work by design: the configured defaults, the duplicate-email check, the lead
  with its status and source links, an activity row for its creation and one for the capture, in
  one transaction (about 43 queries against 6; 15 of them are Strapi's own \`entry.create\` events
  reading back each created document for webhooks).
- **Growth**: the default list, page 1, at each size of the series.

Seed: 20 staff (16 Sales Staff, 4 Sales Managers), 30% public leads, statuses New 30%, Contacted
25%, Qualified 15%, Proposal 10%, Customer 20% (with their customers), 6% lost, 3% junk, 5 custom
fields, 0–6 tags (3 on average) from 30, notes on 10% of leads, created over three years.
PostgreSQL and MySQL get \`ANALYZE\` after the bulk load (what their own maintenance would do);
SQLite gets none, as Strapi never runs it.`;

/** Formats with the repository's Prettier settings, so the outputs pass \`prettier --check\`. */
const format = async (file, text) => {
  const prettier = require('prettier');
  const config = (await prettier.resolveConfig(file)) ?? {};
  return prettier.format(text, { ...config, filepath: file });
};

const renderMarkdown = (results, imports = []) => {
  const sections = [INTRO, '## Headline'];
  sections.push(
    table(
      [
        'database',
        'figure',
        'plugin ÷ Content Manager',
        'plugin ÷ bare SQL',
        "(plugin − Strapi's floor) ÷ bare SQL",
      ],
      results.flatMap(headlineRows)
    )
  );
  if (imports.length) sections.push(importSection(imports));
  for (const r of results) sections.push(runSection(r));
  return `${sections.join('\n\n')}\n`;
};

/** Rewrites RESULTS.md from every file of tests/bench/results/. */
const writeMarkdown = async () => {
  const order = Object.keys(DATABASES);
  const read = (dir) =>
    (fs.existsSync(dir) ? fs.readdirSync(dir) : [])
      .filter((f) => f.endsWith('.json'))
      .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')))
      .sort((a, b) => order.indexOf(a.settings.db) - order.indexOf(b.settings.db));
  fs.writeFileSync(
    RESULTS_MD,
    await format(RESULTS_MD, renderMarkdown(read(RESULTS_DIR), read(IMPORT_RESULTS_DIR)))
  );
  return RESULTS_MD;
};

/** Writes the run's JSON to `file` and, unless told not to, RESULTS.md; answers the files written. */
const writeResults = async (result, file, { markdown }) => {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, await format(file, JSON.stringify(result, null, 2)));
  return markdown ? [file, await writeMarkdown()] : [file];
};

module.exports = {
  growthSummary,
  writeResults,
  writeMarkdown,
  renderMarkdown,
  runSection,
  RESULTS_DIR,
  IMPORT_RESULTS_DIR,
};

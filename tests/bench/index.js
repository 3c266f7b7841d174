#!/usr/bin/env node
/**
 * `npm run bench -- --db sqlite|postgres|mysql --leads N [--smoke] [--growth N,N|none]`
 * Builds the plugin when its sources changed, then runs each measurement job in its own process
 * (tests/bench/job.js): the main figures at N leads on one warm app, then the growth series.
 * Writes tests/bench/results/<db>.json and rewrites tests/bench/RESULTS.md from every results
 * file; a smoke run writes tests/bench/.data/smoke-<db>.json only. Any failed check fails the run.
 * `--report-only` rewrites RESULTS.md from the results files without measuring.
 */
const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { ROOT, ensurePluginBuilt } = require('../scripts/lib');
const { parseOptions } = require('./lib/options');
const { checkServer, DATA_DIR } = require('./lib/database');
const { machineInfo } = require('./lib/machine');
const {
  growthSummary,
  writeResults,
  writeMarkdown,
  runSection,
  RESULTS_DIR,
  IMPORT_RESULTS_DIR,
} = require('./lib/report');

const VARIANTS = ['page1', 'deep', 'keyset', 'search', 'board'];
/** What the growth series measures at each size (SPEC §10, issue 17). */
const GROWTH_VARIANTS = ['page1', 'search', 'keyset', 'board'];

/** Runs tests/bench/job.js for `job`; answers what it wrote. */
const runJob = (job) =>
  new Promise((resolve, reject) => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'crm-bench-')), 'result.json');
    const child = spawn(process.execPath, [path.join(__dirname, 'job.js'), JSON.stringify(job), file], {
      cwd: ROOT,
      stdio: 'inherit',
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0 || !fs.existsSync(file)) {
        reject(new Error(`the ${job.leads}-lead job on ${job.db} failed (exit code ${code})`));
        return;
      }
      resolve(JSON.parse(fs.readFileSync(file, 'utf8')));
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    });
  });

const main = async () => {
  const argv = process.argv.slice(2);
  const options = parseOptions(argv);
  if (options.reportOnly) {
    console.log(`[bench] wrote ${path.relative(ROOT, await writeMarkdown())}`);
    return;
  }
  const started = Date.now();
  await checkServer(options.db);
  await ensurePluginBuilt();
  const machine = machineInfo(options.note);
  const settings = {
    db: options.db,
    iterations: options.iterations,
    warmup: options.warmup,
    webRequests: options.webRequests,
    concurrency: options.concurrency,
  };

  const command =
    `npm run bench -- ${argv.map((a) => (/[\s"'$]/.test(a) ? JSON.stringify(a) : a)).join(' ')}`.trim();
  const importSettings = { importRows: options.importRows, importSample: options.importSample };
  if (options.importOnly)
    return measureImportOnly(options, settings, importSettings, machine, command, started);

  console.log(`[bench] ${options.db}, ${options.leads} leads${options.smoke ? ' (smoke)' : ''}`);
  const run = await runJob({
    ...settings,
    ...importSettings,
    leads: options.leads,
    // the CSV export of every lead: its memory growth is the figure; too slow for the CI smoke run.
    // The import has a run of its own (--import), and a small one in the smoke run.
    figures: ['lists', 'conversion', 'webLeads', ...(options.smoke ? ['import'] : ['export'])],
    variants: VARIANTS,
  });

  const points = [];
  for (const leads of options.growth) {
    const lists =
      leads === options.leads
        ? run.lists.filter((figure) => GROWTH_VARIANTS.includes(figure.variant))
        : (
            await runJob({
              ...settings,
              iterations: options.growthIterations ?? settings.iterations,
              leads,
              figures: ['lists'],
              variants: GROWTH_VARIANTS,
            })
          ).lists;
    points.push({ leads, lists });
  }

  const result = {
    benchmark: 'strapi-plugin-crm',
    date: new Date().toISOString(),
    command,
    smoke: options.smoke,
    settings: { ...settings, leads: options.leads },
    machine: { ...machine, loadAverageAtEnd: os.loadavg().map((l) => Math.round(l * 100) / 100) },
    database: run.database,
    seed: run.seed,
    lists: run.lists,
    conversion: run.conversion,
    webLeads: run.webLeads,
    export: run.export ?? null,
    import: run.import ?? null,
    growth: points.length ? { points, ...growthSummary(points) } : null,
    seconds: Math.round((Date.now() - started) / 1000),
  };
  const file = options.smoke
    ? path.join(DATA_DIR, `smoke-${options.db}.json`)
    : path.join(RESULTS_DIR, `${options.db}.json`);
  console.log(`\n${runSection(result)}\n`);
  const written = await writeResults(result, file, { markdown: !options.smoke });
  console.log(
    `[bench] done in ${result.seconds} s: ${written.map((f) => path.relative(ROOT, f)).join(', ')}`
  );
};

/** `--import`: the CSV import alone, on the seeded database, into results/import/<db>.json. */
const measureImportOnly = async (options, settings, importSettings, machine, command, started) => {
  console.log(`[bench] ${options.db}, ${options.leads} leads: import of ${options.importRows} rows`);
  const run = await runJob({ ...settings, ...importSettings, leads: options.leads, figures: ['import'] });
  const result = {
    benchmark: 'strapi-plugin-crm import',
    date: new Date().toISOString(),
    command,
    settings: { ...settings, ...importSettings, leads: options.leads },
    machine: { ...machine, loadAverageAtEnd: os.loadavg().map((l) => Math.round(l * 100) / 100) },
    database: run.database,
    import: run.import,
    seconds: Math.round((Date.now() - started) / 1000),
  };
  const file = path.join(
    options.smoke ? DATA_DIR : IMPORT_RESULTS_DIR,
    `${options.smoke ? 'smoke-import-' : ''}${options.db}.json`
  );
  const written = await writeResults(result, file, { markdown: !options.smoke });
  console.log(
    `[bench] done in ${result.seconds} s: ${written.map((f) => path.relative(ROOT, f)).join(', ')}`
  );
};

main().catch((error) => {
  console.error(error.usage ? error.message : `[bench] FAILED: ${error.stack ?? error}`);
  process.exit(error.usage ? 2 : 1);
});

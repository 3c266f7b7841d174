/** The command line of `npm run bench`, read into one options object. */

const USAGE = `usage: npm run bench -- [options]
  --db sqlite|postgres|mysql   the database (default sqlite; postgres and mysql use DATABASE_HOST,
                               DATABASE_PORT, DATABASE_USERNAME, DATABASE_PASSWORD like the tests)
  --leads N                    leads in the measured database (default 100000)
  --smoke                      few iterations, no growth series, results kept out of RESULTS.md (CI)
  --growth N,N,...|none        sizes of the growth series (default 10000,100000; 1000000 on postgres only)
  --iterations N               measured requests per figure (default 200, smoke 20)
  --growth-iterations N        measured requests per figure at the other sizes of the growth series
                               (default: --iterations; the Content Manager takes seconds at 1M)
  --warmup N                   unmeasured requests before each figure (default 20, smoke 3)
  --web-requests N             web-to-lead and content-API creates per side (default 2000, smoke 64)
  --concurrency N              concurrent clients of the throughput figures (default 16)
  --import                     measure only the CSV import (written to results/import/<db>.json)
  --import-rows N              rows of the imported file (default 100000, smoke 300)
  --import-sample N            leads created one by one through POST /crm/leads to compare
                               (default 1000, smoke 20)
  --note TEXT                  recorded with the machine (e.g. "shared with an admin build")
  --report-only                rewrite RESULTS.md from tests/bench/results/*.json, measure nothing`;

const CLIENTS = ['sqlite', 'postgres', 'mysql'];

const fail = (message) => {
  const error = new Error(`${message}\n\n${USAGE}`);
  error.usage = true;
  throw error;
};

const positiveInt = (name, raw, min = 1) => {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) fail(`${name} must be a whole number of at least ${min}`);
  return value;
};

/** Reads argv (without node and the script) into options; throws with the usage on a bad flag. */
const parseOptions = (argv) => {
  const raw = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) fail(`unexpected argument "${arg}"`);
    const [name, inline] = arg.slice(2).split(/=(.*)/s);
    if (['smoke', 'help', 'report-only', 'import'].includes(name)) raw[name] = true;
    else if (inline !== undefined) raw[name] = inline;
    else if (i + 1 < argv.length) raw[name] = argv[++i];
    else fail(`--${name} needs a value`);
  }
  if (raw.help) fail('');
  const known = [
    'db',
    'leads',
    'smoke',
    'growth',
    'iterations',
    'growth-iterations',
    'warmup',
    'web-requests',
    'concurrency',
    'note',
    'report-only',
    'import',
    'import-rows',
    'import-sample',
  ];
  const unknown = Object.keys(raw).filter((k) => !known.includes(k));
  if (unknown.length) fail(`unknown option --${unknown[0]}`);

  const db = raw.db ?? process.env.DATABASE_CLIENT ?? 'sqlite';
  if (!CLIENTS.includes(db)) fail(`--db must be one of ${CLIENTS.join(', ')}`);
  const smoke = !!raw.smoke;
  const growthRaw = raw.growth ?? (smoke ? 'none' : '10000,100000');
  const growth =
    growthRaw === 'none' ? [] : growthRaw.split(',').map((n) => positiveInt('--growth sizes', n, 100));
  if (growth.some((n) => n >= 1_000_000) && db !== 'postgres') {
    fail('the 1M-lead growth point is measured on PostgreSQL only (--db postgres)');
  }
  return {
    db,
    leads: positiveInt('--leads', raw.leads ?? 100_000, 100),
    smoke,
    growth: [...new Set(growth)].sort((a, b) => a - b),
    iterations: positiveInt('--iterations', raw.iterations ?? (smoke ? 20 : 200)),
    growthIterations: raw['growth-iterations']
      ? positiveInt('--growth-iterations', raw['growth-iterations'])
      : null,
    warmup: positiveInt('--warmup', raw.warmup ?? (smoke ? 3 : 20), 0),
    webRequests: positiveInt('--web-requests', raw['web-requests'] ?? (smoke ? 64 : 2000)),
    concurrency: positiveInt('--concurrency', raw.concurrency ?? 16),
    importOnly: !!raw.import,
    importRows: positiveInt('--import-rows', raw['import-rows'] ?? (smoke ? 300 : 100_000)),
    importSample: positiveInt('--import-sample', raw['import-sample'] ?? (smoke ? 20 : 1000)),
    note: raw.note ?? null,
    reportOnly: !!raw['report-only'],
  };
};

module.exports = { parseOptions, USAGE };

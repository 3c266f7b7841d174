/**
 * One measurement job, in its own process (started by tests/bench/index.js): boots the app on
 * the database of `leads` leads (seeding it when it is not seeded yet), takes the figures the
 * job names on that one warm app, and writes them as JSON to the file given.
 *   node tests/bench/job.js '<job JSON>' <result file>
 */
const fs = require('fs');
const { startApp, stopApp } = require('./lib/app');
const { prepareDatabase, serverVersion } = require('./lib/database');
const { seed, seeded, resetToSeed } = require('./lib/seed');
const { createContext } = require('./lib/context');
const { measureLists } = require('./lib/figures/lists');
const { measureConversion } = require('./lib/figures/conversion');
const { measureWebLeads } = require('./lib/figures/web-leads');
const { measureExport } = require('./lib/figures/export');
const { measureImport } = require('./lib/figures/import');

const [, , jobJson, resultFile] = process.argv;
const job = JSON.parse(jobJson);
const log = (message) => console.log(`[bench ${job.db} ${job.leads}] ${message}`);

/** Boots on the kept database; seeds a fresh one when it is missing or from another seed. */
const bootSeeded = async () => {
  let app = await startApp(await prepareDatabase(job.db, job.leads, { fresh: false }));
  let marker = await seeded(app.strapi, job.leads);
  if (marker) return { ...app, marker, reused: true };
  await stopApp(app.strapi);
  log(`seeding ${job.leads} leads (once: the database is kept for the next runs)`);
  app = await startApp(await prepareDatabase(job.db, job.leads, { fresh: true }));
  marker = await seed(app.strapi, job.leads, log);
  log(`seeded in ${(marker.seededInMs / 1000).toFixed(1)} s`);
  return { ...app, marker, reused: false };
};

(async () => {
  const started = Date.now();
  const { strapi, baseUrl, marker, reused } = await bootSeeded();
  let ctx;
  try {
    await resetToSeed(strapi, marker);
    ctx = await createContext(strapi, baseUrl, marker, log);
    const result = {
      leads: job.leads,
      database: await serverVersion(strapi.db.connection, job.db),
      seed: { reused, seededInSeconds: Math.round(marker.seededInMs / 100) / 10 },
    };
    if (job.figures.includes('lists')) result.lists = await measureLists(ctx, job, job.variants);
    if (job.figures.includes('conversion')) result.conversion = await measureConversion(ctx, job, marker);
    if (job.figures.includes('webLeads')) result.webLeads = await measureWebLeads(ctx, job);
    if (job.figures.includes('export')) result.export = await measureExport(ctx, job);
    if (job.figures.includes('import')) result.import = await measureImport(ctx, job);
    result.seconds = Math.round((Date.now() - started) / 1000);
    fs.writeFileSync(resultFile, JSON.stringify(result));
  } finally {
    ctx?.client.close();
    await resetToSeed(strapi, marker).catch((error) => log(`could not clean up: ${error.message}`));
    await stopApp(strapi);
  }
})().then(
  () => process.exit(0),
  (error) => {
    console.error(`[bench ${job.db} ${job.leads}] FAILED: ${error.stack ?? error}`);
    process.exit(1);
  }
);

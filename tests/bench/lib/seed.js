/**
 * Seeds a benchmark database once, in bulk, and keeps it reusable: a marker in Strapi's core
 * store records the lead count, the seed version and the largest id of every table the
 * measurements write to, so each run starts by deleting what earlier runs added.
 */
const { TAGS, CUSTOM_FIELDS, CONVERSION_FIELDS, random, buildLeads } = require('./rows');
const { createWriter, maxId } = require('./insert');

/** Bump when the seeded data changes: older databases are then seeded again. */
const SEED_VERSION = 1;
const MARKER = { type: 'core', name: 'crm-bench', key: 'seed' };
const CHUNK = 5000;

const STAFF_PASSWORD = 'Bench-Staff-2026';
/** 20 staff: 16 Sales Staff and 4 Sales Managers. The first of each is measured. */
const STAFF = Array.from({ length: 20 }, (_, i) =>
  i < 16
    ? { email: `staff${String(i + 1).padStart(2, '0')}@bench.crm.example`, role: 'Sales Staff' }
    : { email: `manager${String(i - 15).padStart(2, '0')}@bench.crm.example`, role: 'Sales Manager' }
);

/** Tables the measurements add rows to (conversions, web leads, content-API creates). */
const WRITTEN = [
  'plugin::crm.lead',
  'plugin::crm.customer',
  'plugin::crm.note',
  'plugin::crm.task',
  'plugin::crm.reminder',
  'plugin::crm.opportunity',
  'plugin::crm.activity',
  'plugin::crm.custom-field',
  'plugin::crm.tag',
  'plugin::users-permissions.user',
  'api::contact-message.contact-message',
];

const tableOf = (strapi, uid) => strapi.db.metadata.get(uid).tableName;

/** Ids by name of the statuses and sources the plugin created at boot. */
const references = async (strapi) => {
  const byName = (rows) => Object.fromEntries(rows.map((r) => [r.name, r.id]));
  return {
    statuses: byName(await strapi.db.query('plugin::crm.lead-status').findMany()),
    sources: byName(await strapi.db.query('plugin::crm.lead-source').findMany()),
  };
};

const createStaff = async (strapi) => {
  const ids = [];
  for (const [i, { email, role }] of STAFF.entries()) {
    const roleRow = await strapi.db.query('admin::role').findOne({ where: { name: role } });
    if (!roleRow) throw new Error(`the admin role "${role}" does not exist`);
    const user = await strapi.service('admin::user').create({
      email,
      firstname: role === 'Sales Staff' ? 'Staff' : 'Manager',
      lastname: String(i + 1),
      password: STAFF_PASSWORD,
      isActive: true,
      registrationToken: null,
      roles: [roleRow.id],
    });
    ids.push(user.id);
  }
  return ids;
};

const createDefinitions = async (strapi) => {
  for (const [order, field] of [...CUSTOM_FIELDS, ...CONVERSION_FIELDS].entries()) {
    await strapi.documents('plugin::crm.custom-field').create({
      data: { ...field, target: 'lead', order: order + 1, required: false, active: true },
    });
  }
};

/** The public form and the anchor type are open to anonymous visitors, as a site would have them. */
const grantPublic = async (strapi) => {
  const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
  for (const action of ['plugin::crm.web-lead.create', 'api::contact-message.contact-message.create']) {
    await strapi.db.query('plugin::users-permissions.permission').create({ data: { action, role: role.id } });
  }
};

/** The database statistics each server's own maintenance would have after a bulk load. */
const analyze = async (strapi) => {
  const knex = strapi.db.connection;
  const client = strapi.db.dialect.client;
  if (client === 'postgres') await knex.raw('VACUUM ANALYZE');
  else if (client === 'mysql') {
    const tables = (await knex.raw('SHOW TABLES'))[0].map((row) => Object.values(row)[0]);
    await knex.raw(`ANALYZE TABLE ${tables.map(() => '??').join(', ')}`, tables);
  }
  // SQLite: Strapi never runs ANALYZE and SQLite does not gather statistics by itself.
};

/** The context rows.buildLeads needs, read from the database. */
const buildContext = async (strapi, { seed, staff, now, firstLeadId }) => {
  const knex = strapi.db.connection;
  const { statuses, sources } = await references(strapi);
  const tags = (await strapi.db.query('plugin::crm.tag').findMany({ where: { name: { $in: TAGS } } })).map(
    (t) => t.id
  );
  return {
    rand: random(seed),
    staff,
    statuses,
    sources,
    tags,
    now,
    firstLeadId,
    nextCustomerId: (await maxId(knex, tableOf(strapi, 'plugin::crm.customer'))) + 1,
    nextNoteId: (await maxId(knex, tableOf(strapi, 'plugin::crm.note'))) + 1,
  };
};

/** Seeds `leads` leads (and staff, tags, custom fields, customers, notes) into an empty database. */
const seed = async (strapi, leads, log) => {
  const started = Date.now();
  const knex = strapi.db.connection;
  const staff = await createStaff(strapi);
  for (const name of TAGS) await strapi.documents('plugin::crm.tag').create({ data: { name } });
  await createDefinitions(strapi);
  await grantPublic(strapi);

  const writer = createWriter(strapi);
  const firstLeadId = (await maxId(knex, writer.tables.lead)) + 1;
  const ctx = await buildContext(strapi, { seed: 42, staff, now: Date.now(), firstLeadId });
  await knex.transaction(async (trx) => {
    for (let done = 0; done < leads; done += CHUNK) {
      const count = Math.min(CHUNK, leads - done);
      await writer.write(trx, buildLeads(ctx, firstLeadId + done, count, leads));
      if ((done / CHUNK) % 20 === 19) log(`seeded ${done + count} of ${leads} leads`);
    }
  });
  await writer.syncSequences(knex);
  await analyze(strapi);

  const max = {};
  for (const uid of WRITTEN) max[uid] = await maxId(knex, tableOf(strapi, uid));
  const marker = { version: SEED_VERSION, leads, staff, max, seededInMs: Date.now() - started };
  await strapi.store.set({ ...MARKER, value: marker });
  return marker;
};

/** The marker of a database seeded with `leads` leads by this seed version, or null. */
const seeded = async (strapi, leads) => {
  const marker = await strapi.store.get(MARKER);
  return marker && marker.version === SEED_VERSION && marker.leads === leads ? marker : null;
};

/** Deletes every row earlier runs added (link rows follow through their cascading foreign keys). */
const resetToSeed = async (strapi, marker) => {
  const knex = strapi.db.connection;
  for (const uid of WRITTEN) await knex(tableOf(strapi, uid)).where('id', '>', marker.max[uid]).delete();
};

/**
 * Writes `count` fresh leads for the conversion figure: owned by and assigned to `owner`, 10
 * custom fields each, 20 notes, 3 tags.
 */
const conversionLeads = async (strapi, marker, owner, count) => {
  const knex = strapi.db.connection;
  const writer = createWriter(strapi);
  const firstId = (await maxId(knex, writer.tables.lead)) + 1;
  const now = Date.now();
  const ctx = await buildContext(strapi, {
    seed: now % 100000,
    staff: marker.staff,
    now,
    firstLeadId: firstId,
  });
  const built = buildLeads(ctx, firstId, count, count, {
    owner,
    assignee: owner,
    status: 'Qualified',
    source: 'Website',
    isPublic: false,
    tags: 3,
    notes: 20,
    createdAt: new Date(now),
    customFields: {
      mobile: '+33 6 12345678',
      'decision-date': '2027-03-01',
      employees: 250,
      competitor: 'Initech CRM',
      newsletter: true,
      products: ['CRM', 'BI'],
      'referrer-site': 'https://www.example.com/partners',
    },
  });
  await knex.transaction((trx) => writer.write(trx, built));
  await writer.syncSequences(knex);
  return built.leads.map((lead) => ({ documentId: lead.documentId, name: lead.name, email: lead.email }));
};

module.exports = { seed, seeded, resetToSeed, conversionLeads, STAFF, STAFF_PASSWORD };

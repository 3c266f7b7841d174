const { seedLeads } = require('./leads');
const { seedStaff } = require('./staff');

const truthy = (value, fallback) => (value === undefined ? fallback : !['false', '0', 'no'].includes(value));

/**
 * Demo data, written at boot. DEMO_USERS=false skips everything (the test harness makes its
 * own users); DEMO_SEED=false keeps the demo admin users but writes no demo records.
 * Later issues add their records here (leads, customers, ...).
 */
const seed = async (strapi, env = process.env) => {
  if (!truthy(env.DEMO_USERS, true)) return;
  const staff = await seedStaff(strapi, env);
  printCredentials(strapi, staff);
  if (!truthy(env.DEMO_SEED, true)) return;
  const leads = await seedLeads(strapi, staff);
  if (leads) strapi.log.info(`[demo] seeded ${leads} leads`);
};

const printCredentials = (strapi, staff) => {
  const lines = staff.map((s) => `  ${s.role.padEnd(14)} ${s.email.padEnd(28)} ${s.password}`);
  strapi.log.info(`[demo] log in at /admin with one of:\n${lines.join('\n')}`);
};

module.exports = { seed };

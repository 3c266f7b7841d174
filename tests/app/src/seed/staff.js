/** The demo's staff. The Super Admin's credentials come from DEMO_ADMIN_EMAIL / DEMO_ADMIN_PASSWORD. */
const SALES_PASSWORD = 'Demo-Sales-2026';

const demoStaff = (env) => [
  {
    email: env.DEMO_ADMIN_EMAIL || 'admin@crm.example.com',
    password: env.DEMO_ADMIN_PASSWORD || 'Demo-Admin-2026',
    firstname: 'Ada',
    lastname: 'Admin',
    role: 'Super Admin',
  },
  {
    email: 'sam@crm.example.com',
    password: SALES_PASSWORD,
    firstname: 'Sam',
    lastname: 'Staff',
    role: 'Sales Staff',
  },
  {
    email: 'sara@crm.example.com',
    password: SALES_PASSWORD,
    firstname: 'Sara',
    lastname: 'Staff',
    role: 'Sales Staff',
  },
  {
    email: 'mia@crm.example.com',
    password: SALES_PASSWORD,
    firstname: 'Mia',
    lastname: 'Manager',
    role: 'Sales Manager',
  },
];

/** Creates each demo admin user that does not exist yet; returns the list with their ids. */
const seedStaff = async (strapi, env = process.env) => {
  const users = strapi.service('admin::user');
  const created = [];
  for (const { role: roleName, ...member } of demoStaff(env)) {
    const role = await strapi.db.query('admin::role').findOne({ where: { name: roleName } });
    if (!role) throw new Error(`[demo] the admin role "${roleName}" does not exist`);
    const existing = await strapi.db.query('admin::user').findOne({ where: { email: member.email } });
    const user =
      existing ??
      (await users.create({ ...member, isActive: true, registrationToken: null, roles: [role.id] }));
    created.push({ ...member, id: user.id, role: roleName, isNew: !existing });
  }
  return created;
};

module.exports = { seedStaff, demoStaff };

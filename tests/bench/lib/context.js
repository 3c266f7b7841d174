/** What every figure needs: the HTTP client, the bare SQL, the measured users and reference ids. */
const { createClient, expectOk } = require('./http');
const { createBareSql } = require('./sql');
const { STAFF, STAFF_PASSWORD } = require('./seed');

/** Admin access tokens live 30 minutes: figures log in again after 10. */
const TOKEN_AGE_MS = 10 * 60 * 1000;

const createContext = async (strapi, baseUrl, marker, log) => {
  const client = createClient(baseUrl);
  const byName = (rows) =>
    Object.fromEntries(rows.map((r) => [r.name, { id: r.id, documentId: r.documentId }]));
  const statusRows = await strapi.db.query('plugin::crm.lead-status').findMany();
  const refs = {
    statuses: byName(statusRows),
    sources: byName(await strapi.db.query('plugin::crm.lead-source').findMany()),
    customerStatusIds: statusRows.filter((s) => s.isCustomerStatus).map((s) => s.id),
  };
  const member = (index, readsAll) => ({
    id: marker.staff[index],
    email: STAFF[index].email,
    role: STAFF[index].role,
    readsAll,
  });
  const tokens = new Map();

  return {
    strapi,
    baseUrl,
    client,
    sql: createBareSql(strapi),
    refs,
    log,
    users: { staff: member(0, false), manager: member(16, true) },

    /** A fresh admin JWT for `user`, through POST /admin/login as the admin panel gets it. */
    async token(user) {
      const cached = tokens.get(user.email);
      if (cached && Date.now() - cached.at < TOKEN_AGE_MS) return cached.token;
      const res = expectOk(
        `POST /admin/login (${user.email})`,
        await client.post('/admin/login', { email: user.email, password: STAFF_PASSWORD })
      );
      tokens.set(user.email, { token: res.body.data.token, at: Date.now() });
      return res.body.data.token;
    },
  };
};

module.exports = { createContext };

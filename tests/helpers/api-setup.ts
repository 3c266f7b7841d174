// Booting Strapi and recreating a database take seconds, PostgreSQL more than SQLite.
jest.setTimeout(120_000);

// knex logs this on every MySQL/MariaDB boot, when Strapi's schema sync runs DDL inside a
// transaction: Strapi's own behaviour, and noise that would bury the test output.
const log = console.log;
console.log = (...args: unknown[]) => {
  if (typeof args[0] === 'string' && args[0].startsWith('Transaction was implicitly committed')) return;
  log(...args);
};

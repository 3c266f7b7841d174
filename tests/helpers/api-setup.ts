// Booting Strapi and recreating a database take seconds, PostgreSQL more than SQLite.
jest.setTimeout(120_000);

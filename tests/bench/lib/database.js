/**
 * Where each benchmark database lives, kept across runs so that seeding happens once: a SQLite
 * file under tests/bench/.data/, or a `crm_bench_<leads>` database on the PostgreSQL/MariaDB server.
 */
const fs = require('fs');
const path = require('path');

const DATA_DIR = path.resolve(__dirname, '../.data');

const serverConnection = (client) => ({
  host: process.env.DATABASE_HOST ?? '127.0.0.1',
  port: Number(process.env.DATABASE_PORT ?? (client === 'postgres' ? 5432 : 3306)),
  user: process.env.DATABASE_USERNAME ?? (client === 'postgres' ? 'postgres' : 'root'),
  password: process.env.DATABASE_PASSWORD ?? '',
});

const LABEL = { postgres: 'PostgreSQL', mysql: 'MySQL/MariaDB' };

/** Runs `work(query)` on the server's administrative connection; a server that is down is a clear error. */
const onServer = async (client, work) => {
  const connection = serverConnection(client);
  let query;
  let end;
  try {
    if (client === 'postgres') {
      const { Client } = require('pg');
      const pg = new Client({ ...connection, database: 'postgres', connectionTimeoutMillis: 5000 });
      await pg.connect();
      query = (sql) => pg.query(sql).then((r) => r.rows);
      end = () => pg.end();
    } else {
      const mysql = require('mysql2/promise');
      const my = await mysql.createConnection({ ...connection, connectTimeout: 5000 });
      query = (sql) => my.query(sql).then(([rows]) => rows);
      end = () => my.end();
    }
  } catch (error) {
    throw new Error(
      `${LABEL[client]} is not reachable at ${connection.host}:${connection.port} as "${connection.user}" ` +
        `(${error.code ?? error.message}). Start it, or point DATABASE_HOST, DATABASE_PORT, ` +
        'DATABASE_USERNAME and DATABASE_PASSWORD at a running server.'
    );
  }
  try {
    return await work(query);
  } finally {
    await end();
  }
};

const databaseName = (leads) => `crm_bench_${leads}`;
const sqliteFile = (leads) => path.join(DATA_DIR, `sqlite-${leads}.db`);

/** Checks that the server answers (SQLite needs none); called before anything else runs. */
const checkServer = async (client) => {
  if (client !== 'sqlite') await onServer(client, (query) => query('SELECT 1'));
};

/**
 * Makes the database of `leads` exist (emptied first when `fresh`) and returns the environment
 * that points the app at it.
 */
const prepareDatabase = async (client, leads, { fresh }) => {
  if (client === 'sqlite') {
    const file = sqliteFile(leads);
    fs.mkdirSync(DATA_DIR, { recursive: true });
    if (fresh)
      for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true });
    return { DATABASE_CLIENT: client, DATABASE_FILENAME: file };
  }
  const name = databaseName(leads);
  await onServer(client, async (query) => {
    if (client === 'postgres') {
      if (fresh) await query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      const exists = await query(`SELECT 1 FROM pg_database WHERE datname = '${name}'`);
      if (!exists.length) await query(`CREATE DATABASE "${name}"`);
    } else {
      if (fresh) await query(`DROP DATABASE IF EXISTS \`${name}\``);
      await query(
        `CREATE DATABASE IF NOT EXISTS \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`
      );
    }
  });
  return { DATABASE_CLIENT: client, DATABASE_NAME: name };
};

/** The server's version string, through the app's own connection (knex). */
const serverVersion = async (knex, client) => {
  if (client === 'sqlite') return `SQLite ${(await knex.raw('select sqlite_version() as v'))[0].v}`;
  if (client === 'postgres') return (await knex.raw('select version() as v')).rows[0].v;
  return `MySQL protocol, ${(await knex.raw('select version() as v'))[0][0].v}`;
};

module.exports = { DATA_DIR, checkServer, prepareDatabase, serverVersion, databaseName, sqliteFile };

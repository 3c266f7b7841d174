import fs from 'fs';
import os from 'os';
import path from 'path';

export type DatabaseClient = 'sqlite' | 'postgres' | 'mysql';

export const databaseClient = (): DatabaseClient => {
  const client = process.env.DATABASE_CLIENT ?? 'sqlite';
  if (client !== 'sqlite' && client !== 'postgres' && client !== 'mysql') {
    throw new Error(`DATABASE_CLIENT must be sqlite, postgres or mysql, got "${client}"`);
  }
  return client;
};

const worker = () => process.env.JEST_WORKER_ID ?? '1';

/** This run's id: set by tests/scripts/test.js, so two runs on one server never share a database. */
const run = () => process.env.CRM_TEST_RUN ?? 'local';

/** One database per run and Jest worker. */
export const testDatabaseName = () => `crm_test_${run()}_w${worker()}`;

/**
 * The plugin's private attachments folder of this run and Jest worker: tests that count its files
 * see no other run's (CI runs the three databases' suites side by side).
 */
export const testPrivateDir = () => path.join(os.tmpdir(), `crm-private-${run()}-w${worker()}`);

const serverConnection = (client: 'postgres' | 'mysql') => ({
  host: process.env.DATABASE_HOST ?? '127.0.0.1',
  port: Number(process.env.DATABASE_PORT ?? (client === 'postgres' ? 5432 : 3306)),
  user: process.env.DATABASE_USERNAME ?? (client === 'postgres' ? 'postgres' : 'root'),
  password: process.env.DATABASE_PASSWORD ?? '',
});

/** Runs statements on the server itself (not on a test database). */
const onServer = async (
  client: 'postgres' | 'mysql',
  run: (query: (sql: string) => Promise<unknown>) => Promise<void>
) => {
  if (client === 'postgres') {
    const { Client } = require('pg');
    const pg = new Client({ ...serverConnection('postgres'), database: 'postgres' });
    await pg.connect();
    try {
      await run((sql) => pg.query(sql).then((r: { rows: unknown[] }) => r.rows));
    } finally {
      await pg.end();
    }
    return;
  }
  const mysql = require('mysql2/promise');
  const connection = await mysql.createConnection(serverConnection('mysql'));
  try {
    await run((sql) => connection.query(sql).then(([rows]: [unknown[]]) => rows));
  } finally {
    await connection.end();
  }
};

const recreate = (client: 'postgres' | 'mysql', name: string) =>
  onServer(client, async (query) => {
    if (client === 'postgres') {
      await query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await query(`CREATE DATABASE "${name}"`);
    } else {
      await query(`DROP DATABASE IF EXISTS \`${name}\``);
      await query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    }
  });

/** Removes the private attachments folders of this run's workers. */
export const removeRunPrivateDirs = () => {
  const prefix = `crm-private-${run()}-w`;
  for (const entry of fs.readdirSync(os.tmpdir())) {
    if (entry.startsWith(prefix)) fs.rmSync(path.join(os.tmpdir(), entry), { recursive: true, force: true });
  }
};

/** Drops every database this run created, templates included (called once, after the last test file). */
export const dropRunDatabases = async () => {
  const client = databaseClient();
  if (client === 'sqlite') {
    const prefix = `crm-template-${run()}-w`;
    for (const entry of fs.readdirSync(os.tmpdir()))
      if (entry.startsWith(prefix)) fs.rmSync(path.join(os.tmpdir(), entry), { force: true });
    return;
  }
  const prefix = `crm_test_${run()}_`;
  await onServer(client, async (query) => {
    const rows = (await query(
      client === 'postgres'
        ? `SELECT datname AS name FROM pg_database WHERE datname LIKE '${prefix}%'`
        : `SELECT schema_name AS name FROM information_schema.schemata WHERE schema_name LIKE '${prefix}%'`
    )) as { name: string }[];
    for (const { name } of rows) {
      await query(
        client === 'postgres'
          ? `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`
          : `DROP DATABASE IF EXISTS \`${name}\``
      );
    }
  });
};

/**
 * Gives the next Strapi boot an empty database and points DATABASE_* at it: a fresh SQLite
 * file, or a dropped and recreated PostgreSQL/MariaDB database.
 */
export const prepareDatabase = async () => {
  const client = databaseClient();
  if (client === 'sqlite') {
    const file = path.join(os.tmpdir(), `crm-test-${process.pid}-w${worker()}.db`);
    for (const suffix of SQLITE_FILES) fs.rmSync(file + suffix, { force: true });
    process.env.DATABASE_FILENAME = file;
    return { client, name: file };
  }
  const name = testDatabaseName();
  await recreate(client, name);
  process.env.DATABASE_NAME = name;
  return { client, name };
};

const SQLITE_FILES = ['', '-wal', '-shm', '-journal'];

/** The template of this run and worker: a database the test app has just bootstrapped. */
const templateName = () => `crm_test_${run()}_template_w${worker()}`;
const sqliteTemplate = () => path.join(os.tmpdir(), `crm-template-${run()}-w${worker()}.db`);

const templateExists = async (client: DatabaseClient) => {
  if (client === 'sqlite') return fs.existsSync(sqliteTemplate());
  let found = false;
  await onServer(client, async (query) => {
    const rows = (await query(
      client === 'postgres'
        ? `SELECT 1 FROM pg_database WHERE datname = '${templateName()}'`
        : `SELECT 1 FROM information_schema.schemata WHERE schema_name = '${templateName()}'`
    )) as unknown[];
    found = rows.length > 0;
  });
  return found;
};

/**
 * MariaDB has no CREATE DATABASE … TEMPLATE: every table of the template is created again from its
 * own CREATE TABLE (foreign keys and AUTO_INCREMENT included) and filled from it.
 */
const cloneMysqlDatabase = (from: string, to: string) =>
  onServer('mysql', async (query) => {
    await query(`DROP DATABASE IF EXISTS \`${to}\``);
    await query(`CREATE DATABASE \`${to}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    const tables = (await query(
      `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = '${from}' AND table_type = 'BASE TABLE'`
    )) as { name: string }[];
    await query('SET FOREIGN_KEY_CHECKS = 0');
    await query(`USE \`${to}\``);
    for (const { name } of tables) {
      const [created] = (await query(`SHOW CREATE TABLE \`${from}\`.\`${name}\``)) as Record<
        string,
        string
      >[];
      await query(created['Create Table']);
      await query(`INSERT INTO \`${to}\`.\`${name}\` SELECT * FROM \`${from}\`.\`${name}\``);
    }
    await query('SET FOREIGN_KEY_CHECKS = 1');
  });

/**
 * Gives the next Strapi boot a database the test app has already bootstrapped, as a first boot
 * on an empty database leaves it: a copy of this run's template, made once per run and worker by
 * `bootstrap` (a boot on an empty database, then a stop). Creating Strapi's schema takes seconds
 * (MariaDB: six), a boot on a database whose schema is in step under one: most test files boot
 * on a copy.
 */
export const prepareBootstrappedDatabase = async (bootstrap: () => Promise<void>) => {
  const client = databaseClient();
  if (!(await templateExists(client))) {
    if (client === 'sqlite') {
      const file = `${sqliteTemplate()}.making`;
      for (const suffix of SQLITE_FILES) fs.rmSync(file + suffix, { force: true });
      process.env.DATABASE_FILENAME = file;
      await bootstrap();
      for (const suffix of SQLITE_FILES)
        if (fs.existsSync(file + suffix)) fs.renameSync(file + suffix, sqliteTemplate() + suffix);
    } else {
      // made under another name and renamed once complete: a run stopped half-way leaves no template
      const making = `${templateName()}_making`;
      await recreate(client, making);
      process.env.DATABASE_NAME = making;
      await bootstrap();
      if (client === 'postgres')
        await onServer(client, (query) =>
          query(`ALTER DATABASE "${making}" RENAME TO "${templateName()}"`).then(() => undefined)
        );
      else {
        await cloneMysqlDatabase(making, templateName());
        await onServer(client, (query) => query(`DROP DATABASE \`${making}\``).then(() => undefined));
      }
    }
  }
  if (client === 'sqlite') {
    const file = path.join(os.tmpdir(), `crm-test-${process.pid}-w${worker()}.db`);
    for (const suffix of SQLITE_FILES) {
      fs.rmSync(file + suffix, { force: true });
      if (fs.existsSync(sqliteTemplate() + suffix)) fs.copyFileSync(sqliteTemplate() + suffix, file + suffix);
    }
    process.env.DATABASE_FILENAME = file;
    return { client, name: file };
  }
  const name = testDatabaseName();
  if (client === 'postgres')
    await onServer(client, async (query) => {
      await query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await query(`CREATE DATABASE "${name}" TEMPLATE "${templateName()}"`);
    });
  else await cloneMysqlDatabase(templateName(), name);
  process.env.DATABASE_NAME = name;
  return { client, name };
};

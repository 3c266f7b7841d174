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

/** One database per Jest worker, named so that two workers never share one. */
export const testDatabaseName = () => `crm_test_w${worker()}`;

const serverConnection = (client: 'postgres' | 'mysql') => ({
  host: process.env.DATABASE_HOST ?? '127.0.0.1',
  port: Number(process.env.DATABASE_PORT ?? (client === 'postgres' ? 5432 : 3306)),
  user: process.env.DATABASE_USERNAME ?? (client === 'postgres' ? 'postgres' : 'root'),
  password: process.env.DATABASE_PASSWORD ?? '',
});

const recreatePostgres = async (name: string) => {
  const { Client } = require('pg');
  const client = new Client({ ...serverConnection('postgres'), database: 'postgres' });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
};

const recreateMysql = async (name: string) => {
  const mysql = require('mysql2/promise');
  const connection = await mysql.createConnection(serverConnection('mysql'));
  try {
    await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await connection.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await connection.end();
  }
};

/**
 * Gives the next Strapi boot an empty database and points DATABASE_* at it: a fresh SQLite
 * file, or a dropped and recreated PostgreSQL/MariaDB database.
 */
export const prepareDatabase = async () => {
  const client = databaseClient();
  if (client === 'sqlite') {
    const file = path.join(os.tmpdir(), `crm-test-${process.pid}-w${worker()}.db`);
    for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true });
    process.env.DATABASE_FILENAME = file;
    return { client, name: file };
  }
  const name = testDatabaseName();
  await (client === 'postgres' ? recreatePostgres(name) : recreateMysql(name));
  process.env.DATABASE_NAME = name;
  return { client, name };
};

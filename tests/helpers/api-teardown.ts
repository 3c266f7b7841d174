import { dropRunDatabases, removeRunPrivateDirs } from './database';

/** Jest globalTeardown of the API project: leave no test database (PostgreSQL/MariaDB) or private folder behind. */
export default async () => {
  removeRunPrivateDirs();
  await dropRunDatabases();
};

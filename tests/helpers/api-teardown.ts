import { dropRunDatabases } from './database';

/** Jest globalTeardown of the API project: leave no test database behind on PostgreSQL/MariaDB. */
export default async () => {
  await dropRunDatabases();
};

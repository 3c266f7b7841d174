const path = require('path');

/** SQLite by default; DATABASE_CLIENT=postgres|mysql with the usual DATABASE_* variables. */
module.exports = ({ env }) => {
  const client = env('DATABASE_CLIENT', 'sqlite');
  const network = (port, user) => ({
    connection: {
      host: env('DATABASE_HOST', '127.0.0.1'),
      port: env.int('DATABASE_PORT', port),
      database: env('DATABASE_NAME', 'crm'),
      user: env('DATABASE_USERNAME', user),
      password: env('DATABASE_PASSWORD', ''),
      ssl: env.bool('DATABASE_SSL', false),
    },
    pool: { min: env.int('DATABASE_POOL_MIN', 0), max: env.int('DATABASE_POOL_MAX', 10) },
  });
  const connections = {
    sqlite: {
      connection: { filename: path.resolve(__dirname, '..', env('DATABASE_FILENAME', '.tmp/data.db')) },
      useNullAsDefault: true,
    },
    postgres: network(5432, 'postgres'),
    mysql: network(3306, 'root'),
  };
  if (!connections[client]) {
    throw new Error(`DATABASE_CLIENT must be sqlite, postgres or mysql (got "${client}")`);
  }
  return { connection: { client, ...connections[client], acquireConnectionTimeout: 60000 } };
};

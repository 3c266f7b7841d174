// Demo/test defaults for the secrets: this app is the plugin's demo and test bed, never a production app.
module.exports = ({ env }) => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  // The demo is pinned to 5.54.0 on purpose: no "new version" notice.
  logger: { updates: { enabled: false } },
  // Runs the CRM's reminder job (and any other cron task).
  cron: { enabled: env.bool('CRON_ENABLED', true) },
  app: { keys: env.array('APP_KEYS', ['crm-demo-key-1', 'crm-demo-key-2']) },
});

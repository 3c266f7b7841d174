const path = require('path');

module.exports = ({ env }) => ({
  // The plugin under development, loaded from the repository root (its package.json `exports`).
  crm: {
    enabled: true,
    resolve: path.resolve(__dirname, '../../..'),
    config: {
      webLeads: {
        rateLimit: {
          max: env.int('CRM_WEB_LEADS_RATE_MAX', 10),
          intervalMs: 60_000,
          redis: env('CRM_WEB_LEADS_RATE_REDIS', null),
        },
      },
      // the test harness gives each run and Jest worker its own folder (runs go side by side in CI)
      attachments: { privateDir: env('CRM_PRIVATE_DIR', 'private/crm-attachments') },
    },
  },
  email: {
    config: {
      // Records every message instead of sending it; the demo prints them to the console.
      provider: 'strapi-provider-email-crm-capture',
      providerOptions: { log: env.bool('EMAIL_LOG', true), outbox: env('EMAIL_OUTBOX', '') },
      settings: { defaultFrom: 'crm@example.com', defaultReplyTo: 'crm@example.com' },
    },
  },
  // Shows the CRM's content-API routes in the generated OpenAPI document.
  documentation: { config: { 'x-strapi-config': { plugins: ['upload', 'users-permissions', 'crm'] } } },
  'users-permissions': { config: { jwtSecret: env('JWT_SECRET', 'crm-demo-users-jwt-secret') } },
});

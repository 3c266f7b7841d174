/** Refuses NUL characters and deep nesting before the controllers (see the admin routes). */
const INPUT_GUARD = 'plugin::crm.input-guard';

/**
 * Content-API routes, mounted under /api/crm. Each needs its permission granted to a
 * users-permissions role (Public for a site's contact form) or an API token.
 */
export default {
  type: 'content-api',
  routes: [
    {
      method: 'POST',
      path: '/web-leads',
      handler: 'web-lead.create',
      config: { middlewares: ['plugin::crm.web-lead-rate-limit', INPUT_GUARD] },
    },
    { method: 'GET', path: '/me', handler: 'me.find', config: { middlewares: [INPUT_GUARD] } },
    { method: 'PUT', path: '/me', handler: 'me.update', config: { middlewares: [INPUT_GUARD] } },
  ],
};

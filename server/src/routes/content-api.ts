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
      config: { middlewares: ['plugin::crm.web-lead-rate-limit'] },
    },
    { method: 'GET', path: '/me', handler: 'me.find' },
    { method: 'PUT', path: '/me', handler: 'me.update' },
  ],
};

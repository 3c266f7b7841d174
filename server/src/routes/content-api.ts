/** Content-API routes, mounted under /api/crm. */
export default {
  type: 'content-api',
  routes: [],
};

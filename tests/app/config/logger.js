// STRAPI_LOG_LEVEL=error keeps test output readable; the demo logs at Strapi's default level.
module.exports = { level: process.env.STRAPI_LOG_LEVEL || 'http' };

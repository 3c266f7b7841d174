/**
 * Route policies, referenced as `plugin::crm.<name>`. None of the plugin's own: a lead out of reach
 * is a 404 on Strapi's routes through the read scope (surfaces/read-scope.ts), on the plugin's
 * through the visibility service.
 */
export default {};

import webLeadRateLimit from './web-lead-rate-limit';

/** Route middlewares, referenced as `plugin::crm.<name>`. */
export default { 'web-lead-rate-limit': webLeadRateLimit };

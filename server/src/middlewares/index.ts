import inputGuard from './input-guard';
import webLeadRateLimit from './web-lead-rate-limit';

/** Route middlewares, referenced as `plugin::crm.<name>`. */
export default { 'input-guard': inputGuard, 'web-lead-rate-limit': webLeadRateLimit };

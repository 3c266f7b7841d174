import { adminPolicies, CONVERT, LEADS } from './policies';

const route = (
  method: string,
  path: string,
  handler: string,
  policies: ReturnType<typeof adminPolicies>
) => ({
  method,
  path,
  handler,
  config: { policies },
});

/** Admin routes, mounted under /crm and authenticated with the admin JWT. */
export default {
  type: 'admin',
  routes: [
    route('GET', '/staff', 'staff.find', adminPolicies(LEADS.read)),
    route('GET', '/leads', 'leads.find', adminPolicies(LEADS.read)),
    route('GET', '/leads/board', 'leads.board', adminPolicies(LEADS.read)),
    route('POST', '/leads', 'leads.create', adminPolicies(LEADS.create)),
    route('GET', '/leads/:id', 'leads.findOne', adminPolicies(LEADS.read)),
    route('PUT', '/leads/:id', 'leads.update', adminPolicies(LEADS.update)),
    route('DELETE', '/leads/:id', 'leads.delete', adminPolicies(LEADS.delete)),
    route('POST', '/leads/:id/lost', 'leads.lost', adminPolicies(LEADS.update)),
    route('POST', '/leads/:id/junk', 'leads.junk', adminPolicies(LEADS.update)),
    route('GET', '/leads/:id/activity', 'leads.activity', adminPolicies(LEADS.read)),
    route('GET', '/leads/:id/conversion', 'conversion.prefill', adminPolicies(...CONVERT)),
    route('POST', '/leads/:id/convert', 'conversion.convert', adminPolicies(...CONVERT)),
  ],
};

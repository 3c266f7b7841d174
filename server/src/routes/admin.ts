import { SECTIONS } from '../services/sections';
import { CM_ACTION, UID } from '../uids';
import { SECTION_KINDS } from '../validation/sections';
import { adminPolicies, ANONYMIZE, CONVERT, CUSTOMERS, EXPORT, LEADS } from './policies';

/** Handlers whose query is the leads list's (`filters[...]` on leads, `status` for `leadStatus`). */
const LEAD_LIST_HANDLERS = ['leads.find', 'leads.board', 'leads.export', 'lead-bulk.export'];

/** Every route refuses malformed ids, NUL characters and deep nesting (and bad lead filters). */
const inputGuard = (handler: string) => ({
  name: 'plugin::crm.input-guard',
  config: LEAD_LIST_HANDLERS.includes(handler)
    ? { filters: UID.lead, aliases: { status: 'leadStatus' } }
    : {},
});

const route = (
  method: string,
  path: string,
  handler: string,
  policies: ReturnType<typeof adminPolicies>
) => ({
  method,
  path,
  handler,
  config: { policies, middlewares: [inputGuard(handler)] },
});

/**
 * Sections of leads and customers: the section's own Content Manager rights, plus reading the
 * parent type. Which lead or customer is reachable is decided per record by the services.
 */
const sectionRoutes = SECTION_KINDS.flatMap((kind) => {
  const uid = SECTIONS[kind].uid;
  const read = [CM_ACTION.read, uid] as [string, string];
  const create = [CM_ACTION.create, uid] as [string, string];
  return [
    route('GET', `/leads/:id/${kind}`, `sections.${kind}List`, adminPolicies(LEADS.read, read)),
    route('POST', `/leads/:id/${kind}`, `sections.${kind}Create`, adminPolicies(LEADS.read, create)),
    route(
      'GET',
      `/customers/:id/${kind}`,
      `sections.${kind}CustomerList`,
      adminPolicies(CUSTOMERS.read, read)
    ),
    route(
      'POST',
      `/customers/:id/${kind}`,
      `sections.${kind}CustomerCreate`,
      adminPolicies(CUSTOMERS.read, create)
    ),
    route('PUT', `/${kind}/:id`, `sections.${kind}Update`, adminPolicies([CM_ACTION.update, uid])),
    route('DELETE', `/${kind}/:id`, `sections.${kind}Delete`, adminPolicies([CM_ACTION.delete, uid])),
  ];
});

/** Admin routes, mounted under /crm and authenticated with the admin JWT. */
export default {
  type: 'admin',
  routes: [
    route('GET', '/staff', 'staff.find', adminPolicies(LEADS.read)),
    route('GET', '/leads', 'leads.find', adminPolicies(LEADS.read)),
    route('GET', '/leads/board', 'leads.board', adminPolicies(LEADS.read)),
    route('GET', '/reports/leads', 'reports.leads', adminPolicies(LEADS.read)),
    route('GET', '/my-work', 'my-work.find', adminPolicies()),
    route('POST', '/leads', 'leads.create', adminPolicies(LEADS.create)),
    // before /leads/:id: each bulk action checks its own right (update of its field, or delete)
    route('POST', '/leads/bulk', 'lead-bulk.bulk', adminPolicies(LEADS.read)),
    route('GET', '/leads/export', 'lead-bulk.export', adminPolicies(...EXPORT)),
    route('POST', '/leads/import', 'imports.create', adminPolicies(LEADS.create)),
    route('GET', '/imports/:id', 'imports.findOne', adminPolicies(LEADS.create)),
    route('GET', '/imports/:id/errors.csv', 'imports.errors', adminPolicies(LEADS.create)),
    route('GET', '/leads/:id', 'leads.findOne', adminPolicies(LEADS.read)),
    route('PUT', '/leads/:id', 'leads.update', adminPolicies(LEADS.update)),
    route('DELETE', '/leads/:id', 'leads.delete', adminPolicies(LEADS.delete)),
    route('POST', '/leads/:id/lost', 'leads.lost', adminPolicies(LEADS.update)),
    route('POST', '/leads/:id/junk', 'leads.junk', adminPolicies(LEADS.update)),
    route('GET', '/leads/:id/activity', 'leads.activity', adminPolicies(LEADS.read)),
    route('GET', '/leads/:id/conversion', 'conversion.prefill', adminPolicies(...CONVERT)),
    route('POST', '/leads/:id/convert', 'conversion.convert', adminPolicies(...CONVERT)),
    route('GET', '/leads/:id/export', 'gdpr.export', adminPolicies(...EXPORT)),
    route('POST', '/leads/:id/anonymize', 'gdpr.anonymize', adminPolicies(...ANONYMIZE)),
    route('GET', '/leads/:id/attachments', 'attachments.list', adminPolicies(LEADS.read)),
    route('POST', '/leads/:id/attachments', 'attachments.create', adminPolicies(LEADS.update)),
    route('GET', '/customers/:id/attachments', 'attachments.customerList', adminPolicies(CUSTOMERS.read)),
    route(
      'POST',
      '/customers/:id/attachments',
      'attachments.customerCreate',
      adminPolicies(CUSTOMERS.update)
    ),
    route('GET', '/attachments/:id/file', 'attachments.file', adminPolicies()),
    route('DELETE', '/attachments/:id', 'attachments.delete', adminPolicies()),
    route('GET', '/reminders', 'reminders.mine', adminPolicies([CM_ACTION.read, UID.reminder])),
    ...sectionRoutes,
  ],
};

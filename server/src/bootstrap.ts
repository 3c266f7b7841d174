import type { Core } from '@strapi/strapi';
import { tuneContentManagerLayouts } from './permissions/content-manager-layout';
import { ensureSalesRoles } from './permissions/roles';
import { getService } from './utils';

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  await getService(strapi, 'defaults').ensure();
  await ensureSalesRoles(strapi);
  await tuneContentManagerLayouts(strapi);
  // Events the conversion emits, offered to Strapi's webhooks.
  strapi.get('webhookStore').addAllowedEvent('LEAD_CONVERTED', 'lead.converted');
  strapi.get('webhookStore').addAllowedEvent('CUSTOMER_CREATED', 'customer.created');
  strapi.cron.add({
    crmReminders: {
      task: () => getService(strapi, 'reminders').sendDue(),
      options: { rule: strapi.plugin('crm').config('reminders.cronRule') as string },
    },
  });
};

export default bootstrap;

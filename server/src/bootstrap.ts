import type { Core } from '@strapi/strapi';
import { tuneContentManagerLayouts } from './permissions/content-manager-layout';
import { ensureSalesRoles } from './permissions/roles';
import { ensureCustomerEmailUnique } from './database/customer-email';
import { backfillCustomerOrigins } from './database/customer-origin';
import { fillCustomerFullNames } from './document-middlewares/customer-full-name';
import { ensureEmailIndex } from './database/lead-email-index';
import { ensureLeadIndexes } from './database/lead-indexes';
import { backfillLeadMirrors, registerMirrorCleanup } from './database/lead-mirrors';
import { moveCrmFilesToPrivateStore, registerPrivateFileCleanup } from './database/private-files';
import { refuseCrmLinksThroughUpload } from './surfaces/files';
import { registerReadScope } from './surfaces/read-scope';
import { registerMirrorColumnsHidden } from './surfaces/mirror-columns';
import { crmConfig, getService } from './utils';

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  await getService(strapi, 'defaults').ensure();
  await ensureSalesRoles(strapi);
  registerReadScope(strapi);
  registerMirrorColumnsHidden(strapi);
  refuseCrmLinksThroughUpload(strapi);
  // An optional speed-up: the app runs (slower web-to-lead duplicate checks) without it.
  await ensureEmailIndex(strapi).catch((error: Error) =>
    strapi.log.warn(`[crm] could not create the lead email index: ${error.message}`)
  );
  // columns first, indexes after: filling a column a million times is quicker without its index
  await backfillLeadMirrors(strapi);
  registerMirrorCleanup(strapi);
  await ensureLeadIndexes(strapi);
  await ensureCustomerEmailUnique(strapi);
  registerPrivateFileCleanup(strapi);
  await moveCrmFilesToPrivateStore(strapi);
  await fillCustomerFullNames(strapi);
  await backfillCustomerOrigins(strapi);
  await tuneContentManagerLayouts(strapi);
  // Events the conversion emits, offered to Strapi's webhooks.
  strapi.get('webhookStore').addAllowedEvent('LEAD_CONVERTED', 'lead.converted');
  strapi.get('webhookStore').addAllowedEvent('CUSTOMER_CREATED', 'customer.created');
  // Strapi starts its cron service whatever `server.cron.enabled` says (the flag only gates the
  // app's own tasks): the reminder job follows it too, so an instance with cron off sends none.
  if (strapi.config.get('server.cron.enabled', false)) {
    strapi.cron.add({
      crmReminders: {
        task: () => getService(strapi, 'reminders').sendDue(),
        options: { rule: crmConfig(strapi, 'reminders').cronRule },
      },
    });
  }
  // CSV imports queued in the database, resumed after a restart (stopped in destroy.ts).
  getService(strapi, 'importWorker').start();
};

export default bootstrap;

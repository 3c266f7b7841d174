import type { Core } from '@strapi/strapi';
import { registerDocumentMiddlewares } from './document-middlewares';
import { meRequiresLogin } from './middlewares/me-requires-login';
import { requestErrors } from './middlewares/request-errors';
import { registerActions } from './permissions/actions';
import { registerConditions } from './permissions/conditions';
import { showStaffByName, staffPrivacy } from './permissions/staff-names';
import { CUSTOM_FIELD_VALUES } from './contracts/reference';
import { openApiOverride } from './openapi';
import { keepCrmOutOfGraphql } from './surfaces/graphql';
import { hideHiddenRowsFromHomepageCounts } from './surfaces/homepage-counts';
import { forbidUnreadableRelations } from './surfaces/relations-forbidden';
import { refuseMalformedQueries } from './surfaces/query-errors';
import { hideCustomerStatusFromPicker } from './surfaces/status-picker';
import { closeStaffRecords } from './surfaces/staff-records';

/**
 * Actions and conditions are registered here, not in bootstrap: the admin's bootstrap deletes
 * stored permissions that name an unknown action or condition, so they must exist before it runs.
 */
const register = async ({ strapi }: { strapi: Core.Strapi }) => {
  // the leads' and customers' `customFields`: stored as JSON, typed inputs in the Content Manager
  strapi.customFields.register({ name: CUSTOM_FIELD_VALUES, plugin: 'crm', type: 'json' });
  await registerActions(strapi);
  await registerConditions(strapi);
  registerDocumentMiddlewares(strapi);
  showStaffByName(strapi);
  keepCrmOutOfGraphql(strapi);
  hideHiddenRowsFromHomepageCounts(strapi);
  forbidUnreadableRelations(strapi);
  refuseMalformedQueries(strapi);
  hideCustomerStatusFromPicker(strapi);
  closeStaffRecords(strapi);
  strapi.server.router.use('/api/crm/me', meRequiresLogin);
  strapi.server.use(requestErrors(strapi));
  strapi.server.use(staffPrivacy());
  if (strapi.plugin('documentation')) {
    await strapi
      .plugin('documentation')
      .service('override')
      .registerOverride(openApiOverride, { pluginOrigin: 'crm' });
  }
};

export default register;

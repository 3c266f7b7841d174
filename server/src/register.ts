import type { Core } from '@strapi/strapi';
import { customerEmailRule } from './middlewares/customer-email';
import { customerStatusGuard } from './middlewares/customer-status-guard';
import { leadActivityMiddleware } from './middlewares/lead-activity';
import { leadInvariants } from './middlewares/lead-invariants';
import { meRequiresLogin } from './middlewares/me-requires-login';
import { requestErrors } from './middlewares/request-errors';
import { registerActions } from './permissions/actions';
import { registerConditions } from './permissions/conditions';
import { openApiOverride } from './openapi';
import { guardContentManagerLeadRoutes } from './policies/content-manager';
import { keepCrmOutOfGraphql } from './surfaces/graphql';
import { hideHiddenRowsFromHomepageCounts } from './surfaces/homepage-counts';
import { surfaceWriteRules } from './surfaces/write-rules';

/**
 * Actions and conditions are registered here, not in bootstrap: the admin's bootstrap deletes
 * stored permissions that name an unknown action or condition, so they must exist before it runs.
 */
const register = async ({ strapi }: { strapi: Core.Strapi }) => {
  await registerActions(strapi);
  await registerConditions(strapi);
  strapi.documents.use(customerStatusGuard(strapi));
  strapi.documents.use(leadInvariants(strapi));
  strapi.documents.use(leadActivityMiddleware(strapi));
  strapi.documents.use(surfaceWriteRules(strapi));
  strapi.documents.use(customerEmailRule(strapi));
  guardContentManagerLeadRoutes(strapi);
  keepCrmOutOfGraphql(strapi);
  hideHiddenRowsFromHomepageCounts(strapi);
  strapi.server.router.use('/api/crm/me', meRequiresLogin);
  strapi.server.use(requestErrors(strapi));
  if (strapi.plugin('documentation')) {
    await strapi
      .plugin('documentation')
      .service('override')
      .registerOverride(openApiOverride, { pluginOrigin: 'crm' });
  }
};

export default register;

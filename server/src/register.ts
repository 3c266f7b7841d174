import type { Core } from '@strapi/strapi';
import { registerDocumentMiddlewares } from './document-middlewares';
import { meRequiresLogin } from './middlewares/me-requires-login';
import { requestErrors } from './middlewares/request-errors';
import { registerActions } from './permissions/actions';
import { registerConditions } from './permissions/conditions';
import { openApiOverride } from './openapi';
import { keepCrmOutOfGraphql } from './surfaces/graphql';
import { hideHiddenRowsFromHomepageCounts } from './surfaces/homepage-counts';

/**
 * Actions and conditions are registered here, not in bootstrap: the admin's bootstrap deletes
 * stored permissions that name an unknown action or condition, so they must exist before it runs.
 */
const register = async ({ strapi }: { strapi: Core.Strapi }) => {
  await registerActions(strapi);
  await registerConditions(strapi);
  registerDocumentMiddlewares(strapi);
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

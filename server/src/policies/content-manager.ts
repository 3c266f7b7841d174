import type { Core } from '@strapi/strapi';

interface Route {
  path: string;
  config?: { policies?: unknown[] };
}

/** Content Manager routes that address one document of a collection type. */
const addressesOneDocument = (path: string) => /\/:model\/(?:.*\/)?:(?:id|sourceId)(?:\/|$)/.test(path);

/**
 * The Content Manager answers 403 for a document the user may not read (which lets lead ids be
 * probed) and lets a user clone a document they cannot read. Appending `plugin::crm.lead-visible`
 * to its single-document routes makes an invisible lead a 404 on every one of them, before its
 * handler runs. Routes are compiled at bootstrap, so this runs in register.
 */
export const guardContentManagerLeadRoutes = (strapi: Core.Strapi) => {
  const { routes } = (strapi.plugin('content-manager').routes as unknown as { admin: { routes: Route[] } })
    .admin;
  for (const route of routes.filter((r) => addressesOneDocument(r.path))) {
    route.config = {
      ...route.config,
      policies: [...(route.config?.policies ?? []), 'plugin::crm.lead-visible'],
    };
  }
};

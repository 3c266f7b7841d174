import type { Core } from '@strapi/strapi';
import { UID } from '../uids';

interface GraphqlExtension {
  shadowCRUD(uid: string): { disable(): void };
}

/**
 * SPEC §3.1: with @strapi/plugin-graphql installed, its generated schema would serve every
 * content type to whichever role or token is granted `find`, around the visibility rule. The CRM's
 * types are left out of it (no shadow CRUD): leads, sections and customers are reached through the
 * plugin's routes only.
 */
export const keepCrmOutOfGraphql = (strapi: Core.Strapi) => {
  const graphql = strapi.plugin('graphql');
  if (!graphql) return;
  const extension = graphql.service('extension') as GraphqlExtension;
  for (const uid of Object.values(UID)) extension.shadowCRUD(uid).disable();
};

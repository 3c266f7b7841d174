import type { Core } from '@strapi/strapi';

/**
 * The column of a scalar attribute, as Strapi's metadata names it (the snake_case of the
 * attribute in Strapi 5: `dateConverted` → `date_converted`), for the plugin's hand-written SQL.
 */
export const columnOf = (strapi: Core.Strapi, uid: string, attribute: string): string =>
  (strapi.db.metadata.get(uid).attributes as Record<string, { columnName?: string }>)[attribute]
    ?.columnName ?? attribute.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();

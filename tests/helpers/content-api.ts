import type { Core } from '@strapi/strapi';

/** Grants a users-permissions role (by type: public, authenticated, customer) a content-API action. */
export const grant = async (strapi: Core.Strapi, roleType: string, action: string) => {
  const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: roleType } });
  await strapi.db.query('plugin::users-permissions.permission').create({ data: { action, role: role.id } });
};

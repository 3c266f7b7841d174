import type { Core } from '@strapi/strapi';

interface StaffUser {
  id: number;
}

/**
 * Conditions that, with Strapi's own `admin::is-creator`, express "a staff member sees the leads
 * they created, the leads assigned to them and the public leads".
 */
export const conditions = [
  {
    displayName: 'Lead is assigned to the user',
    name: 'lead-is-assigned',
    plugin: 'crm',
    handler: (user: StaffUser) => ({ 'assignedTo.id': user.id }),
  },
  {
    displayName: 'Lead is public',
    name: 'lead-is-public',
    plugin: 'crm',
    handler: () => ({ isPublic: true }),
  },
];

export const registerConditions = async (strapi: Core.Strapi) => {
  await strapi.service('admin::permission').conditionProvider.registerMany(conditions);
};

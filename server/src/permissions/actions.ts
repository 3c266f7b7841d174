import type { Core } from '@strapi/strapi';

/** The plugin's own actions, shown under Plugins › CRM in the role editor. */
export const actions = [
  {
    section: 'plugins',
    displayName: 'Convert leads to customers',
    uid: 'leads.convert',
    pluginName: 'crm',
    subCategory: 'leads',
  },
  {
    section: 'plugins',
    displayName: 'Export leads (GDPR file of a lead, CSV of a list)',
    uid: 'leads.export',
    pluginName: 'crm',
    subCategory: 'leads',
  },
  {
    section: 'plugins',
    displayName: 'Anonymize a lead (GDPR)',
    uid: 'leads.anonymize',
    pluginName: 'crm',
    subCategory: 'leads',
  },
];

export const registerActions = async (strapi: Core.Strapi) => {
  await strapi.service('admin::permission').actionProvider.registerMany(actions);
};

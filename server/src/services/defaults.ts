import type { Core } from '@strapi/strapi';
import { UID } from '../uids';

export const DEFAULT_STATUSES = [
  { name: 'New', color: '#4945ff', order: 1, isCustomerStatus: false },
  { name: 'Contacted', color: '#0c75af', order: 2, isCustomerStatus: false },
  { name: 'Qualified', color: '#f29d41', order: 3, isCustomerStatus: false },
  { name: 'Proposal', color: '#9736e8', order: 4, isCustomerStatus: false },
  { name: 'Customer', color: '#328048', order: 5, isCustomerStatus: true },
];

export const DEFAULT_SOURCES = ['Website', 'Referral', 'Campaign', 'Phone', 'Email', 'Other'];

export const CUSTOMER_ROLE = {
  name: 'Customer',
  type: 'customer',
  description: 'Customers logging in to their portal.',
};

/** What the Customer role may do through the content API, granted when the plugin creates it. */
export const CUSTOMER_PERMISSIONS = ['plugin::crm.me.find', 'plugin::crm.me.update'];

/**
 * First-boot data. Each set is written only when its table is empty, so whatever an
 * administrator renamed, recoloured or removed later stays as they left it.
 */
const defaultsService = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Seeds statuses, sources and the users-permissions Customer role when they are missing. */
  async ensure() {
    if ((await strapi.db.query(UID.leadStatus).count()) === 0) {
      for (const status of DEFAULT_STATUSES) {
        await strapi.documents(UID.leadStatus).create({ data: status });
      }
    }
    if ((await strapi.db.query(UID.leadSource).count()) === 0) {
      for (const name of DEFAULT_SOURCES) {
        await strapi.documents(UID.leadSource).create({ data: { name } });
      }
    }
    await this.ensureCustomerRole();
  },

  /**
   * users-permissions creates its Authenticated and Public roles only while it has no role at all,
   * and it boots after this plugin: let it create them first, or they would never exist.
   */
  async ensureCustomerRole() {
    const roles = strapi.db.query('plugin::users-permissions.role');
    if ((await roles.count()) === 0) {
      await strapi.plugin('users-permissions').service('users-permissions').initialize();
    }
    if (!(await roles.findOne({ where: { type: CUSTOMER_ROLE.type } }))) {
      const role = await roles.create({ data: CUSTOMER_ROLE });
      for (const action of CUSTOMER_PERMISSIONS) {
        await strapi.db
          .query('plugin::users-permissions.permission')
          .create({ data: { action, role: role.id } });
      }
    }
  },
});

export default defaultsService;
export type DefaultsService = ReturnType<typeof defaultsService>;

import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import type { FindStaff } from '../contracts';
import { crmConfig, getService } from '../utils';

const staffController = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /crm/staff, with the settings a new lead's form and the board need (`meta.settings`). */
  async find(ctx: Context) {
    const { defaultStatus, defaultSource } = crmConfig(strapi, 'webLeads');
    ctx.body = {
      data: await getService(strapi, 'staff').assignable(),
      meta: { settings: { currency: crmConfig(strapi, 'currency'), defaultStatus, defaultSource } },
    } satisfies FindStaff.Response;
  },
});

export default staffController;

import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import type { CrmConfig } from '../config';
import type { FindStaff } from '../contracts';
import { getService } from '../utils';

const staffController = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /crm/staff, with the settings a new lead's form and the board need (`meta.settings`). */
  async find(ctx: Context) {
    const config = (key: keyof CrmConfig) => strapi.plugin('crm').config(key);
    const { defaultStatus, defaultSource } = config('webLeads') as CrmConfig['webLeads'];
    ctx.body = {
      data: await getService(strapi, 'staff').assignable(),
      meta: { settings: { currency: config('currency') as string, defaultStatus, defaultSource } },
    } satisfies FindStaff.Response;
  },
});

export default staffController;

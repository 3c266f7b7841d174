import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import type { FindStaff } from '../contracts';
import { getService } from '../utils';

const staffController = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /crm/staff */
  async find(ctx: Context) {
    ctx.body = { data: await getService(strapi, 'staff').assignable() } satisfies FindStaff.Response;
  },
});

export default staffController;

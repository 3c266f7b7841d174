import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import type { GetMe, UpdateMe } from '../contracts';
import { crmConfig, getService } from '../utils';
import { validateProfileUpdate } from '../validation/me';

/** GET and PUT /api/crm/me, for a customer logged in with users-permissions. */
const meController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: Context) {
    ctx.body = { data: await getService(strapi, 'me').find(ctx.state.user?.id) } satisfies GetMe.Response;
  },

  async update(ctx: Context) {
    const { editableFields } = crmConfig(strapi, 'portal');
    const changes = await validateProfileUpdate(ctx.request.body, editableFields);
    ctx.body = {
      data: await getService(strapi, 'me').update(ctx.state.user?.id, changes),
    } satisfies UpdateMe.Response;
  },
});

export default meController;

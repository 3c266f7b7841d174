import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import type { FindStaff } from '../contracts';
import { crmConfig, getService } from '../utils';

const staffController = ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * GET /crm/staff, with the settings a new lead's form, the board and the profile need
   * (`meta.settings`): the caller's own `editsConvertedLeads` among them.
   */
  async find(ctx: Context) {
    const { defaultStatus, defaultSource } = crmConfig(strapi, 'webLeads');
    const editsConvertedLeads =
      !crmConfig(strapi, 'lockConvertedLeads') ||
      getService(strapi, 'visibility').readsAllLeads(ctx.state.userAbility);
    ctx.body = {
      data: await getService(strapi, 'staff').assignable(),
      meta: {
        settings: {
          currency: crmConfig(strapi, 'currency'),
          defaultStatus,
          defaultSource,
          editsConvertedLeads,
        },
      },
    } satisfies FindStaff.Response;
  },
});

export default staffController;

import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import type { ConvertLead, GetConversion } from '../contracts';
import { crmConfig, getService } from '../utils';
import { validateConversion } from '../validation/conversion';

/** SPEC §6: the conversion dialog's prefill and the conversion itself. */
const conversionController = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /crm/leads/:id/conversion */
  async prefill(ctx: Context) {
    ctx.body = {
      data: await getService(strapi, 'prefill').prefill(ctx.state.userAbility, ctx.params.id),
    } satisfies GetConversion.Response;
  },

  /** POST /crm/leads/:id/convert */
  async convert(ctx: Context) {
    // The lead is resolved first, and once: a lead the caller cannot see is a 404 whatever the body holds.
    const lead = await getService(strapi, 'conversion').findLead(ctx.state.userAbility, ctx.params.id);
    const minPasswordLength = crmConfig(strapi, 'password').minLength;
    const input = await validateConversion(ctx.request.body, { minPasswordLength });
    ctx.status = 201;
    ctx.body = {
      data: await getService(strapi, 'conversion').convert(
        ctx.state.userAbility,
        ctx.state.user,
        lead,
        input
      ),
    } satisfies ConvertLead.Response;
  },
});

export default conversionController;

import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import type { AnonymizeLead, ExportLead } from '../contracts';
import { getService } from '../utils';

/** GDPR routes of a lead: export as a JSON download, anonymize. */
const gdprController = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /crm/leads/:id/export */
  async export(ctx: Context) {
    const data = await getService(strapi, 'gdpr').export(
      ctx.state.userAbility,
      ctx.state.user.id,
      ctx.params.id
    );
    ctx.attachment(`lead-${ctx.params.id}.json`);
    ctx.type = 'application/json';
    ctx.body = { data } satisfies ExportLead.Response;
  },

  /** POST /crm/leads/:id/anonymize */
  async anonymize(ctx: Context) {
    ctx.body = {
      data: await getService(strapi, 'gdpr').anonymize(
        ctx.state.userAbility,
        ctx.state.user.id,
        ctx.params.id
      ),
    } satisfies AnonymizeLead.Response;
  },
});

export default gdprController;

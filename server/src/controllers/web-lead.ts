import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import type { CaptureWebLead } from '../contracts';
import { crmConfig, getService } from '../utils';
import { validateWebLead } from '../validation/web-lead';

/** POST /api/crm/web-leads (permission `plugin::crm.web-lead.create`): answers no lead data. */
const webLeadController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async create(ctx: Context) {
    const { fields, honeypotField } = crmConfig(strapi, 'webLeads');
    const input = await validateWebLead(ctx.request.body, { fields, honeypotField });
    await getService(strapi, 'webLeads').capture(input);
    ctx.status = 201;
    ctx.body = { data: { ok: true } } satisfies CaptureWebLead.Response;
  },
});

export default webLeadController;

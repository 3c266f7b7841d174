import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import type { CrmConfig } from '../config';
import type { CaptureWebLead } from '../contracts';
import { getService } from '../utils';
import { validateWebLead } from '../validation/web-lead';

/** POST /api/crm/web-leads (permission `plugin::crm.web-lead.create`): answers no lead data. */
const webLeadController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async create(ctx: Context) {
    const { fields, honeypotField } = strapi.plugin('crm').config('webLeads') as CrmConfig['webLeads'];
    const input = await validateWebLead(ctx.request.body, { fields, honeypotField });
    await getService(strapi, 'webLeads').capture(input);
    ctx.status = 201;
    ctx.body = { data: { ok: true } } satisfies CaptureWebLead.Response;
  },
});

export default webLeadController;

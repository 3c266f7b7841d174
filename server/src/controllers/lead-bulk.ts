import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import type { BulkLeads } from '../contracts';
import { getService } from '../utils';
import { validateBulkLeads } from '../validation/bulk';
import { validateLeadListQuery } from '../validation/lead-query';

/** Routes on many leads at once: bulk actions on a selection, the CSV export of a list. */
const leadBulkController = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** POST /crm/leads/bulk */
  async bulk(ctx: Context) {
    const body = await validateBulkLeads(ctx.request.body);
    ctx.body = {
      data: await getService(strapi, 'leadBulk').apply(ctx.state.userAbility, ctx.state.user.id, body),
    } satisfies BulkLeads.Response;
  },

  /** GET /crm/leads/export: the list's query without its page (every page is exported). */
  async export(ctx: Context) {
    const { page: _page, pageSize: _pageSize, ...rest } = ctx.query;
    const query = await validateLeadListQuery(rest);
    const stream = await getService(strapi, 'leadExport').csv(
      ctx.state.userAbility,
      ctx.state.user.id,
      query
    );
    ctx.set(
      'Content-Disposition',
      `attachment; filename="leads-${new Date().toISOString().slice(0, 10)}.csv"`
    );
    ctx.set('X-Content-Type-Options', 'nosniff');
    ctx.set('Cache-Control', 'private, no-store');
    ctx.type = 'text/csv; charset=utf-8';
    ctx.body = stream;
  },
});

export default leadBulkController;

import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import type { GetLeadReport } from '../contracts';
import { getService } from '../utils';
import { validateReportQuery } from '../validation/reports';

const reportsController = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /crm/reports/leads */
  async leads(ctx: Context) {
    const period = validateReportQuery(ctx.query);
    ctx.body = {
      data: await getService(strapi, 'reports').leads(ctx.state.userAbility, period),
    } satisfies GetLeadReport.Response;
  },
});

export default reportsController;

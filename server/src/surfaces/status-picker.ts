import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { UID } from '../uids';
import { useOnContentManagerRoutes } from './cm-routes';

/**
 * The Status picker of a lead in the Content Manager does not offer the customer status: only a
 * conversion gives it (SPEC §5), so choosing it there could only end in a refused save. The
 * picker's own `idsToOmit` leaves it out; a converted lead still shows the status it has.
 */
export const hideCustomerStatusFromPicker = (strapi: Core.Strapi) => {
  const omitCustomerStatus = async (ctx: Context, next: Next) => {
    const { model, targetField } = ctx.params as { model?: string; targetField?: string };
    if (model === UID.lead && targetField === 'leadStatus') {
      const customer = await strapi.db
        .query(UID.leadStatus)
        .findOne({ where: { isCustomerStatus: true }, select: ['id'] });
      const query = ctx.query as { idsToOmit?: unknown };
      const omitted = Array.isArray(query.idsToOmit) ? query.idsToOmit : [];
      if (customer) ctx.query = { ...ctx.query, idsToOmit: [...omitted, String(customer.id)] };
    }
    return next();
  };
  useOnContentManagerRoutes(strapi, 'status-picker', ['/relations/:model/:targetField'], omitCustomerStatus);
};

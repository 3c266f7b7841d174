import type { Core, Modules } from '@strapi/strapi';
import { inConversion } from '../rules/conversion-scope';
import { UID } from '../uids';

const WRITES = ['create', 'update', 'clone'];

/**
 * A customer's `fromLead` belongs to the conversion (database/customer-origin.ts): on every other
 * path (the Content Manager, the customer's own `PUT /api/crm/me`, scripts) a value given for it is
 * dropped, so no one can turn a converted customer back into everyone's.
 */
export const customerOriginRule =
  (_strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    if (context.uid !== UID.customer || !WRITES.includes(context.action) || inConversion()) return next();
    const data = (context.params as { data?: Record<string, unknown> }).data;
    if (data && typeof data === 'object') delete data.fromLead;
    return next();
  };

import type { Core, Modules } from '@strapi/strapi';
import { customerIdWithEmail, isDuplicateCustomerEmail } from '../database/customer-email';
import { validationError } from '../errors';
import { inConversion } from '../rules/conversion-scope';
import { asPlugin } from '../surfaces/caller';
import { UID } from '../uids';

const taken = () => validationError([{ path: ['email'], message: 'already belongs to another customer' }]);

/**
 * One customer per email (SPEC §6) on every path that writes customers other than the conversion,
 * which answers its own 409: the Content Manager, the customer's own `PUT /api/crm/me`, scripts. A
 * clear 400 instead of the database's refusal, also when a concurrent write wins the race.
 */
export const customerEmailRule =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    if (context.uid !== UID.customer || !['create', 'update'].includes(context.action) || inConversion())
      return next();
    const { documentId, data } = context.params as { documentId?: string; data?: { email?: unknown } };
    if (typeof data?.email === 'string' && data.email) {
      const email = data.email;
      // on the email's own index (one customer per email: at most one row can hold it)
      const holder = await customerIdWithEmail(strapi, email);
      const other =
        holder !== null &&
        (!documentId ||
          (
            await asPlugin(() =>
              strapi.db.query(UID.customer).findOne({ where: { id: holder }, select: ['documentId'] })
            )
          )?.documentId !== documentId);
      if (other) throw taken();
    }
    try {
      return await next();
    } catch (error) {
      if (isDuplicateCustomerEmail(error)) throw taken();
      throw error;
    }
  };

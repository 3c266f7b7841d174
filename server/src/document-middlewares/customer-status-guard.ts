import type { Core, Modules } from '@strapi/strapi';
import { ValidationError } from '../errors';
import { UID } from '../uids';

/**
 * Exactly one lead status is the customer status (conversion moves leads to it): on every path,
 * it cannot be deleted or lose the flag, no second one can get it, and a status that leads still
 * hold cannot be deleted.
 */
export const customerStatusGuard =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    if (context.uid !== UID.leadStatus || !['create', 'update', 'delete'].includes(context.action))
      return next();
    const params = context.params as { documentId?: string; data?: { isCustomerStatus?: boolean } };
    const statuses = strapi.db.query(UID.leadStatus);
    const wanted = params.data?.isCustomerStatus;
    const target = params.documentId
      ? await statuses.findOne({ where: { documentId: params.documentId } })
      : null;

    if (context.action === 'delete' && target) {
      if (target.isCustomerStatus) {
        throw new ValidationError('The customer status cannot be deleted: converted leads are given it.');
      }
      const inUse = await strapi.db.query(UID.lead).count({ where: { leadStatus: { id: target.id } } });
      if (inUse > 0) {
        throw new ValidationError(
          `${inUse} lead(s) have the status "${target.name}": move them to another status first.`
        );
      }
    }
    if (context.action === 'update' && target?.isCustomerStatus && wanted === false) {
      throw new ValidationError(
        'The customer status keeps its flag: exactly one status is the customer status.',
        {
          errors: [
            {
              path: ['isCustomerStatus'],
              message: 'cannot be removed from the customer status',
              name: 'ValidationError',
            },
          ],
        }
      );
    }
    if (wanted === true && !target?.isCustomerStatus) {
      const existing = await statuses.count({ where: { isCustomerStatus: true } });
      if (existing > 0) {
        throw new ValidationError(
          'There is already a customer status: exactly one status is the customer status.',
          {
            errors: [
              {
                path: ['isCustomerStatus'],
                message: 'is already held by another status',
                name: 'ValidationError',
              },
            ],
          }
        );
      }
    }
    return next();
  };

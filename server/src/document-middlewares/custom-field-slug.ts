import type { Core, Modules } from '@strapi/strapi';
import { isUniqueViolation } from '../database/customer-email';
import { validationError } from '../errors';
import { UID } from '../uids';

/**
 * A custom field's slug is unique per target (a database index): a second one with the same slug,
 * written in the Content Manager, is a clear 400 naming the slug, not the database's 500.
 */
export const customFieldSlugRule =
  (_strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    if (context.uid !== UID.customField || !['create', 'update', 'clone'].includes(context.action))
      return next();
    try {
      return await next();
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      throw validationError([
        { path: ['slug'], message: 'is already the slug of another field of this target' },
      ]);
    }
  };

import { errors } from '@strapi/utils';
import type { Context, Next } from 'koa';

/**
 * /api/crm/me is about "me": a request with no credentials at all is a 401, not the 403 that
 * users-permissions gives an anonymous call (it evaluates the Public role). Requests that carry
 * credentials go through Strapi's authentication and permissions unchanged.
 */
export const meRequiresLogin = async (ctx: Context, next: Next) => {
  if (!ctx.get('Authorization')) {
    throw new errors.UnauthorizedError('Log in as a customer to reach your profile');
  }
  return next();
};

import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { forbiddenError } from '../errors';
import type { UserAbility } from '../services/visibility';
import { CM_ACTION } from '../uids';
import { useOnContentManagerRoutes } from './cm-routes';

const ADMIN_USER = 'admin::user';

/**
 * The plugin lets every reader of CRM records read staff members' names (permissions/staff-names.ts)
 * so that the Content Manager can show an assignee by name. That permission is not meant to open
 * the Content Manager's own pages of admin users, where its search matches the email column and a
 * sort orders by any field: to a user who may not read staff emails, those routes answer 403
 * (the admin panel's Users page, `/admin/users`, keeps its own permission).
 */
export const closeStaffRecords = (strapi: Core.Strapi) => {
  const refuseNamesOnly = async (ctx: Context, next: Next) => {
    const model = (ctx.params as { model?: string }).model;
    const ability = ctx.state.userAbility as UserAbility | undefined;
    if (model?.toLowerCase() === ADMIN_USER && ability?.cannot(CM_ACTION.read, ADMIN_USER, 'email'))
      throw forbiddenError('You may not browse staff accounts here: ask an administrator for the Users page');
    return next();
  };
  useOnContentManagerRoutes(strapi, 'staff-records', (path) => path.includes(':model'), refuseNamesOnly);
};

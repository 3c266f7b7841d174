import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import type { ListMyReminders } from '../contracts';
import { validationError } from '../errors';
import { getService } from '../utils';

/** GET /crm/reminders: the caller's reminders; `notified=true|false` narrows them. */
const remindersController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async mine(ctx: Context) {
    const { notified, ...rest } = ctx.query;
    const unknown = Object.keys(rest);
    if (unknown.length)
      throw validationError(
        unknown.map((k) => ({ path: [k], message: 'is not a parameter of the reminders list' }))
      );
    if (notified !== undefined && notified !== 'true' && notified !== 'false') {
      throw validationError([{ path: ['notified'], message: 'must be true or false' }]);
    }
    const filter = notified === undefined ? {} : { notified: notified === 'true' };
    ctx.body = {
      data: await getService(strapi, 'reminders').mine(ctx.state.userAbility, ctx.state.user.id, filter),
    } satisfies ListMyReminders.Response;
  },
});

export default remindersController;

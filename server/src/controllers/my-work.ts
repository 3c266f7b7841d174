import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import type { GetMyWork } from '../contracts';
import { forbiddenError } from '../errors';
import { CM_ACTION, UID } from '../uids';
import { getService } from '../utils';
import { validateMyWorkQuery } from '../validation/reports';

const myWorkController = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /crm/my-work — needs reading tasks or reminders. */
  async find(ctx: Context) {
    const ability = ctx.state.userAbility;
    if (ability.cannot(CM_ACTION.read, UID.task) && ability.cannot(CM_ACTION.read, UID.reminder)) {
      throw forbiddenError('Your role may not read tasks or reminders');
    }
    const query = validateMyWorkQuery(ctx.query);
    ctx.body = (await getService(strapi, 'myWork').list(
      ability,
      ctx.state.user.id,
      query
    )) satisfies GetMyWork.Response;
  },
});

export default myWorkController;

import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import type { UserAbility } from '../services/visibility';
import { HANGING_TYPES } from '../services/hanging';
import { getService } from '../utils';
import { CM_ACTION } from '../uids';
import { asPlugin } from './caller';
import { useOnContentManagerRoutes } from './cm-routes';

/**
 * The admin homepage's "count documents" widget counts every row of every type the user may read
 * with raw SQL, past the read scope: a hidden lead created elsewhere would move the number (an
 * existence oracle). This takes the rows the caller may not see back out of it.
 */
export const hideHiddenRowsFromHomepageCounts = (strapi: Core.Strapi) => {
  const uncount = async (ctx: Context, next: Next) => {
    await next();
    const ability = ctx.state.userAbility as UserAbility | undefined;
    const counts = (ctx.body as { data?: { published?: number } } | undefined)?.data;
    if (!ability || typeof counts?.published !== 'number') return;
    for (const uid of HANGING_TYPES) {
      const shown = strapi.contentTypes[uid]?.pluginOptions?.['content-manager'] as
        { visible?: boolean } | undefined;
      if (shown?.visible === false || ability.cannot(CM_ACTION.read, uid)) continue;
      if (!getService(strapi, 'visibility').hangingFilter(ability, uid)) continue;
      const all = await asPlugin(() => strapi.db.query(uid).count());
      const seen = await strapi.db.query(uid).count(); // scoped: this is a Strapi surface
      counts.published -= all - seen;
    }
  };
  useOnContentManagerRoutes(strapi, 'homepage-counts', ['/homepage/count-documents'], uncount);
};

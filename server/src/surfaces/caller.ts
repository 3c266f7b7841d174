import { AsyncLocalStorage } from 'node:async_hooks';
import type { Core } from '@strapi/strapi';
import type { UserAbility } from '../services/visibility';

/**
 * Who is reading or writing through one of Strapi's own surfaces (the Content Manager, the
 * relations and actions endpoints, the media library, the content API, the homepage…): an admin
 * with their ability, or an outside caller (API token, users-permissions login) with none.
 * `null` outside a request (cron jobs, scripts, the plugin's own boot) and on the plugin's own
 * routes, which apply the visibility rule themselves and must see every row to do so (an existing
 * customer's email, a lead's notes to copy).
 */
export type SurfaceCaller = { kind: 'admin'; ability: UserAbility; userId: number } | { kind: 'outside' };

interface RequestState {
  route?: { info?: { pluginName?: string } };
  userAbility?: UserAbility;
  user?: { id: number };
  auth?: { strategy?: { name?: string } };
}

const internal = new AsyncLocalStorage<true>();

/** Runs `work` with the plugin's own rights: the checks it makes must read rows as they are. */
export const asPlugin = <T>(work: () => Promise<T>): Promise<T> => internal.run(true, work);

export const surfaceCaller = (strapi: Core.Strapi): SurfaceCaller | null => {
  if (internal.getStore()) return null;
  const ctx = strapi.requestContext.get() as { state?: RequestState } | undefined;
  const state = ctx?.state;
  if (!state?.route || state.route.info?.pluginName === 'crm') return null;
  if (state.auth?.strategy?.name === 'admin' && state.userAbility && state.user) {
    return { kind: 'admin', ability: state.userAbility, userId: state.user.id };
  }
  return { kind: 'outside' };
};

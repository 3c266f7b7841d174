import type { Core } from '@strapi/strapi';
import { UID } from '../uids';
import { getService } from '../utils';

export interface PolicyContext {
  params?: { model?: string; id?: string; sourceId?: string };
  state: { userAbility?: Parameters<ReturnType<typeof getService<'visibility'>>['findVisibleLead']>[0] };
}

/**
 * On a route addressing one lead (`:id` or `:sourceId`, with `:model` the lead type), a lead the
 * caller may not see answers 404 before the handler runs, like a lead that does not exist.
 */
const leadVisible = async (ctx: PolicyContext, _config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const { model, id, sourceId } = ctx.params ?? {};
  const documentId = id ?? sourceId;
  if (model !== UID.lead || !documentId || !ctx.state.userAbility) return true;
  await getService(strapi, 'visibility').findVisibleLead(ctx.state.userAbility, documentId);
  return true;
};

export default leadVisible;

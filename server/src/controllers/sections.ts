import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { getService } from '../utils';
import { validatePagination } from '../validation/lead-query';
import { SECTION_KINDS, validateSection, type SectionKind } from '../validation/sections';

/** Handlers `<kind>.list|create|update|delete` for each section (notes, tasks, reminders, opportunities). */
const sectionsController = ({ strapi }: { strapi: Core.Strapi }) => {
  const sections = () => getService(strapi, 'sections');
  const handlers = (kind: SectionKind) => ({
    [`${kind}List`]: async (ctx: Context) => {
      ctx.body = await sections().list(
        kind,
        ctx.state.userAbility,
        ctx.params.id,
        await validatePagination(ctx.query)
      );
    },
    [`${kind}Create`]: async (ctx: Context) => {
      // The lead first: a section of a lead one cannot see is a 404 whatever the body holds.
      await getService(strapi, 'visibility').findVisibleLead(ctx.state.userAbility, ctx.params.id);
      const input = await validateSection(kind, ctx.request.body, { partial: false });
      ctx.status = 201;
      ctx.body = {
        data: await sections().create(kind, ctx.state.userAbility, ctx.state.user.id, ctx.params.id, input),
      };
    },
    [`${kind}Update`]: async (ctx: Context) => {
      const input = await validateSection(kind, ctx.request.body, { partial: true });
      ctx.body = {
        data: await sections().update(kind, ctx.state.userAbility, ctx.state.user.id, ctx.params.id, input),
      };
    },
    [`${kind}Delete`]: async (ctx: Context) => {
      ctx.body = {
        data: await sections().remove(kind, ctx.state.userAbility, ctx.state.user.id, ctx.params.id),
      };
    },
  });
  return Object.assign({}, ...SECTION_KINDS.map(handlers)) as Record<string, (ctx: Context) => Promise<void>>;
};

export default sectionsController;

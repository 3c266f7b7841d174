import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import type { CreateSection, DeleteSection, ListSection, SectionRecords, UpdateSection } from '../contracts';
import type { ParentType } from '../services/parents';
import { sectionReader } from '../services/sections/readable';
import type { UserAbility } from '../services/visibility';
import { getService } from '../utils';
import { validatePagination } from '../validation/lead-query';
import { SECTION_KINDS, validateSection, type SectionKind } from '../validation/sections';

type Handler = (ctx: Context) => Promise<void>;

/**
 * Handlers for each section (notes, tasks, reminders, opportunities): `<kind>List` and
 * `<kind>Create` under a lead, `<kind>CustomerList` and `<kind>CustomerCreate` under a customer,
 * `<kind>Update` and `<kind>Delete` on one record.
 */
const sectionsController = ({ strapi }: { strapi: Core.Strapi }) => {
  const sections = () => getService(strapi, 'sections');
  const parentOf = (type: ParentType, ctx: Context) => ({ type, documentId: ctx.params.id as string });
  /** A section record without the fields the caller's role may not read on its type (as the Content Manager answers it). */
  const shown = <K extends SectionKind>(kind: K, ctx: Context, record: SectionRecords[K]) =>
    sectionReader(strapi, ctx.state.userAbility as UserAbility, kind)(record);

  const forParent = (kind: SectionKind, type: ParentType, suffix: string): Record<string, Handler> => ({
    [`${kind}${suffix}List`]: async (ctx) => {
      const page = await sections().list(
        kind,
        ctx.state.userAbility,
        parentOf(type, ctx),
        await validatePagination(ctx.query),
        ctx.state.user.id
      );
      ctx.body = {
        ...page,
        data: page.data.map(sectionReader(strapi, ctx.state.userAbility as UserAbility, kind)),
      } satisfies ListSection.Response;
    },
    [`${kind}${suffix}Create`]: async (ctx) => {
      // The parent first, and once: a section of a record one cannot reach is a 404 whatever the body holds.
      const parent = await getService(strapi, 'parents').reach(ctx.state.userAbility, parentOf(type, ctx));
      const input = await validateSection(kind, ctx.request.body, { partial: false });
      ctx.status = 201;
      ctx.body = {
        data: shown(
          kind,
          ctx,
          await sections().create(kind, ctx.state.userAbility, ctx.state.user.id, parent, input)
        ),
      } satisfies CreateSection.Response;
    },
  });

  const forRecord = (kind: SectionKind): Record<string, Handler> => ({
    [`${kind}Update`]: async (ctx) => {
      const input = await validateSection(kind, ctx.request.body, { partial: true });
      ctx.body = {
        data: shown(
          kind,
          ctx,
          await sections().update(kind, ctx.state.userAbility, ctx.state.user.id, ctx.params.id, input)
        ),
      } satisfies UpdateSection.Response;
    },
    [`${kind}Delete`]: async (ctx) => {
      ctx.body = {
        data: shown(
          kind,
          ctx,
          await sections().remove(kind, ctx.state.userAbility, ctx.state.user.id, ctx.params.id)
        ),
      } satisfies DeleteSection.Response;
    },
  });

  return Object.assign(
    {},
    ...SECTION_KINDS.flatMap((kind) => [
      forParent(kind, 'lead', ''),
      forParent(kind, 'customer', 'Customer'),
      forRecord(kind),
    ])
  ) as Record<string, Handler>;
};

export default sectionsController;

import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import type {
  CreateLead,
  DeleteLead,
  FindLeads,
  GetActivity,
  GetBoard,
  GetLead,
  SetLeadFlag,
  UpdateLead,
} from '../contracts';
import { readableActivity, readableLeadFields } from '../services/leads/readable';
import { noteExcerpts } from '../services/sections/readable';
import { getService } from '../utils';
import { validateFlag, validateLeadCreate, validateLeadUpdate } from '../validation/lead';
import { validateLeadListQuery, validatePagination } from '../validation/lead-query';

/** Admin routes of SPEC §9 for leads; every one resolves leads through the visibility service. */
const leadsController = ({ strapi }: { strapi: Core.Strapi }) => {
  const reader = () => getService(strapi, 'leadReader');
  const writer = () => getService(strapi, 'leadWriter');
  const flag = (name: 'lost' | 'junk') => async (ctx: Context) => {
    const { value } = await validateFlag(ctx.request.body);
    ctx.body = {
      data: await writer().setFlag(ctx.state.userAbility, ctx.state.user.id, ctx.params.id, name, value),
    } satisfies SetLeadFlag.Response;
  };

  return {
    /** GET /crm/leads */
    async find(ctx: Context) {
      const query = await validateLeadListQuery(ctx.query);
      ctx.body = (await reader().list(
        ctx.state.userAbility,
        ctx.state.user.id,
        query
      )) satisfies FindLeads.Response;
    },

    /** GET /crm/leads/board */
    async board(ctx: Context) {
      const query = await validateLeadListQuery({ pageSize: '20', ...ctx.query });
      ctx.body = (await reader().board(
        ctx.state.userAbility,
        ctx.state.user.id,
        query
      )) satisfies GetBoard.Response;
    },

    /** GET /crm/leads/:id */
    async findOne(ctx: Context) {
      ctx.body = {
        data: await reader().findOne(ctx.state.userAbility, ctx.params.id),
      } satisfies GetLead.Response;
    },

    /** POST /crm/leads */
    async create(ctx: Context) {
      const input = await validateLeadCreate(ctx.request.body);
      ctx.status = 201;
      ctx.body = {
        data: await writer().create(ctx.state.userAbility, ctx.state.user.id, input),
      } satisfies CreateLead.Response;
    },

    /** PUT /crm/leads/:id */
    async update(ctx: Context) {
      const input = await validateLeadUpdate(ctx.request.body);
      ctx.body = {
        data: await writer().update(ctx.state.userAbility, ctx.state.user.id, ctx.params.id, input),
      } satisfies UpdateLead.Response;
    },

    /** DELETE /crm/leads/:id */
    async delete(ctx: Context) {
      ctx.body = {
        data: await writer().remove(ctx.state.userAbility, ctx.params.id),
      } satisfies DeleteLead.Response;
    },

    /** POST /crm/leads/:id/lost */
    lost: flag('lost'),

    /** POST /crm/leads/:id/junk */
    junk: flag('junk'),

    /** GET /crm/leads/:id/activity */
    async activity(ctx: Context) {
      const lead = await getService(strapi, 'visibility').findVisibleLead(
        ctx.state.userAbility,
        ctx.params.id
      );
      const pagination = await validatePagination(ctx.query);
      const page = await getService(strapi, 'activity').listForLead(lead.documentId, pagination);
      const readable = readableLeadFields(strapi, ctx.state.userAbility);
      const excerptShown = await noteExcerpts(strapi, ctx.state.userAbility, page.data);
      ctx.body = {
        ...page,
        data: page.data.map((row) => readableActivity(row, readable, { noteBodies: excerptShown(row) })),
      } satisfies GetActivity.Response;
    },
  };
};

export default leadsController;

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
import { validationError, type FieldError } from '../errors';
import { checkValues } from '../services/custom-fields';
import { getService } from '../utils';
import { unwrapData } from '../validation/common';
import { validateFlag, validateLeadCreate, validateLeadUpdate } from '../validation/lead';
import { validateLeadListQuery, validatePagination } from '../validation/lead-query';

/** Admin routes of SPEC §9 for leads; every one resolves leads through the visibility service. */
const leadsController = ({ strapi }: { strapi: Core.Strapi }) => {
  const reader = () => getService(strapi, 'leadReader');
  const writer = () => getService(strapi, 'leadWriter');
  /**
   * The body checked at the edge; when that fails, the custom-field values are checked too and
   * their errors added, so one 400 names every bad field (they were named only on the next try).
   * `creating`: a required custom field left out is one of them.
   */
  const validated = async <T>(validate: (body: unknown) => Promise<T>, body: unknown, creating: boolean) => {
    try {
      return await validate(body);
    } catch (error) {
      const found = (error as { details?: { errors?: FieldError[] } }).details?.errors;
      let values: unknown;
      try {
        values = unwrapData(body).customFields;
      } catch {
        throw error;
      }
      if (!found?.length || !values || typeof values !== 'object' || Array.isArray(values)) throw error;
      const customFields = getService(strapi, 'customFields');
      const more = creating
        ? (await customFields.validate('lead', values as Record<string, unknown>, null)).errors
        : checkValues(
            await customFields.definitions('lead'),
            values as Record<string, unknown>,
            'is not a custom field of leads'
          ).errors;
      const named = new Set(found.map((e) => e.path.join('.')));
      const added = more.filter((e) => !named.has(e.path.join('.')));
      if (!added.length) throw error;
      throw validationError([...found.map(({ path, message }) => ({ path, message })), ...added]);
    }
  };
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
      const input = await validated(validateLeadCreate, ctx.request.body, true);
      ctx.status = 201;
      ctx.body = {
        data: await writer().create(ctx.state.userAbility, ctx.state.user.id, input),
      } satisfies CreateLead.Response;
    },

    /** PUT /crm/leads/:id */
    async update(ctx: Context) {
      const input = await validated(validateLeadUpdate, ctx.request.body, false);
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

import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import type { IncomingFile } from '../services/attachments';
import { getService } from '../utils';

/** A lead's attachments: list, upload (multipart field `files`), delete. */
const attachmentsController = ({ strapi }: { strapi: Core.Strapi }) => {
  const attachments = () => getService(strapi, 'attachments');
  return {
    /** GET /crm/leads/:id/attachments */
    async list(ctx: Context) {
      ctx.body = { data: await attachments().list(ctx.state.userAbility, ctx.params.id) };
    },

    /** POST /crm/leads/:id/attachments */
    async create(ctx: Context) {
      const raw = (ctx.request as { files?: { files?: IncomingFile | IncomingFile[] } }).files?.files;
      const files = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
      ctx.status = 201;
      ctx.body = {
        data: await attachments().add(ctx.state.userAbility, ctx.state.user.id, ctx.params.id, files),
      };
    },

    /** DELETE /crm/attachments/:id */
    async delete(ctx: Context) {
      ctx.body = {
        data: await attachments().remove(ctx.state.userAbility, ctx.state.user.id, ctx.params.id),
      };
    },
  };
};

export default attachmentsController;

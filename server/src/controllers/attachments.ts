import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import type { CreateAttachments, DeleteAttachment, ListAttachments } from '../contracts';
import type { IncomingFile } from '../services/attachments';
import type { ParentType } from '../services/parents';
import { getService } from '../utils';

/** Attachments of leads and customers: list, upload (multipart field `files`), download, delete. */
const attachmentsController = ({ strapi }: { strapi: Core.Strapi }) => {
  const attachments = () => getService(strapi, 'attachments');
  const parentOf = (type: ParentType, ctx: Context) => ({ type, documentId: ctx.params.id as string });

  const list = (type: ParentType) => async (ctx: Context) => {
    ctx.body = {
      data: await attachments().list(ctx.state.userAbility, parentOf(type, ctx)),
    } satisfies ListAttachments.Response;
  };

  const create = (type: ParentType) => async (ctx: Context) => {
    const raw = (ctx.request as { files?: { files?: IncomingFile | IncomingFile[] } }).files?.files;
    const files = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
    ctx.status = 201;
    ctx.body = {
      data: await attachments().add(ctx.state.userAbility, ctx.state.user.id, parentOf(type, ctx), files),
    } satisfies CreateAttachments.Response;
  };

  return {
    /** GET /crm/leads/:id/attachments */
    list: list('lead'),
    /** POST /crm/leads/:id/attachments */
    create: create('lead'),
    /** GET /crm/customers/:id/attachments */
    customerList: list('customer'),
    /** POST /crm/customers/:id/attachments */
    customerCreate: create('customer'),
    /**
     * GET /crm/attachments/:id/file: the file, as a download only (SPEC §5): a browser never runs
     * or renders it from the app's origin, whatever it holds.
     */
    async file(ctx: Context) {
      const { file, content } = await attachments().download(ctx.state.userAbility, ctx.params.id);
      const name = String(file.name);
      const fallback = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
      ctx.set(
        'Content-Disposition',
        `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(name)}`
      );
      ctx.set('X-Content-Type-Options', 'nosniff');
      ctx.set('Content-Security-Policy', "default-src 'none'; sandbox");
      ctx.set('Cache-Control', 'private, no-store');
      ctx.type = String(file.mime).startsWith('text/') ? `${file.mime}; charset=utf-8` : String(file.mime);
      ctx.body = content;
    },

    /** DELETE /crm/attachments/:id */
    async delete(ctx: Context) {
      ctx.body = {
        data: await attachments().remove(ctx.state.userAbility, ctx.state.user.id, ctx.params.id),
      } satisfies DeleteAttachment.Response;
    },
  };
};

export default attachmentsController;

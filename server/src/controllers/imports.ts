import { readFile } from 'node:fs/promises';
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import type { GetImport, ImportLeads } from '../contracts';
import { forbiddenError, validationError } from '../errors';
import type { IncomingFile } from '../services/attachments';
import { CM_ACTION, UID } from '../uids';
import { crmConfig, getService } from '../utils';
import { validateImportOptions } from '../validation/import';

/** CSV import of leads (SPEC §8, §9): start a job (or a dry run), follow it, download its refused rows. */
const importsController = ({ strapi }: { strapi: Core.Strapi }) => {
  const imports = () => getService(strapi, 'imports');

  /** The uploaded file, read only when within the size limit. */
  const uploaded = async (ctx: Context) => {
    const raw = (ctx.request as { files?: { file?: IncomingFile | IncomingFile[] } }).files?.file;
    const file = Array.isArray(raw) ? (raw.length === 1 ? raw[0] : undefined) : raw;
    if (!file)
      throw validationError([{ path: ['file'], message: 'must be one CSV file (multipart field "file")' }]);
    const { maxBytes } = crmConfig(strapi, 'import');
    if (file.size > maxBytes)
      throw validationError(
        [{ path: ['file'], message: `is larger than ${maxBytes} bytes` }],
        `file is larger than ${maxBytes} bytes`
      );
    return { name: file.originalFilename ?? 'import.csv', content: await readFile(file.filepath) };
  };

  return {
    /** POST /crm/leads/import */
    async create(ctx: Context) {
      const options = await validateImportOptions(
        (ctx.request.body as { options?: unknown } | undefined)?.options
      );
      if (options.duplicates === 'update' && ctx.state.userAbility.cannot(CM_ACTION.update, UID.lead))
        throw forbiddenError('Updating duplicates needs the right to update leads');
      const file = await uploaded(ctx);
      if (options.dryRun) {
        ctx.body = {
          data: await imports().preview(file.content, options, ctx.state.userAbility),
        } satisfies ImportLeads.Response;
        return;
      }
      ctx.status = 202;
      ctx.body = {
        data: await imports().create(ctx.state.user.id, ctx.state.userAbility, file, options),
      } satisfies ImportLeads.Response;
    },

    /** GET /crm/imports/:id */
    async findOne(ctx: Context) {
      const job = await imports().findOne(ctx.state.user, ctx.state.userAbility, ctx.params.id);
      ctx.body = { data: imports().progressOf(job) } satisfies GetImport.Response;
    },

    /** GET /crm/imports/:id/errors.csv */
    async errors(ctx: Context) {
      const job = await imports().findOne(ctx.state.user, ctx.state.userAbility, ctx.params.id);
      ctx.set('Content-Disposition', `attachment; filename="import-${job.documentId}-refused-rows.csv"`);
      ctx.set('X-Content-Type-Options', 'nosniff');
      ctx.set('Cache-Control', 'private, no-store');
      ctx.type = 'text/csv; charset=utf-8';
      ctx.body = `\ufeff${imports().errorsCsv(job)}`;
    },
  };
};

export default importsController;

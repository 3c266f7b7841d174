import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { validationError, type FieldError } from '../errors';
import { validateFilters, type FilterAttribute } from '../validation/filters';
import { idProblem, inputProblems } from '../validation/input';
import { isConnectionError, serviceUnavailable } from './request-errors';

export interface InputGuardConfig {
  /** The model whose attributes `filters[...]` of the query address (the leads list). */
  filters?: string;
  /** API names of attributes at the top of those filters (`status` for `leadStatus`). */
  aliases?: Record<string, string>;
}

/** The name of an uploaded file and the type its client declared, wherever formidable put them. */
const fileTexts = (files: unknown) =>
  Object.fromEntries(
    Object.entries((files ?? {}) as Record<string, unknown>).map(([field, value]) => [
      field,
      (Array.isArray(value) ? value : [value]).map((file) => {
        const f = (file ?? {}) as Record<string, unknown>;
        return [f.originalFilename, f.name, f.mimetype, f.type].filter((v) => typeof v === 'string');
      }),
    ])
  );

/**
 * Refuses with a 400, before any controller or database sees them, the inputs that no route of
 * the plugin accepts: a path id that cannot be one, a NUL character anywhere in the query, the
 * body or an uploaded file's name, nesting deeper than any body needs, and (where the route
 * names a model) filters whose operators or values do not fit the attributes they address.
 * A database that stops answering during the request is a 503, not a 500.
 */
const inputGuard = (config: InputGuardConfig = {}, { strapi }: { strapi: Core.Strapi }) => {
  const attributes = (uid: string) => {
    const model = strapi.getModel(uid as never) as
      { attributes?: Record<string, FilterAttribute> } | undefined;
    return model?.attributes;
  };

  return async (ctx: Context, next: Next) => {
    const errors: FieldError[] = [];
    // the route's own `:params` (koa-router also merges unnamed captures of other layers)
    const routePath = (ctx.state.route as { path?: string } | undefined)?.path ?? '';
    for (const [, name] of routePath.matchAll(/:(\w+)/g)) {
      const problem = idProblem(ctx.params?.[name]);
      if (problem) errors.push({ path: [name], message: problem });
    }
    errors.push(...inputProblems(ctx.query));
    const request = ctx.request as Context['request'] & { body?: unknown; files?: unknown };
    errors.push(...inputProblems(request.body));
    errors.push(...inputProblems(fileTexts(request.files), ['files']));
    if (errors.length) throw validationError(errors);

    const { filters } = ctx.query as { filters?: unknown };
    if (config.filters && filters !== undefined) {
      validateFilters(filters, config.filters, attributes, { aliases: config.aliases });
    }

    try {
      await next();
    } catch (error) {
      if (isConnectionError(error)) throw serviceUnavailable(ctx);
      throw error;
    }
  };
};

export default inputGuard;

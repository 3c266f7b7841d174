import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { forbiddenError } from '../errors';
import { useOnContentManagerRoutes } from './cm-routes';

const RELATION_ROUTES = ['/relations/:model/:targetField', '/relations/:model/:id/:targetField'];

/**
 * The Content Manager's relations endpoints answer a 500 instead of a 403 to a user who may not
 * read the relation field (Strapi 5.54's `extractAndValidateRequestInfo` returns `ctx.forbidden()`
 * to a caller that destructures its result). Checked here first, with the Content Manager's own
 * permission checker, so the answer is the 403 of the error envelope.
 */
export const forbidUnreadableRelations = (strapi: Core.Strapi) => {
  const checker = strapi.plugin('content-manager').service('permission-checker') as unknown as {
    create: (args: { userAbility: unknown; model: string }) => {
      cannot: { read: (entity: unknown, field: string) => boolean };
    };
  };
  const refuseUnreadable = async (ctx: Context, next: Next) => {
    const { model, targetField } = ctx.params as { model?: string; targetField?: string };
    const schema = model
      ? (strapi.getModel(model as never) as { modelType?: string } | undefined)
      : undefined;
    // components have no permission of their own: the Content Manager checks their parent
    if (
      schema &&
      schema.modelType !== 'component' &&
      targetField &&
      ctx.state.userAbility &&
      checker.create({ userAbility: ctx.state.userAbility, model: model! }).cannot.read(null, targetField)
    )
      throw forbiddenError('You may not read this relation');
    return next();
  };
  useOnContentManagerRoutes(strapi, 'relations-forbidden', RELATION_ROUTES, refuseUnreadable);
};

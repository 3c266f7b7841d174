import type { Core } from '@strapi/strapi';
import { surfaceWriteRules } from '../surfaces/write-rules';
import { customerEmailRule } from './customer-email';
import { customerFullNameRule } from './customer-full-name';
import { customerOriginRule } from './customer-origin';
import { customerStatusGuard } from './customer-status-guard';
import { customFieldSlugRule } from './custom-field-slug';
import { customFieldValuesRule } from './custom-field-values';
import { leadActivityMiddleware } from './lead-activity';
import { leadCascade } from './lead-cascade';
import { leadInvariants } from './lead-invariants';
import { leadMirrors } from './lead-mirrors';

/**
 * Document Service middlewares: the rules that hold whichever path writes (the plugin's routes,
 * the Content Manager, scripts), in the order they wrap a write — the first is the outermost.
 * Koa middlewares of the plugin's routes live in ../middlewares.
 */
export const registerDocumentMiddlewares = (strapi: Core.Strapi) => {
  for (const middleware of [
    customerStatusGuard,
    leadInvariants,
    customFieldValuesRule,
    leadActivityMiddleware,
    leadCascade,
    surfaceWriteRules,
    customerEmailRule,
    customerFullNameRule,
    customerOriginRule,
    customFieldSlugRule,
    // innermost: wraps the write alone, so its columns are set in the write's transaction
    leadMirrors,
  ]) {
    strapi.documents.use(middleware(strapi));
  }
};

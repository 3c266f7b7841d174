import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context, Next } from 'koa';
import { useOnContentManagerRoutes } from './cm-routes';

/**
 * What Strapi's query engine throws, as a plain Error (a 500), on a filter or a sort of the wrong
 * shape: `filters[lead][$and][0][$eq]=1`, operator and field keys mixed under a relation, an
 * attribute-level `$and`, an unknown attribute or operator, `sort` on a relation alone, a number
 * compared with text.
 */
const MALFORMED_QUERY = [
  /^Only \$and, \$or and \$not can only be used as root level operators/,
  /^Undefined attribute level operator/,
  /^Operator .* must be an array$/,
  /^Operator and non-operator keys cannot be mixed/,
  /^Only one operator key is allowed in a relation where clause/,
  /^Where must be an (array or an )?object$/,
  /^Attribute .* not found on model/,
  /^You cannot (filter|order) on .* types$/,
  /^Invalid orderBy syntax$/,
  /^Cannot join on non relational field/,
  // a number field given a value that is not one (`filters[value][$gt]=abc`): its toDB throws
  /^Expected a valid (Number|BigInteger), got/,
];

/**
 * On the Content Manager's routes of the CRM's types, a filter or a sort Strapi's query engine
 * cannot read is a 400 naming what is wrong, not a 500: a list, a document, a relation picker
 * alike. The plugin's own routes validate their query at the edge (validation/lead-query).
 */
export const refuseMalformedQueries = (strapi: Core.Strapi) => {
  const asBadRequest = async (ctx: Context, next: Next) => {
    const { model } = ctx.params as { model?: string };
    if (!model?.startsWith('plugin::crm.')) return next();
    try {
      return await next();
    } catch (error) {
      const message = error instanceof Error && error.constructor === Error ? error.message : '';
      if (MALFORMED_QUERY.some((pattern) => pattern.test(message)))
        throw new errors.ValidationError(`Invalid query: ${message}`);
      throw error;
    }
  };
  useOnContentManagerRoutes(strapi, 'query-errors', (path) => path.includes(':model'), asBadRequest);
};

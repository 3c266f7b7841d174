import type { Core, Modules } from '@strapi/strapi';
import { validationError } from '../errors';
import { asPlugin, surfaceCaller } from '../surfaces/caller';
import { getService } from '../utils';
import { UID } from '../uids';

const TARGETS: Record<string, 'lead' | 'customer'> = { [UID.lead]: 'lead', [UID.customer]: 'customer' };

/**
 * Custom-field values written in the Content Manager (its typed input, or any client of its
 * routes) are checked as the plugin's routes check them (`customFields.validate`): each value
 * against its definition's type, required fields filled, no unknown slug; the values sent are
 * merged over the stored ones, an empty one clears its field, one sent back as stored is left as it is. A wrong value is a validation error
 * at `customFields.<slug>`, which the edit view shows next to the field. The plugin's own writer
 * has checked its values already and writes them as they are.
 */
export const customFieldValuesRule =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    const target = TARGETS[context.uid];
    if (!target || !['create', 'update'].includes(context.action)) return next();
    const caller = surfaceCaller(strapi);
    if (caller?.kind !== 'admin') return next();
    const params = context.params as { documentId?: string; data?: Record<string, unknown> };
    const data = params.data;
    if (!data || (context.action === 'update' && !('customFields' in data))) return next();
    const current =
      context.action === 'update' && params.documentId
        ? ((
            (await asPlugin(() =>
              strapi.db.query(context.uid).findOne({
                where: { documentId: params.documentId },
                select: ['customFields'],
              })
            )) as { customFields?: Record<string, unknown> | null } | null
          )?.customFields ?? null)
        : null;
    const sent = data.customFields;
    if (sent !== null && sent !== undefined && (typeof sent !== 'object' || Array.isArray(sent)))
      throw validationError([
        { path: ['customFields'], message: 'must be an object of values by field key' },
      ]);
    // the edit view sends the whole object back: a value left as stored (a field since made
    // inactive, say) is not checked again, only what changes
    const changed = Object.fromEntries(
      Object.entries((sent as Record<string, unknown> | null | undefined) ?? {}).filter(
        ([slug, value]) => JSON.stringify(current?.[slug]) !== JSON.stringify(value)
      )
    );
    const { values, errors } = await getService(strapi, 'customFields').validate(target, changed, current);
    if (errors.length) throw validationError(errors);
    data.customFields = values;
    return next();
  };

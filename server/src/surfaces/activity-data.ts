import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { ActivityRow } from '../content-types/rows';
import { readableActivity, readableLeadFields } from '../services/leads/readable';
import { noteExcerpts } from '../services/sections/readable';
import { asPlugin, type SurfaceCaller } from './caller';

/**
 * An activity row's `data` holds values of the lead's fields (a change's old and new value) and a
 * note's first words. On Strapi's surfaces (a role given read on the activity type through the
 * admin API), it is shown as on the plugin's activity route: without the values of fields the
 * role may not read, nor the excerpt of a note it may not read.
 */
export const pruneActivityData = async (
  strapi: Core.Strapi,
  caller: SurfaceCaller,
  rows: Record<string, unknown>[]
) => {
  if (caller.kind !== 'admin') return;
  const withData = rows.filter((row) => row.data !== undefined);
  if (!withData.length) return;
  const readable = readableLeadFields(strapi, caller.ability);
  const excerptShown = await asPlugin(() => noteExcerpts(strapi, caller.ability, withData));
  for (const row of withData) {
    row.data =
      typeof row.action === 'string'
        ? readableActivity(row as unknown as ActivityRow, readable, { noteBodies: excerptShown(row) }).data
        : {};
  }
};

/**
 * A filter or a sort on the activity's `data` would match the values {@link pruneActivityData}
 * leaves out (a count would spell them): refused to a role that does not read every lead field.
 */
export const refuseActivityDataQuery = (
  strapi: Core.Strapi,
  caller: SurfaceCaller,
  params: { where?: unknown; orderBy?: unknown }
) => {
  if (caller.kind !== 'admin') return;
  const mentionsData = (value: unknown) => JSON.stringify(value ?? null).includes('"data"');
  const orderBy = JSON.stringify(params.orderBy ?? null);
  if (!mentionsData(params.where) && !/\bdata\b/.test(orderBy)) return;
  const model = strapi.getModel('plugin::crm.lead') as { attributes: Record<string, unknown> };
  const readable = readableLeadFields(strapi, caller.ability);
  if (Object.keys(model.attributes).every(readable)) return;
  throw new errors.ValidationError("The activity's data cannot be filtered or sorted on here");
};

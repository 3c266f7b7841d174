import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { MIRRORS } from '../database/lead-mirrors';
import { UID } from '../uids';
import { surfaceCaller } from './caller';

const NAMES: readonly string[] = MIRRORS.map((mirror) => mirror.attribute);

/** The first mirror column a query's orderBy / select names, at any depth. */
const named = (value: unknown): string | undefined => {
  if (typeof value === 'string') return NAMES.find((name) => value === name || value.startsWith(`${name}:`));
  if (Array.isArray(value)) return value.map(named).find(Boolean);
  if (value && typeof value === 'object')
    for (const [key, inner] of Object.entries(value)) {
      const found = NAMES.includes(key) ? key : named(inner);
      if (found) return found;
    }
  return undefined;
};

type ReadEvent = { params: Record<string, unknown>; result?: unknown };

/**
 * The lead's mirror columns (database/lead-mirrors) are the plugin's index helpers, not fields of
 * a lead: Strapi's surfaces (the Content Manager and its relations and actions endpoints) neither
 * answer them nor sort on them — a role that may not read a lead's assignee, status or source
 * would otherwise read it, or sort by it, through its mirror. The plugin's own routes
 * and writes are not surfaces (caller.ts) and use them freely.
 */
export const registerMirrorColumnsHidden = (strapi: Core.Strapi) => {
  const refuse = ({ params }: ReadEvent) => {
    if (!surfaceCaller(strapi)) return;
    // a filter on them is dropped by Strapi before it gets here, a search on them follows the
    // relation's read right (services/leads/readable); a sort or a select would pass
    const name = named([params.orderBy, params.select]);
    if (name) throw new errors.ValidationError(`Invalid key ${name}`);
  };
  const strip = ({ result }: ReadEvent) => {
    if (!result || !surfaceCaller(strapi)) return;
    for (const row of (Array.isArray(result) ? result : [result]) as Record<string, unknown>[])
      for (const name of NAMES) delete row[name];
  };
  strapi.db.lifecycles.subscribe({
    models: [UID.lead],
    beforeFindOne: refuse,
    beforeFindMany: refuse,
    beforeCount: refuse,
    afterFindOne: strip,
    afterFindMany: strip,
  } as never);
};

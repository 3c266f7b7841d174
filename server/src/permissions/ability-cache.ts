import { createHash } from 'crypto';
import { CONDITION } from '../uids';

/** How many abilities are kept (one per staff member and permission set). */
const MAX_ENTRIES = 500;

/**
 * Conditions whose handler reads nothing but the user's id: an ability built with them is the same
 * for the same user and the same permissions, whenever it is built.
 */
const PURE_CONDITIONS = new Set<string>(Object.values(CONDITION));

interface Permission {
  action: string;
  subject?: string | null;
  properties?: unknown;
  conditions?: string[];
  actionParameters?: unknown;
}

/**
 * Strapi's admin builds every request's ability from the stored permissions anew (CASL rules for
 * every action, subject and field list: ~5 ms of CPU a request for a Sales role). The permissions
 * are still read on every request — a changed role applies at once, on every instance — but the
 * ability built from an identical set for the same user is reused. A set holding a condition
 * other than "is creator" and the plugin's own two (a condition may read the database) is always
 * built anew.
 */
export const createAbilityCache = <Ability>() => {
  const entries = new Map<string, Promise<Ability>>();
  const keyOf = (userId: unknown, permissions: Permission[]) => {
    if (permissions.some((p) => (p.conditions ?? []).some((c) => !PURE_CONDITIONS.has(c)))) return null;
    const described = permissions.map((p) => [
      p.action,
      p.subject ?? null,
      p.properties ?? null,
      p.conditions ?? [],
      p.actionParameters ?? null,
    ]);
    return `${String(userId)}:${createHash('sha1').update(JSON.stringify(described)).digest('base64')}`;
  };
  return {
    /** The ability of `user` for `permissions`: built by `build` once per identical set. */
    get(user: { id?: unknown } | null | undefined, permissions: Permission[], build: () => Promise<Ability>) {
      const key = user?.id === undefined ? null : keyOf(user.id, permissions);
      if (key === null) return build();
      const found = entries.get(key);
      if (found) {
        // most recently used last: the first entry is the one to drop
        entries.delete(key);
        entries.set(key, found);
        return found;
      }
      const built = build();
      entries.set(key, built);
      built.catch(() => entries.delete(key));
      if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
      return built;
    },
    size: () => entries.size,
  };
};

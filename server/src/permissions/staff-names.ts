import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context, Next } from 'koa';
import { CM_ACTION, UID } from '../uids';
import { createAbilityCache } from './ability-cache';

/** What anyone who reads a CRM record with a staff relation may read of a staff member: the name. */
export const STAFF_NAME_FIELDS = ['firstname', 'lastname'] as const;

/** CRM types whose records name a staff member (assignee, author, recipient). */
const WITH_STAFF: string[] = [UID.lead, UID.note, UID.task, UID.reminder];

interface StoredPermission {
  action: string;
  subject?: string | null;
  properties?: { fields?: string[] | null } | null;
  conditions?: string[];
  actionParameters?: Record<string, unknown>;
}

/**
 * The permission that lets a reader of leads (notes, tasks, reminders) see who a record is assigned
 * to: the Content Manager shows a relation by its main field only when the reader may read that
 * field of the target (its `sanitizeMainField`), so without it a Sales Staff user sees an admin
 * user's documentId. Only the names: the Content Manager's own sanitizers keep email, password
 * and every other field of `admin::user` out of what they answer, as with any field-restricted read.
 */
export const staffNamePermission = (permissions: StoredPermission[]): StoredPermission[] =>
  permissions.some((p) => p.action === CM_ACTION.read && WITH_STAFF.includes(p.subject ?? ''))
    ? [
        {
          action: CM_ACTION.read,
          actionParameters: {},
          subject: 'admin::user',
          properties: { fields: [...STAFF_NAME_FIELDS] },
          conditions: [],
        },
      ]
    : [];

interface PermissionEngine {
  generateUserAbility: (user: unknown) => Promise<unknown>;
  generateTokenAbility: (permissions: unknown[], owner: unknown) => Promise<unknown>;
}

/**
 * Every admin user's ability gets {@link staffNamePermission} on top of the role's permissions:
 * the admin's own engine builds the ability from the stored permissions plus this one, the same
 * way it builds an admin token's (`generateTokenAbility`), so the role editor stays untouched.
 */
export const showStaffByName = (strapi: Core.Strapi) => {
  const permission = strapi.service('admin::permission') as unknown as {
    engine: PermissionEngine;
    findUserPermissions: (user: unknown) => Promise<StoredPermission[]>;
  };
  const { engine } = permission;
  const abilities = createAbilityCache<unknown>();
  engine.generateUserAbility = async (user: unknown) => {
    const stored = await permission.findUserPermissions(user);
    const all = [...stored, ...staffNamePermission(stored)];
    return abilities.get(user as { id?: unknown }, all, () => engine.generateTokenAbility(all, user));
  };
};

/**
 * Content Manager paths about a CRM type (lists, documents, relations, actions), as the router
 * matches them: it ignores the path's case and decodes `%3A` in the model's uid.
 */
const CM_CRM_PATH = /^\/content-manager\/.*plugin::crm\./;
const isCmCrmPath = (path: string) => {
  try {
    return CM_CRM_PATH.test(decodeURIComponent(path).toLowerCase());
  } catch {
    return CM_CRM_PATH.test(path.toLowerCase());
  }
};
/** What the Content Manager would otherwise send or match of a staff member besides the name. */
const STAFF_SECRETS = ['email', 'username', 'password', 'resetPasswordToken', 'registrationToken'];
const STAFF_FILTER = new RegExp(`\\]\\[(${STAFF_SECRETS.join('|')})\\]`);
const STAFF_RELATIONS = ['assignedTo', 'author', 'staff', 'actor', 'createdBy', 'updatedBy'];

/** An admin user as the Content Manager embeds one: whatever else it carries, it has the two names. */
const isStaffShape = (value: Record<string, unknown>) => 'firstname' in value && 'lastname' in value;

const mentionsSecret = (value: unknown): boolean =>
  !!value &&
  typeof value === 'object' &&
  Object.entries(value).some(([key, inner]) => STAFF_SECRETS.includes(key) || mentionsSecret(inner));

/**
 * A filter that tests a staff member's email, login or any secret (under the assignee, author,
 * creator… relation, at any depth of `$and`/`$or`/`$not`): a 400, so no list, board or export
 * answers whether an address starts with "sara@".
 */
export const refuseStaffSecretFilters = (filters: unknown): void => {
  if (!filters || typeof filters !== 'object') return;
  for (const [key, inner] of Object.entries(filters)) {
    if (STAFF_RELATIONS.includes(key) && mentionsSecret(inner)) {
      throw new errors.ValidationError("A staff member's email or login cannot be filtered on", {
        errors: [{ path: ['filters', key], message: "cannot test a staff member's email or login" }],
      });
    }
    refuseStaffSecretFilters(inner);
  }
};

const withoutSecrets = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(withoutSecrets);
  if (!value || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  const staff = isStaffShape(record);
  return Object.fromEntries(
    Object.entries(record)
      .filter(([key]) => !(staff && STAFF_SECRETS.includes(key)))
      .map(([key, inner]) => [key, withoutSecrets(inner)])
  );
};

/** Secrets of any account (staff or portal user), whichever relation reaches it. */
const ACCOUNT_SECRETS = ['password', 'resetPasswordToken', 'registrationToken', 'confirmationToken'];

/** The fields a `sort` parameter names, as dotted paths, in each of its forms ("a:asc,b.c", ["a"], { a: { b: "asc" } }). */
const sortPaths = (sort: unknown): string[] => {
  if (typeof sort === 'string') return sort.split(',').map((part) => part.trim().split(':')[0]);
  if (Array.isArray(sort)) return sort.flatMap(sortPaths);
  if (sort && typeof sort === 'object')
    return Object.entries(sort).flatMap(([key, inner]) =>
      inner && typeof inner === 'object' ? sortPaths(inner).map((path) => `${key}.${path}`) : [key]
    );
  return [];
};

/** `/content-manager/relations/<uid>/<field>`: the relation whose targets the picker lists. */
const RELATIONS_PATH = /^\/content-manager\/relations\/[^/]+\/([^/]+)\/?$/;

const lower = (names: readonly string[]) => names.map((name) => name.toLowerCase());
const STAFF_RELATION_KEYS = lower(STAFF_RELATIONS);
const SECRET_KEYS = lower(ACCOUNT_SECRETS);
/** What a sort may read of a staff member: the names (and the id, which the relation shows anyway). */
const STAFF_SORTABLE = lower([...STAFF_NAME_FIELDS, 'id']);

/**
 * Whether a sort orders staff by anything but their names (email, login, role, account state…),
 * or any account by a secret: the order alone spells them out (move one's own address and watch
 * where one lands), so it is refused like a filter on them. In a staff picker
 * (`relations/<uid>/assignedTo`) the sorted fields are the staff member's own. Compared in lower
 * case: the router matches paths whatever their case.
 */
const sortsOnSecret = (path: string, sort: unknown) => {
  const field = RELATIONS_PATH.exec(path.toLowerCase())?.[1];
  const pickerOfStaff = !!field && STAFF_RELATION_KEYS.includes(field);
  return sortPaths(sort).some((dotted) => {
    const segments = (pickerOfStaff ? `${field}.${dotted}` : dotted).toLowerCase().split('.');
    return segments.some(
      (segment, i) =>
        i > 0 &&
        (SECRET_KEYS.includes(segment) ||
          (STAFF_RELATION_KEYS.includes(segments[i - 1]) && !STAFF_SORTABLE.includes(segment)))
    );
  });
};

const refused = (ctx: Context, message: string) => {
  // set here: this middleware runs outside Strapi's error middleware
  const error = new errors.ValidationError(message);
  ctx.status = 400;
  ctx.body = { data: null, error: { status: 400, name: error.name, message: error.message, details: {} } };
};

/**
 * The Content Manager embeds a record's staff (assignee, author, creator) with their email, and
 * lets a filter match on it and a sort order by it, to anyone who reads the record: on the CRM's
 * types, a reader gets the names only, and a filter or a sort on a staff member's email (or any
 * other secret) is a 400, so an address cannot be probed letter by letter.
 */
export const staffPrivacy = () => async (ctx: Context, next: Next) => {
  if (!isCmCrmPath(ctx.path)) return next();
  let query: string;
  try {
    query = decodeURIComponent(ctx.querystring ?? '');
  } catch {
    // this middleware runs outside Strapi's error handler: a URIError here was a bare 500
    return refused(ctx, 'The query string is not valid percent-encoding');
  }
  if (STAFF_RELATIONS.some((relation) => query.includes(`[${relation}]`)) && STAFF_FILTER.test(query))
    return refused(ctx, "A staff member's email or login cannot be filtered on here");
  let path = ctx.path;
  try {
    path = decodeURIComponent(ctx.path);
  } catch {
    // a malformed path is the router's to refuse
  }
  if (sortsOnSecret(path, (ctx.query as { sort?: unknown }).sort))
    return refused(ctx, 'Staff can be sorted by name only here');
  await next();
  if (ctx.body && typeof ctx.body === 'object' && !Buffer.isBuffer(ctx.body)) {
    ctx.body = withoutSecrets(ctx.body);
  }
};

import type { Core } from '@strapi/strapi';
import { leadNotFound, NotFoundError } from '../errors';
import { CM_ACTION, UID, type CrmUid } from '../uids';
import { HANGING_TYPES } from './hanging';
import { toQueryPopulate } from '../database/query-populate';

/** The CASL ability Strapi's admin puts on `ctx.state.userAbility`. */
export interface UserAbility {
  can(action: string, subject?: unknown, field?: string): boolean;
  cannot(action: string, subject?: unknown, field?: string): boolean;
}

/** A SQL subquery (a knex builder) embedded in a where-clause: `{ id: { $in: subquery } }`. */
type Subquery = ReturnType<Core.Strapi['db']['connection']>;

/** A where-clause in Strapi's filter syntax, built at run time (RBAC conditions, user filters). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Filter = Record<string, any>;

/** Relations the lead conditions read; an entity checked with `can.update(lead)` needs them populated. */
export const CONDITION_POPULATE: Filter = {
  createdBy: { fields: ['id'] },
  assignedTo: { fields: ['id', 'firstname', 'lastname'] },
};

/**
 * The single place that decides which leads a staff member sees. It reads the user's Content
 * Manager read permission on leads, so Super Admins, "view all" roles and the creator / assignee /
 * public conditions all come from the role editor, exactly as the Content Manager applies them.
 */
const visibilityService = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** The Content Manager's permission checker for `uid`, bound to this user's ability. */
  checker(ability: UserAbility, uid: CrmUid = UID.lead) {
    return strapi
      .plugin('content-manager')
      .service('permission-checker')
      .create({ userAbility: ability, model: uid });
  },

  /** The filter of the leads `ability` may read: `{}` for all of them, `null` for none. */
  leadFilter(ability: UserAbility): Filter | null {
    return this.readFilter(ability, UID.lead);
  },

  /** The filter of the rows of `uid` the role's read conditions let `ability` read: `{}` for all, `null` for none. */
  readFilter(ability: UserAbility, uid: CrmUid): Filter | null {
    if (ability.cannot(CM_ACTION.read, uid)) return null;
    const query = strapi
      .service('admin::permission')
      .createPermissionsManager({ ability, action: CM_ACTION.read, model: uid })
      .getQuery();
    return query ?? {};
  },

  /**
   * The where-clause of the rows of a section type `uid` that `ability` may read: those of the
   * leads and customers it sees, within the role's own read conditions on the type ("is creator"
   * on tasks, say) as the Content Manager applies them. `null` when nothing restricts it.
   */
  readableRows(ability: UserAbility, uid: CrmUid): Filter | null {
    const own = this.readFilter(ability, uid);
    const parts = [own ?? { id: { $null: true } }, this.hangingFilter(ability, uid)].filter(
      (part): part is Filter => !!part && Object.keys(part).length > 0
    );
    if (!parts.length) return null;
    return parts.length === 1 ? parts[0] : { $and: parts };
  },

  /** Whether `ability` reads every lead (Super Admin, or read without conditions). */
  readsAllLeads(ability: UserAbility) {
    const filter = this.leadFilter(ability);
    return filter !== null && Object.keys(filter).length === 0;
  },

  /**
   * The where-clause of the rows of `uid` that hang off what `ability` may see (SPEC §3.1): a
   * section or activity row follows its lead, or, without a lead, its customer; a customer is seen
   * through a lead that became it (the one it came from, or one merged into it) — one that no lead
   * became (created in the Content Manager, say) is seen by whoever reads customers. `null` when nothing restricts it (reference
   * data, or a user who reads every lead).
   */
  hangingFilter(ability: UserAbility, uid: string): Filter | null {
    if (!(HANGING_TYPES as readonly string[]).includes(uid)) return null;
    const leads = this.leadFilter(ability);
    if (leads !== null && Object.keys(leads).length === 0) return null;
    if (uid === UID.lead) return leads ?? { id: { $null: true } };
    // Written as `id [NOT] IN (subquery)` over the link tables, without a join: joins of a section
    // to its lead, its customer and that customer's lead under one OR made PostgreSQL take
    // seconds on a few hundred rows.
    const leadIds = leads && this.idsOf(UID.lead, leads);
    const withoutLead = (model: string) => ({ id: { $notIn: this.linked(model, 'lead') } });
    // A customer is "without a lead" only when no lead became it: none points to it either (one
    // created without a lead becomes the lead's once a lead is merged into it), and none did that
    // was deleted since (its notes, files and values were copied to it).
    const customerWithoutLead = {
      $and: [
        // nor did one that was deleted since (database/customer-origin.ts)
        { $or: [{ fromLead: false }, { fromLead: { $null: true } }] },
        withoutLead(UID.customer),
        { id: { $notIn: this.linked(UID.lead, 'customer', undefined, 'target') } },
      ],
    };
    const customerSeen = leadIds
      ? {
          $or: [
            customerWithoutLead,
            { id: { $in: this.linked(UID.customer, 'lead', leadIds) } },
            { id: { $in: this.linked(UID.lead, 'customer', leadIds, 'target') } },
          ],
        }
      : customerWithoutLead;
    if (uid === UID.customer) return customerSeen;
    const viaCustomer = {
      $and: [
        withoutLead(uid),
        { id: { $in: this.linked(uid, 'customer', this.idsOf(UID.customer, customerSeen)) } },
      ],
    };
    return leadIds ? { $or: [{ id: { $in: this.linked(uid, 'lead', leadIds) } }, viaCustomer] } : viaCustomer;
  },

  /** A subquery of the ids of the rows of `uid` matching `where`. */
  idsOf(uid: string, where: Filter): Subquery {
    return strapi.db.queryBuilder(uid).select('id').where(where).getKnexQuery();
  },

  /**
   * A subquery over the link table of `uid`'s relation `field`: the ids of the `uid` rows linked
   * (to one of `targets`, when given) — or, with `side: 'target'`, the ids of the targets linked
   * to one of the `uid` rows of `targets`.
   */
  linked(uid: string, field: string, targets?: Subquery, side: 'source' | 'target' = 'source'): Subquery {
    const { joinTable } = (
      strapi.db.metadata.get(uid).attributes as Record<
        string,
        { joinTable?: { name: string; joinColumn: { name: string }; inverseJoinColumn: { name: string } } }
      >
    )[field];
    const [own, other] = [joinTable!.joinColumn.name, joinTable!.inverseJoinColumn.name];
    const [selected, filtered] = side === 'source' ? [own, other] : [other, own];
    const query = strapi.db.connection(joinTable!.name).select(selected);
    return targets ? query.whereIn(filtered, targets) : query;
  },

  /** The customer `documentId` if `ability` may see it (SPEC §3.1), else a 404 like a missing one. */
  async findVisibleCustomer(
    ability: UserAbility,
    documentId: string,
    populate: Record<string, unknown> = {}
  ) {
    const filter = this.hangingFilter(ability, UID.customer);
    const customer = await strapi.documents(UID.customer).findFirst({
      filters: filter ? { $and: [{ documentId }, filter] } : { documentId },
      populate: populate as never,
    });
    if (!customer) throw new NotFoundError('Customer not found');
    return customer;
  },

  /** Whether `ability` may see the row of `uid` matching `where` (reads it as it is, unscoped). */
  async seesRow(ability: UserAbility, uid: string, where: Filter) {
    const filter = this.hangingFilter(ability, uid);
    const row = await strapi.db
      .query(uid)
      .findOne({ where: filter ? { $and: [where, filter] } : where, select: ['id'] });
    return !!row;
  },

  /**
   * The lead `documentId` if `ability` may see it, populated with `populate` and with what the
   * RBAC conditions read; else a 404, the same as for a lead that does not exist.
   */
  async findVisibleLead(ability: UserAbility, documentId: string, populate: Record<string, unknown> = {}) {
    const filter = this.leadFilter(ability);
    if (filter === null) throw leadNotFound();
    // Through the Query Engine: the Document Service would validate and transform the plugin's own
    // filter and populate (milliseconds of CPU a request) to the same query; leads have no drafts.
    const lead = await strapi.db.query(UID.lead).findOne({
      where: { $and: [{ documentId }, filter] },
      populate: toQueryPopulate({ ...CONDITION_POPULATE, ...populate }),
    });
    if (!lead) throw leadNotFound();
    return lead;
  },
});

export default visibilityService;
export type VisibilityService = ReturnType<typeof visibilityService>;

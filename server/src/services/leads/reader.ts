import type { Core } from '@strapi/strapi';
import { onlyReadable, readableLeadFields } from './readable';
import { scopeNestedWhere } from '../../surfaces/nested-scope';
import { getService } from '../../utils';
import { UID } from '../../uids';
import type { LeadListQuery } from '../../validation/lead-query';
import type { Filter, UserAbility } from '../visibility';
import { DETAIL_POPULATE, SUMMARY_POPULATE } from './populate';
import { leadDetail, leadSummary, status as serializeStatus } from './serialize';

const SEARCHED = ['name', 'email', 'company', 'phone'];

/**
 * The API calls the lead's status `status` (SPEC §9); it is stored as `leadStatus`, because the
 * Content Manager reads a top-level `status` in its bodies as the draft/publish dimension.
 */
export const toAttributeFilters = (filters: Filter): Filter =>
  Object.fromEntries(
    Object.entries(filters).map(([key, value]) => [
      key === 'status' ? 'leadStatus' : key,
      ['$and', '$or'].includes(key) && Array.isArray(value)
        ? value.map((f) => (f && typeof f === 'object' ? toAttributeFilters(f) : f))
        : key === '$not' && value && typeof value === 'object'
          ? toAttributeFilters(value)
          : value,
    ])
  );

const nonEmpty = (filters: (Filter | null | undefined)[]) =>
  filters.filter((f): f is Filter => !!f && Object.keys(f).length > 0);

/** Reads leads for a staff member: always inside what their role lets them see. */
const leadReader = ({ strapi }: { strapi: Core.Strapi }) => {
  const visibility = () => getService(strapi, 'visibility');

  const customerStatusIds = async (): Promise<number[]> =>
    (
      await strapi.db.query(UID.leadStatus).findMany({ where: { isCustomerStatus: true }, select: ['id'] })
    ).map((s: { id: number }) => s.id);

  /**
   * The where-clause of a list: visibility, the caller's filters (checked against their
   * permissions), search, assignee shortcut and the default exclusion of converted, lost and junk
   * leads (a flag, or a filter on that very field, lifts each).
   */
  const listFilter = async (ability: UserAbility, userId: number, query: LeadListQuery): Promise<Filter> => {
    const visible = visibility().leadFilter(ability) ?? { id: { $null: true } };
    const checker = visibility().checker(ability);
    let userFilters: Filter | undefined;
    if (query.filters) {
      const filters = toAttributeFilters(query.filters);
      await checker.validateQuery({ filters });
      const sanitized = (await checker.sanitizeQuery({ filters })).filters as Filter | undefined;
      // filters through relations (`customer.lead.email`) stay inside what the caller may see
      userFilters =
        sanitized && scopeNestedWhere(strapi, { kind: 'admin', ability, userId }, UID.lead, sanitized);
    }
    const filtered = (field: string) => !!query.filters && field in query.filters;
    const exclusions: Filter[] = [];
    if (!query.includeConverted && !filtered('status')) {
      const ids = await customerStatusIds();
      // One condition on the relation, so the query joins the status once (not once per branch).
      if (ids.length)
        exclusions.push({ leadStatus: { $or: [{ id: { $notIn: ids } }, { id: { $null: true } }] } });
    }
    const readable = readableLeadFields(strapi, ability);
    // a toggle on a field the caller may not read would reveal it by the rows it adds
    if (!(query.includeLost && readable('lost')) && !filtered('lost')) exclusions.push({ lost: false });
    if (!(query.includeJunk && readable('junk')) && !filtered('junk')) exclusions.push({ junk: false });
    const searched = SEARCHED.filter(readable);
    const search = query.q
      ? searched.length
        ? { $or: searched.map((field) => ({ [field]: { $containsi: query.q } })) }
        : { id: { $null: true } }
      : undefined;
    const assignee =
      query.assignedTo === undefined || !readable('assignedTo')
        ? undefined
        : query.assignedTo === 'unassigned'
          ? { assignedTo: { id: { $null: true } } }
          : { assignedTo: { id: query.assignedTo === 'me' ? userId : query.assignedTo } };
    const customFields = readable('customFields')
      ? await getService(strapi, 'customFieldFilter').toFilter(query.customFields)
      : undefined;
    return { $and: nonEmpty([visible, userFilters, search, assignee, customFields, ...exclusions]) };
  };

  /** The requested order on readable fields (others dropped, as the Content Manager does), then id. */
  const sortOf = (ability: UserAbility, query: LeadListQuery) => {
    const readable = readableLeadFields(strapi, ability);
    return [
      ...query.sort.filter(({ field }) => readable(field)).map(({ field, order }) => ({ [field]: order })),
      { id: 'desc' as const },
    ];
  };

  /**
   * One page of leads matching `filters`, with what a list row shows. The page's ids are found
   * first, with no other column: the joins of visibility and filters make the database sort the
   * matching rows distinct before it skips to the page, and narrow rows keep deep pages cheap.
   * The page's leads are then read by id.
   */
  const findPage = async (filters: Filter, sort: ReturnType<typeof sortOf>, start: number, limit: number) => {
    const ids = (
      await strapi.documents(UID.lead).findMany({ filters, sort, start, limit, fields: ['documentId'] })
    ).map((row) => row.id);
    if (!ids.length) return [];
    const rows = await strapi
      .documents(UID.lead)
      .findMany({ filters: { id: { $in: ids } }, populate: SUMMARY_POPULATE });
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  };

  return {
    /** One page of the leads list (SPEC §4) with its pagination. */
    async list(ability: UserAbility, userId: number, query: LeadListQuery) {
      const filters = await listFilter(ability, userId, query);
      const { page, pageSize } = query;
      const [rows, total] = await Promise.all([
        findPage(filters, sortOf(ability, query), (page - 1) * pageSize, pageSize),
        strapi.documents(UID.lead).count({ filters }),
      ]);
      const readable = readableLeadFields(strapi, ability);
      return {
        data: rows.map((row) => onlyReadable(leadSummary(row), readable)),
        meta: { pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total } },
      };
    },

    /** Kanban columns: each status (the customer one only with includeConverted) with its total and first page. */
    async board(ability: UserAbility, userId: number, query: LeadListQuery) {
      const statuses = await strapi
        .documents(UID.leadStatus)
        .findMany({ sort: [{ order: 'asc' }, { id: 'asc' }] });
      const columns = statuses.filter((s) => query.includeConverted || !s.isCustomerStatus);
      const base = await listFilter(ability, userId, { ...query, includeConverted: true });
      const readable = readableLeadFields(strapi, ability);
      const data = await Promise.all(
        columns.map(async (status) => {
          const filters = { $and: [base, { leadStatus: { id: status.id } }] };
          const [rows, total] = await Promise.all([
            findPage(filters, sortOf(ability, query), 0, query.pageSize),
            strapi.documents(UID.lead).count({ filters }),
          ]);
          const leads = rows.map((row) => onlyReadable(leadSummary(row), readable));
          return { status: serializeStatus(status as never), total, leads };
        })
      );
      return { data };
    },

    /**
     * The where-clause and order of a list (`query`'s page ignored), for a reader of every page:
     * the CSV export walks them in keyset batches.
     */
    async listQuery(ability: UserAbility, userId: number, query: LeadListQuery) {
      return { filters: await listFilter(ability, userId, query), sort: sortOf(ability, query) };
    },

    /** One lead with its relations and custom-field values, or a 404. */
    async findOne(ability: UserAbility, documentId: string) {
      const lead = leadDetail(await visibility().findVisibleLead(ability, documentId, DETAIL_POPULATE));
      return onlyReadable(lead, readableLeadFields(strapi, ability));
    },
  };
};

export default leadReader;
export type LeadReader = ReturnType<typeof leadReader>;

import type { Core } from '@strapi/strapi';
import { refuseStaffSecretFilters } from '../../permissions/staff-names';
import { onlyReadable, readableFields, readableLeadFields } from './readable';
import { scopeNestedWhere } from '../../surfaces/nested-scope';
import { crmConfig, getService } from '../../utils';
import { UID } from '../../uids';
import type { Knex } from 'knex';
import { DEFAULT_COUNT_CAP, type BoardCard } from '../../contracts/leads';
import { forbiddenError, validationError } from '../../errors';
import { CM_ACTION } from '../../uids';
import { encodeCursor, KEYSET_FIELDS, type LeadListQuery } from '../../validation/lead-query';
import type { Filter, UserAbility } from '../visibility';
import { createListQuery, type Condition, type ListWhere } from './list-query';
import { DETAIL_POPULATE } from './populate';
import { leadDetail, leadSummary, status as serializeStatus } from './serialize';
import { createSummaryRows } from './summary-rows';

const SEARCHED = ['name', 'email', 'company', 'phone'];

const pickTask = (task: { documentId: string; title: string; dueDate: string | null }) => ({
  documentId: task.documentId,
  title: task.title,
  dueDate: task.dueDate ?? null,
});

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

type Sort = { field: string; order: 'asc' | 'desc' }[];

/** Reads leads for a staff member: always inside what their role lets them see. */
const leadReader = ({ strapi }: { strapi: Core.Strapi }) => {
  const visibility = () => getService(strapi, 'visibility');
  const listQuery = createListQuery(strapi);
  const countCap = () => crmConfig(strapi, 'list').countCap ?? DEFAULT_COUNT_CAP;

  /**
   * The ids of the customer statuses, read before the list's query rather than as a subquery of
   * it: a hashed subplan is tested on every lead the capped count walks, which cost more than this
   * round trip (PostgreSQL, 100,000 leads: the count 3.7 → 5.1 ms; SQLite 5.4 → 6.3 ms).
   */
  const customerStatusIds = async (): Promise<number[]> =>
    (
      await strapi.db.query(UID.leadStatus).findMany({ where: { isCustomerStatus: true }, select: ['id'] })
    ).map((s: { id: number }) => s.id);

  /**
   * The where-clause of a list: visibility, the caller's filters (checked against their
   * permissions), search, assignee shortcut and the default exclusion of converted, lost and junk
   * leads (a flag, or a filter on that very field, lifts each). Visibility, the exclusions, the
   * assignee and the caller's tests of a status, source or assignee are written on the leads
   * table with `EXISTS` on link tables (list-query.ts); the rest goes through Strapi's where.
   */
  const listFilter = async (
    ability: UserAbility,
    userId: number,
    query: LeadListQuery
  ): Promise<ListWhere> => {
    const own: Condition[] = [];
    const where: (Filter | undefined)[] = [];
    const visible = visibility().leadFilter(ability);
    if (visible === null) where.push({ id: { $null: true } });
    else if (Object.keys(visible).length) {
      const compiled = listQuery.compile(visible);
      if (compiled) own.push(compiled);
      else where.push(visible);
    }
    const checker = visibility().checker(ability);
    if (query.filters) {
      refuseStaffSecretFilters(query.filters);
      const filters = toAttributeFilters(query.filters);
      await checker.validateQuery({ filters });
      const sanitized = (await checker.sanitizeQuery({ filters })).filters as Filter | undefined;
      // filters through relations (`customer.lead.email`) stay inside what the caller may see
      if (sanitized) {
        const split = await listQuery.splitFilters(
          scopeNestedWhere(strapi, { kind: 'admin', ability, userId }, UID.lead, sanitized)
        );
        own.push(...split.own);
        where.push(split.where);
      }
    }
    const filtered = (field: string) => !!query.filters && field in query.filters;
    if (!query.includeConverted && !filtered('status')) {
      const ids = await customerStatusIds();
      if (ids.length) own.push(listQuery.relationIsNot('leadStatus', ids));
    }
    const readable = readableLeadFields(strapi, ability);
    // a toggle on a field the caller may not read would reveal it by the rows it adds
    for (const flag of ['lost', 'junk'] as const) {
      const included = flag === 'lost' ? query.includeLost : query.includeJunk;
      if (!(included && readable(flag)) && !filtered(flag)) {
        const column = listQuery.column(flag);
        own.push((qb, alias) => qb.where(`${alias}.${column}`, false));
      }
    }
    const searched = SEARCHED.filter(readable);
    if (query.q) {
      where.push(
        searched.length
          ? { $or: searched.map((field) => ({ [field]: { $containsi: query.q } })) }
          : { id: { $null: true } }
      );
    }
    if (query.assignedTo !== undefined && readable('assignedTo')) {
      own.push(
        listQuery.relationIs(
          'assignedTo',
          query.assignedTo === 'unassigned' ? null : [query.assignedTo === 'me' ? userId : query.assignedTo]
        )
      );
    }
    if (readable('customFields')) {
      where.push(await getService(strapi, 'customFieldFilter').toFilter(query.customFields));
    }
    return { where: { $and: nonEmpty(where) }, own };
  };

  /** The requested order on readable fields (others dropped, as the Content Manager does), then id. */
  const sortOf = (ability: UserAbility, query: LeadListQuery): Sort => {
    const readable = readableLeadFields(strapi, ability);
    return [...query.sort.filter(({ field }) => readable(field)), { field: 'id', order: 'desc' as const }];
  };

  /**
   * The keyset condition "after (value, id) in `sort`" (a one-field sort, then the id): a row
   * comparison when both go the same way, so the database starts its index walk at the cursor.
   */
  const afterCondition = (sort: Sort, after: NonNullable<LeadListQuery['after']>): Condition => {
    const [{ field, order }, { order: idOrder }] = sort;
    const value = field === 'name' ? after.value : new Date(after.value);
    const op = order === 'desc' ? '<' : '>';
    const idOp = idOrder === 'desc' ? '<' : '>';
    return (qb, alias) => {
      const column = `${alias}.${listQuery.column(field)}`;
      const id = `${alias}.id`;
      if (op === idOp) qb.whereRaw(`(??, ??) ${op} (?, ?)`, [column, id, value, after.id]);
      else
        qb.where((b) =>
          b.where(column, op, value).orWhere((c) => c.where(column, value).where(id, idOp, after.id))
        );
    };
  };

  /**
   * The query of the ids of the leads of `list` (Strapi's where, then our own conditions), in
   * `sort` when given. Joins left in Strapi's part make it `SELECT DISTINCT`; none are needed for
   * the default list, its common filters and sorts, so the database walks an index to the page.
   */
  const idsQuery = (list: ListWhere, sort?: Sort, fields: string[] = ['id']) => {
    const qb = strapi.db.queryBuilder(UID.lead).select(fields).where(list.where);
    if (sort) qb.orderBy(sort.map(({ field, order }) => ({ [field]: order })));
    const knexQuery = qb.getKnexQuery() as Knex.QueryBuilder;
    for (const condition of list.own) knexQuery.where((b) => condition(b, qb.alias));
    return knexQuery;
  };

  /**
   * How many leads `list` holds, counted to the cap only: `SELECT count(*) FROM (SELECT 1 …
   * LIMIT cap + 1)` reads at most cap + 1 matching leads (SPEC §10).
   */
  const cappedCount = async (list: ListWhere) => {
    const cap = countCap();
    const [row] = await strapi.db.connection.count({ n: '*' }).from(
      idsQuery(list)
        .limit(cap + 1)
        .as('capped')
    );
    const n = Number((row as { n: number | string }).n);
    return n > cap ? { total: cap, totalCapped: true } : { total: n };
  };

  /** The ids of one page of `list`, read with no other column (an index walk for the common lists). */
  const pageIds = async (list: ListWhere, sort: Sort, start: number, limit: number) =>
    ((await idsQuery(list, sort).limit(limit).offset(start)) as { id: number }[]).map((row) => row.id);

  /** The leads `ids`, in that order, with what a list row shows. */
  const readRows = createSummaryRows(strapi);

  /** One page of leads of `list`: the page's ids first, then those leads by id. */
  const findPage = async (list: ListWhere, sort: Sort, start: number, limit: number) =>
    readRows(await pageIds(list, sort, start, limit));

  /**
   * A board column's capped count and the sum of the values of the same leads, in one statement
   * of two index walks: the count of the first cap + 1 leads of `list` (exact below the cap), and
   * the sum of its first `cap` leads in `sort` — above the cap, the very leads `total` counts —
   * instead of reading every lead of the column (SPEC §10). (Numbering the leads with a window
   * function in one walk cost four times as much on SQLite.)
   */
  const cappedCountAndSum = async (list: ListWhere, sort: Sort) => {
    const cap = countCap();
    const knex = strapi.db.connection;
    const value = listQuery.column('value');
    // the sort's fields are selected too: a SELECT DISTINCT (Strapi's joins) orders only by them
    const fields = [...new Set(['id', 'value', ...sort.map((s) => s.field)])];
    const [row] = (await knex.select({
      n: knex.count({ n: '*' }).from(
        idsQuery(list)
          .limit(cap + 1)
          .as('c')
      ),
      s: knex.sum({ s: `v.${value}` }).from(idsQuery(list, sort, fields).limit(cap).as('v')),
    })) as { n: number | string; s: number | string | null }[];
    const n = Number(row.n);
    const sum = Number(row.s ?? 0);
    return n > cap ? { total: cap, totalCapped: true, value: sum } : { total: n, value: sum };
  };

  /** Each lead's earliest open task by due date (no date last), as a card shows it. */
  const nextTasks = async (ability: UserAbility, leadIds: number[]) => {
    const next = new Map<number, BoardCard['nextTask']>();
    // the card shows a task by its title and due date, picked among the open ones: a role that may
    // not read one of those fields of tasks gets no next task at all
    const readable = readableFields(strapi, ability, UID.task);
    if (!leadIds.length || ability.cannot(CM_ACTION.read, UID.task)) return next;
    if (!['title', 'dueDate', 'status'].every(readable)) return next;
    const tasks = await strapi.db.query(UID.task).findMany({
      where: { lead: { id: { $in: leadIds } }, status: 'open' },
      select: ['documentId', 'title', 'dueDate'],
      populate: { lead: { select: ['id'] } },
      orderBy: [{ dueDate: 'asc' }, { id: 'asc' }],
    });
    const undated: typeof tasks = [];
    for (const task of tasks) {
      if (task.dueDate == null) undated.push(task);
      else if (!next.has(task.lead?.id)) next.set(task.lead?.id, pickTask(task));
    }
    for (const task of undated) if (!next.has(task.lead?.id)) next.set(task.lead?.id, pickTask(task));
    return next;
  };

  return {
    /** One page of the leads list (SPEC §4) with its pagination, by page or after a cursor. */
    async list(ability: UserAbility, userId: number, query: LeadListQuery) {
      const list = await listFilter(ability, userId, query);
      const { page, pageSize } = query;
      const sort = sortOf(ability, query);
      const keyset = sort.length === 2 && (KEYSET_FIELDS as string[]).includes(sort[0].field);
      if (query.after && !keyset) {
        throw validationError([
          { path: ['after'], message: 'belongs to another sort: ask for the first page again' },
        ]);
      }
      const [rows, counted] = await Promise.all([
        query.after
          ? findPage({ ...list, own: [...list.own, afterCondition(sort, query.after)] }, sort, 0, pageSize)
          : findPage(list, sort, (page - 1) * pageSize, pageSize),
        cappedCount(list),
      ]);
      const readable = readableLeadFields(strapi, ability);
      const last = rows.length === pageSize ? rows[rows.length - 1] : undefined;
      const nextCursor =
        last && keyset
          ? encodeCursor(query.sort, last[sort[0].field as keyof typeof last], Number(last.id))
          : undefined;
      return {
        data: rows.map((row) => onlyReadable(leadSummary(row), readable)),
        meta: {
          pagination: {
            page,
            pageSize,
            pageCount: Math.ceil(counted.total / pageSize),
            ...counted,
            ...(nextCursor && { nextCursor }),
          },
        },
      };
    },

    /**
     * Kanban columns: each status (the customer one only with includeConverted) with its capped
     * total, the sum of its values (when the caller may read values) and its first cards, each
     * with its next open task.
     */
    async board(ability: UserAbility, userId: number, query: LeadListQuery) {
      const readable = readableLeadFields(strapi, ability);
      // a lead's column is its status: a role that may not read statuses gets no board (SPEC §3.1)
      if (!readable('leadStatus'))
        throw forbiddenError('Your role may not read the status of leads, which the board is built on');
      if (query.after)
        throw validationError([{ path: ['after'], message: 'is not a parameter of the board' }]);
      const statuses = await strapi
        .documents(UID.leadStatus)
        .findMany({ sort: [{ order: 'asc' }, { id: 'asc' }] });
      const columns = statuses.filter((s) => query.includeConverted || !s.isCustomerStatus);
      const base = await listFilter(ability, userId, { ...query, includeConverted: true });
      const sort = sortOf(ability, query);
      // each column's card ids, count and sum; then every column's cards in one read, and their
      // next tasks in one more (the statements a board costs do not grow with its columns)
      const counted = await Promise.all(
        columns.map(async (status) => {
          const list = {
            ...base,
            own: [...base.own, listQuery.relationIs('leadStatus', [Number(status.id)])],
          };
          const [ids, { value, ...count }] = await Promise.all([
            pageIds(list, sort, 0, query.pageSize),
            readable('value')
              ? cappedCountAndSum(list, sort)
              : cappedCount(list).then((c) => ({ ...c, value: undefined })),
          ]);
          return { status, ids, count, value };
        })
      );
      const allIds = counted.flatMap(({ ids }) => ids);
      const [rows, tasks] = await Promise.all([readRows(allIds), nextTasks(ability, allIds)]);
      const byId = new Map(rows.map((row) => [Number(row.id), row]));
      const data = counted.map(({ status, ids, count, value }) => ({
        status: serializeStatus(status),
        ...count,
        ...(value !== undefined && { value }),
        leads: ids.flatMap((id) => {
          const row = byId.get(id);
          return row
            ? [{ ...onlyReadable(leadSummary(row), readable), nextTask: tasks.get(id) ?? null }]
            : [];
        }),
      }));
      return { data };
    },

    /**
     * A list (`query`'s page ignored) for a reader of every page, as the CSV export walks it: its
     * order, and the ids of its next `limit` leads that also match `after` (a keyset condition).
     */
    async walk(ability: UserAbility, userId: number, query: LeadListQuery) {
      const list = await listFilter(ability, userId, query);
      const sort = sortOf(ability, query);
      const ids = async (after: Filter | null, limit: number) =>
        (
          (await idsQuery(after ? { ...list, where: { $and: [list.where, after] } } : list, sort).limit(
            limit
          )) as { id: number }[]
        ).map((row) => row.id);
      return { sort, ids };
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

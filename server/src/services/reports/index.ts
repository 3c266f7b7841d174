import type { Core } from '@strapi/strapi';
import type { LeadReport, PipelineRow, ReportBucket, ReportGroup } from '../../contracts';
import { UID } from '../../uids';
import { crmConfig, getService } from '../../utils';
import type { ReportPeriod } from '../../validation/reports';
import { readableLeadFields } from '../leads/readable';
import type { UserAbility } from '../visibility';
import { bucketSql, num, periods, tableOf, type Builder } from './sql';
import type { NamedRow, Selected, StaffRow, StatusRow } from '../../content-types/rows';

interface GroupRow {
  group_key?: string | number | null;
  total: unknown;
  converted: unknown;
  lost: unknown;
}

const rate = (converted: number | null, total: number) =>
  converted === null || total === 0 ? null : converted / total;

/**
 * Lead reports, computed by the database: grouped counts and sums over the leads the caller may
 * see (the visibility filter as a subquery), never by loading leads. Junk leads are left out.
 */
const reportsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = strapi.db.connection;
  const client = strapi.db.dialect.client;
  const lead = tableOf(strapi, UID.lead);
  const col = (attribute: string) => `l.${lead.column(attribute)}`;

  /** Leads of the report: visible to the caller and not junk. */
  const leads = (visible: Builder | null) => {
    const query = knex({ l: lead.name }).where((q) => q.where(col('junk'), false).orWhereNull(col('junk')));
    return visible ? query.whereIn('l.id', visible) : query;
  };

  /** How many leads per interval, by the datetime `column` of `from` (aliased `l`). */
  const series = async (from: Builder, column: string, period: ReportPeriod) => {
    const bucket = bucketSql(client, period.interval, column);
    const rows: { period: string; n: unknown }[] = await from
      .clone()
      .where(column, '>=', period.start)
      .where(column, '<', period.end)
      .select(knex.raw(`${bucket} as period`))
      .count({ n: '*' })
      .groupByRaw(bucket);
    return new Map(rows.map((row) => [String(row.period), num(row.n)]));
  };

  /** The leads (of `base`) that are lost now, each with the day they were last marked lost. */
  const lostLeads = (base: Builder) => {
    const activity = tableOf(strapi, UID.activity);
    const link = activity.link('lead');
    const lastMarked = knex({ a: activity.name })
      .join({ al: link.name }, `al.${link.own}`, 'a.id')
      .whereRaw(`?? = l.id`, [`al.${link.target}`])
      .where(`a.${activity.column('action')}`, 'marked_lost')
      .max(`a.${activity.column('createdAt')}`);
    return knex.from(
      base
        .clone()
        .where(col('lost'), true)
        .select('l.id', knex.raw(`coalesce((${lastMarked.toQuery()}), ${col('createdAt')}) as lost_at`))
        .as('l')
    );
  };

  /** Leads created in the period grouped by a relation (`link`) or a column, with their outcome. */
  const groups = async (
    base: Builder,
    period: ReportPeriod,
    keyColumn: ((query: Builder) => string) | null,
    show: { converted: boolean; lost: boolean }
  ) => {
    const query = base
      .clone()
      .where(col('createdAt'), '>=', period.start)
      .where(col('createdAt'), '<', period.end)
      .select<GroupRow[]>(
        knex.raw('count(*) as total'),
        knex.raw(`sum(case when ${col('dateConverted')} is not null then 1 else 0 end) as converted`),
        knex.raw(`sum(case when ${col('lost')} = ? then 1 else 0 end) as lost`, [true])
      );
    const key = keyColumn?.(query);
    if (key) query.select(knex.raw(`${key} as group_key`)).groupByRaw(key);
    const rows: GroupRow[] = await query;
    return rows.map((row) => {
      const total = num(row.total);
      const converted = show.converted ? num(row.converted) : null;
      return {
        key: row.group_key ?? null,
        total,
        converted,
        lost: show.lost ? num(row.lost) : null,
        conversionRate: rate(converted, total),
      };
    });
  };

  /** Groups by the lead relation `attribute`, its keys turned into the target's documentId and name. */
  const byRelation = async (
    base: Builder,
    period: ReportPeriod,
    attribute: 'source' | 'leadStatus',
    targetUid: string,
    show: { converted: boolean; lost: boolean }
  ): Promise<ReportGroup[]> => {
    const link = lead.link(attribute);
    const rows = await groups(
      base,
      period,
      (q) => {
        q.leftJoin({ g: link.name }, `g.${link.own}`, 'l.id');
        return `g.${link.target}`;
      },
      show
    );
    const ids = rows.map((r) => r.key).filter((k) => k !== null);
    const targets: Selected<NamedRow, 'name'>[] = ids.length
      ? await strapi.db.query(targetUid).findMany({
          where: { id: { $in: ids } },
          select: ['id', 'documentId', 'name'],
        })
      : [];
    const byId = new Map(targets.map((t) => [t.id, t]));
    return rows
      .map((row) => {
        const target = row.key === null ? undefined : byId.get(Number(row.key));
        return { ...row, key: target?.documentId ?? null, name: target?.name ?? null };
      })
      .sort((a, b) => b.total - a.total || String(a.name).localeCompare(String(b.name)));
  };

  const byAssignee = async (
    base: Builder,
    period: ReportPeriod,
    show: { converted: boolean; lost: boolean }
  ) => {
    const link = lead.link('assignedTo');
    const rows = await groups(
      base,
      period,
      (q) => {
        q.leftJoin({ g: link.name }, `g.${link.own}`, 'l.id');
        return `g.${link.target}`;
      },
      show
    );
    const ids = rows.map((r) => r.key).filter((k) => k !== null);
    const users: StaffRow[] = ids.length
      ? await strapi.db.query('admin::user').findMany({
          where: { id: { $in: ids } },
          select: ['id', 'firstname', 'lastname'],
        })
      : [];
    const byId = new Map(users.map((u) => [u.id, u]));
    return rows
      .map((row) => {
        const user = row.key === null ? undefined : byId.get(Number(row.key));
        const name = user ? [user.firstname, user.lastname].filter(Boolean).join(' ') : null;
        return { ...row, key: user?.id ?? null, name };
      })
      .sort((a, b) => b.total - a.total || String(a.name).localeCompare(String(b.name)));
  };

  /** Open leads (not converted, lost or junk) per status now: count and summed value. */
  const pipeline = async (base: Builder, showValue: boolean): Promise<PipelineRow[]> => {
    const link = lead.link('leadStatus');
    const rows: { status: number | null; n: unknown; value: unknown }[] = await base
      .clone()
      .leftJoin({ g: link.name }, `g.${link.own}`, 'l.id')
      .whereNull(col('dateConverted'))
      .where((q) => q.where(col('lost'), false).orWhereNull(col('lost')))
      .select(`g.${link.target} as status`)
      .count({ n: '*' })
      .sum({ value: col('value') })
      .groupBy(`g.${link.target}`);
    const counted = new Map(rows.map((row) => [row.status === null ? null : Number(row.status), row]));
    const statuses: Selected<StatusRow, 'name' | 'color' | 'isCustomerStatus'>[] = await strapi.db
      .query(UID.leadStatus)
      .findMany({
        select: ['id', 'documentId', 'name', 'color', 'order', 'isCustomerStatus'],
        orderBy: [{ order: 'asc' }, { id: 'asc' }],
      });
    const row = (status: PipelineRow['status'], found?: { n: unknown; value: unknown }): PipelineRow => ({
      status,
      count: num(found?.n),
      value: showValue ? num(found?.value) : null,
    });
    const out = statuses
      .filter((s) => !s.isCustomerStatus || counted.has(s.id))
      .map((s) => row({ documentId: s.documentId, name: s.name, color: s.color ?? null }, counted.get(s.id)));
    return counted.has(null) ? [...out, row(null, counted.get(null))] : out;
  };

  return {
    /** The lead report of `period` over the leads `ability` may see, within its readable fields. */
    async leads(ability: UserAbility, period: ReportPeriod): Promise<LeadReport> {
      const visibility = getService(strapi, 'visibility');
      const filter = visibility.leadFilter(ability);
      const readable = readableLeadFields(strapi, ability);
      const visible =
        filter === null ? null : Object.keys(filter).length ? visibility.idsOf(UID.lead, filter) : null;
      const base = leads(visible);
      if (filter === null) base.whereRaw('1 = 0');
      const show = { converted: readable('dateConverted'), lost: readable('lost') };

      const [created, converted, lost] = await Promise.all([
        series(base, col('createdAt'), period),
        show.converted ? series(base, col('dateConverted'), period) : null,
        show.lost ? series(lostLeads(base), 'l.lost_at', period) : null,
      ]);
      const buckets: ReportBucket[] = periods(period.interval, period.start, period.end).map((p) => ({
        period: p,
        created: created.get(p) ?? 0,
        converted: converted ? (converted.get(p) ?? 0) : null,
        lost: lost ? (lost.get(p) ?? 0) : null,
      }));
      const sum = (values: Map<string, number> | null) =>
        values ? [...values.values()].reduce((a, b) => a + b, 0) : null;

      const [bySource, byStatus, assignees, open, cohort] = await Promise.all([
        readable('source') ? byRelation(base, period, 'source', UID.leadSource, show) : null,
        readable('leadStatus') ? byRelation(base, period, 'leadStatus', UID.leadStatus, show) : null,
        readable('assignedTo') ? byAssignee(base, period, show) : null,
        readable('leadStatus') ? pipeline(base, readable('value')) : null,
        groups(base, period, null, show),
      ]);
      const all = cohort[0];
      return {
        from: period.from,
        to: period.to,
        interval: period.interval,
        currency: crmConfig(strapi, 'currency'),
        totals: {
          created: sum(created) ?? 0,
          converted: sum(converted),
          lost: sum(lost),
          conversionRate: all ? all.conversionRate : null,
        },
        series: buckets,
        bySource,
        byStatus,
        byAssignee: assignees,
        pipeline: open,
      };
    },
  };
};

export default reportsService;
export type ReportsService = ReturnType<typeof reportsService>;

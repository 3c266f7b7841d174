/** Issue 16: GET /crm/reports/leads — grouped by the database, within what the caller may see. */
import type { Core } from '@strapi/strapi';
import { countRows, createLead, references } from '../helpers/leads';
import { http, startStrapi, stopStrapi } from '../helpers/strapi';
import { createRole, createStaff, type Staff } from '../helpers/users';

const LEAD = 'plugin::crm.lead';
const READ = 'plugin::content-manager.explorer.read';

let strapi: Core.Strapi;
let manager: Staff;
let seller: Staff;
let other: Staff;
let refs: Awaited<ReturnType<typeof references>>;

/** A lead written with fixed dates straight in the database (no path may set them otherwise). */
const fixture = async (
  name: string,
  {
    createdAt,
    source = 'Website',
    status = 'New',
    dateConverted,
    lost,
    lostAt,
    junk,
    ...fields
  }: {
    createdAt: string;
    source?: string;
    status?: string;
    dateConverted?: string;
    lost?: boolean;
    lostAt?: string;
    junk?: boolean;
    createdBy: number;
    assignedTo?: number | null;
    isPublic?: boolean;
    value?: number;
  }
) => {
  const lead = await createLead(strapi, {
    name,
    source: refs.source[source],
    status: refs.status[status],
    ...fields,
  });
  if (lostAt) {
    // marked lost through the Document Service: the activity log records when
    await strapi.documents(LEAD).update({ documentId: lead.documentId, data: { lost: true } as never });
    const row = await strapi.db
      .query('plugin::crm.activity')
      .findOne({ where: { lead: { documentId: lead.documentId }, action: 'marked_lost' } });
    await strapi.db
      .query('plugin::crm.activity')
      .update({ where: { id: row.id }, data: { createdAt: new Date(lostAt) } });
  }
  await strapi.db.query(LEAD).update({
    where: { documentId: lead.documentId },
    data: {
      createdAt: new Date(createdAt),
      ...(dateConverted ? { dateConverted: new Date(dateConverted) } : {}),
      ...(lost ? { lost: true } : {}),
      ...(junk ? { junk: true } : {}),
    },
  });
  return lead;
};

beforeAll(async () => {
  strapi = await startStrapi({ env: { CRON_ENABLED: 'false' } });
  refs = await references(strapi);
  manager = await createStaff(strapi, 'Sales Manager', { firstname: 'Mia', lastname: 'Manager' });
  seller = await createStaff(strapi, 'Sales Staff', { firstname: 'Sam', lastname: 'Seller' });
  other = await createStaff(strapi, 'Sales Staff', { firstname: 'Olga', lastname: 'Other' });
  expect(await countRows(strapi, LEAD)).toBe(0);

  const s = seller.id;
  const o = other.id;
  await fixture('L1', { createdAt: '2026-03-02T09:00:00Z', createdBy: s, assignedTo: s, value: 100 });
  await fixture('L2', {
    createdAt: '2026-03-03T23:30:00Z',
    status: 'Customer',
    dateConverted: '2026-03-10T12:00:00Z',
    createdBy: o,
    assignedTo: s,
  });
  await fixture('L3', {
    createdAt: '2026-03-09T00:00:00Z',
    source: 'Referral',
    status: 'Contacted',
    lostAt: '2026-03-12T08:00:00Z',
    createdBy: o,
    assignedTo: o,
    value: 250,
  });
  await fixture('L4', {
    createdAt: '2026-03-15T23:59:59Z',
    source: 'Referral',
    createdBy: o,
    assignedTo: null,
    isPublic: true,
    value: 50,
  });
  await fixture('L5 junk', { createdAt: '2026-03-05T10:00:00Z', junk: true, createdBy: s, value: 9999 });
  await fixture('L6', {
    createdAt: '2026-02-20T10:00:00Z',
    status: 'Customer',
    dateConverted: '2026-03-04T10:00:00Z',
    createdBy: o,
    assignedTo: o,
  });
  await fixture('L7', { createdAt: '2026-03-16T00:00:00Z', createdBy: o, assignedTo: s, value: 1000 });
  await fixture('L8', {
    createdAt: '2026-03-10T15:00:00Z',
    status: 'Contacted',
    lost: true,
    createdBy: s,
    assignedTo: null,
  });
  await fixture('L9', {
    createdAt: '2026-03-11T11:00:00Z',
    source: 'Referral',
    status: 'Qualified',
    createdBy: o,
    assignedTo: o,
    value: 400,
  });
  // a boot on a busy PostgreSQL or MariaDB takes longer than the default hook timeout
}, 300_000);

afterAll(async () => {
  await stopStrapi(strapi);
});

const PERIOD = 'from=2026-03-02&to=2026-03-15';

const byName = (groups: { name: string | null }[]) =>
  Object.fromEntries(groups.map(({ name, ...rest }) => [name ?? '(none)', rest]));

it('counts created, converted and lost leads per week, with totals and conversion rates (manager)', async () => {
  const res = await manager.get(`/crm/reports/leads?${PERIOD}&interval=week`);
  expect(res.status).toBe(200);
  const report = res.body.data;
  expect(report).toMatchObject({ from: '2026-03-02', to: '2026-03-15', interval: 'week', currency: 'USD' });
  expect(report.series).toEqual([
    { period: '2026-03-02', created: 2, converted: 1, lost: 0 },
    { period: '2026-03-09', created: 4, converted: 1, lost: 2 },
  ]);
  expect(report.totals).toEqual({ created: 6, converted: 2, lost: 2, conversionRate: 1 / 6 });
  expect(byName(report.bySource)).toEqual({
    Website: { key: refs.source.Website, total: 3, converted: 1, lost: 1, conversionRate: 1 / 3 },
    Referral: { key: refs.source.Referral, total: 3, converted: 0, lost: 1, conversionRate: 0 },
  });
  expect(byName(report.byStatus)).toEqual({
    New: { key: refs.status.New, total: 2, converted: 0, lost: 0, conversionRate: 0 },
    Contacted: { key: refs.status.Contacted, total: 2, converted: 0, lost: 2, conversionRate: 0 },
    Qualified: { key: refs.status.Qualified, total: 1, converted: 0, lost: 0, conversionRate: 0 },
    Customer: { key: refs.status.Customer, total: 1, converted: 1, lost: 0, conversionRate: 1 },
  });
  expect(byName(report.byAssignee)).toEqual({
    'Sam Seller': { key: seller.id, total: 2, converted: 1, lost: 0, conversionRate: 0.5 },
    'Olga Other': { key: other.id, total: 2, converted: 0, lost: 1, conversionRate: 0 },
    '(none)': { key: null, total: 2, converted: 0, lost: 1, conversionRate: 0 },
  });
  // the pipeline is now: every open lead whatever its creation date, the customer status left out
  expect(
    report.pipeline.map((p: { status: { name: string }; count: number; value: number }) => [
      p.status.name,
      p.count,
      p.value,
    ])
  ).toEqual([
    ['New', 3, 1150],
    ['Contacted', 0, 0],
    ['Qualified', 1, 400],
    ['Proposal', 0, 0],
  ]);
});

it('buckets by UTC day and by month on every database', async () => {
  const days = (await manager.get(`/crm/reports/leads?${PERIOD}&interval=day`)).body.data.series;
  expect(days).toHaveLength(14);
  const nonZero = days.filter(
    (d: { created: number; converted: number; lost: number }) => d.created + d.converted + d.lost
  );
  expect(nonZero).toEqual([
    { period: '2026-03-02', created: 1, converted: 0, lost: 0 },
    { period: '2026-03-03', created: 1, converted: 0, lost: 0 },
    { period: '2026-03-04', created: 0, converted: 1, lost: 0 },
    { period: '2026-03-09', created: 1, converted: 0, lost: 0 },
    { period: '2026-03-10', created: 1, converted: 1, lost: 1 },
    { period: '2026-03-11', created: 1, converted: 0, lost: 0 },
    { period: '2026-03-12', created: 0, converted: 0, lost: 1 },
    { period: '2026-03-15', created: 1, converted: 0, lost: 0 },
  ]);
  const months = (await manager.get('/crm/reports/leads?from=2026-02-01&to=2026-03-31&interval=month')).body
    .data;
  expect(months.series).toEqual([
    { period: '2026-02-01', created: 1, converted: 0, lost: 0 },
    { period: '2026-03-01', created: 7, converted: 2, lost: 2 },
  ]);
});

it('counts only the leads a Sales Staff member can see', async () => {
  const res = await seller.get(`/crm/reports/leads?${PERIOD}&interval=week`);
  expect(res.status).toBe(200);
  const report = res.body.data;
  // L1, L2 (assigned), L4 (public), L8 (created by them); not L3, L6, L9
  expect(report.series).toEqual([
    { period: '2026-03-02', created: 2, converted: 0, lost: 0 },
    { period: '2026-03-09', created: 2, converted: 1, lost: 1 },
  ]);
  expect(report.totals).toEqual({ created: 4, converted: 1, lost: 1, conversionRate: 0.25 });
  expect(byName(report.bySource)).toEqual({
    Website: { key: refs.source.Website, total: 3, converted: 1, lost: 1, conversionRate: 1 / 3 },
    Referral: { key: refs.source.Referral, total: 1, converted: 0, lost: 0, conversionRate: 0 },
  });
  expect(Object.keys(byName(report.byAssignee)).sort()).toEqual(['(none)', 'Sam Seller']);
  expect(report.pipeline.find((p: { status: { name: string } }) => p.status.name === 'New')).toMatchObject({
    count: 3,
    value: 1150,
  });
  expect(
    report.pipeline.find((p: { status: { name: string } }) => p.status.name === 'Qualified')
  ).toMatchObject({ count: 0, value: 0 });
});

it('leaves out what the role may not read: no value sums without `value`, no sources without `source`', async () => {
  const role = await createRole(strapi, [
    {
      action: READ,
      subject: LEAD,
      properties: { fields: ['name', 'leadStatus', 'assignedTo', 'lost', 'junk'] },
    },
  ]);
  const reader = await createStaff(strapi, role.id);
  const res = await reader.get(`/crm/reports/leads?${PERIOD}&interval=week`);
  expect(res.status).toBe(200);
  const report = res.body.data;
  expect(report.bySource).toBeNull();
  expect(report.totals).toEqual({ created: 6, converted: null, lost: 2, conversionRate: null });
  expect(report.series[1]).toEqual({ period: '2026-03-09', created: 4, converted: null, lost: 2 });
  expect(report.pipeline.find((p: { status: { name: string } }) => p.status.name === 'New')).toEqual(
    expect.objectContaining({ count: 3, value: null })
  );
});

it.each([
  ['interval=hour', 'interval'],
  ['from=2026-02-30&to=2026-03-02', 'from'],
  ['from=yesterday', 'from'],
  ['from=2026-03-10&to=2026-03-01', 'from'],
  ['from=2026-03-01&to=2026-03-02&limit=3', 'limit'],
])('answers 400 for %s', async (query, path) => {
  const res = await manager.get(`/crm/reports/leads?${query}`);
  expect(res.status).toBe(400);
  expect(res.body.error.name).toBe('ValidationError');
  expect(res.body.error.details.errors.map((e: { path: string[] }) => e.path[0])).toContain(path);
});

it('refuses a daily report longer than 366 days with a clear message, and accepts it by week', async () => {
  const res = await manager.get('/crm/reports/leads?from=2025-01-01&to=2026-03-01&interval=day');
  expect(res.status).toBe(400);
  expect(res.body.error.message).toMatch(/by day covers at most 366 days/);
  const weekly = await manager.get('/crm/reports/leads?from=2025-01-01&to=2026-03-01&interval=week');
  expect(weekly.status).toBe(200);
});

it('answers 403 without read on leads and 401 without a login', async () => {
  const role = await createRole(strapi, [{ action: READ, subject: 'plugin::crm.customer' }]);
  const outsider = await createStaff(strapi, role.id);
  const res = await outsider.get(`/crm/reports/leads?${PERIOD}`);
  expect(res.status).toBe(403);
  expect((await http(strapi).get(`/crm/reports/leads?${PERIOD}`)).status).toBe(401);
});

import type { LeadReport, MyWorkItem } from '../../../server/src/contracts';

/** The report of tests/api/reports.test.ts's fixture, as the server answers it for a manager. */
export const REPORT: LeadReport = {
  from: '2026-03-02',
  to: '2026-03-15',
  interval: 'week',
  currency: 'USD',
  totals: { created: 6, converted: 2, lost: 2, conversionRate: 1 / 6 },
  series: [
    { period: '2026-03-02', created: 2, converted: 1, lost: 0 },
    { period: '2026-03-09', created: 4, converted: 1, lost: 2 },
  ],
  bySource: [
    { key: 'src-web', name: 'Website', total: 3, converted: 1, lost: 1, conversionRate: 1 / 3 },
    { key: 'src-ref', name: 'Referral', total: 3, converted: 0, lost: 1, conversionRate: 0 },
  ],
  byStatus: [],
  byAssignee: [
    { key: 3, name: 'Sam Seller', total: 2, converted: 1, lost: 0, conversionRate: 0.5 },
    { key: null, name: null, total: 2, converted: 0, lost: 1, conversionRate: 0 },
  ],
  pipeline: [
    { status: { documentId: 'st-new', name: 'New', color: '#4945ff' }, count: 3, value: 1150 },
    { status: { documentId: 'st-q', name: 'Qualified', color: null }, count: 1, value: 400 },
  ],
};

export const WORK: MyWorkItem[] = [
  {
    kind: 'task',
    documentId: 'task-late',
    title: 'Call back',
    due: '2026-01-05',
    overdue: true,
    lead: { documentId: 'lead-mona', name: 'Mine Mona' },
    customer: null,
  },
  {
    kind: 'reminder',
    documentId: 'rem-later',
    title: 'Ping Mona',
    due: '2098-12-31T10:00:00.000Z',
    overdue: false,
    lead: { documentId: 'lead-mona', name: 'Mine Mona' },
    customer: null,
  },
  {
    kind: 'task',
    documentId: 'task-onboard',
    title: 'Onboard',
    due: null,
    overdue: false,
    lead: null,
    customer: { documentId: 'cust-carl', name: 'Carl Client' },
  },
];

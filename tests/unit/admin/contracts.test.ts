import type {
  CaptureWebLead,
  ConvertLead,
  DeleteSection,
  FindLeads,
  GetConversion,
  LeadSummary,
  Task,
} from '../../../server/src/contracts';
import { serializeSection } from '../../../server/src/services/sections/serialize';
import {
  compatibleTargets,
  DEFAULT_PAGE_SIZE,
  DEFAULT_SORT,
  MAX_PAGE_SIZE,
} from '../../../server/src/contracts';
import {
  DEFAULT_PAGE_SIZE as SERVER_PAGE_SIZE,
  MAX_PAGE_SIZE as SERVER_MAX,
} from '../../../server/src/validation/lead-query';
import { readFilterState } from '../../../admin/src/components/leads/leadQuery';

/*
 * The fixtures of the admin tests are typed by the contracts: a mock that drifts from the server's
 * shapes does not compile (`npm run typecheck`). The lines marked @ts-expect-error prove it: were
 * the contract to accept them, tsc would report the directive unused.
 */
const summary: LeadSummary = {
  documentId: 'lead-1',
  name: 'Ada',
  position: null,
  email: null,
  website: null,
  phone: null,
  value: null,
  company: null,
  address: null,
  city: null,
  state: null,
  country: null,
  zip: null,
  description: null,
  isPublic: false,
  contactedToday: null,
  lastContactAt: null,
  lost: false,
  junk: false,
  dateConverted: null,
  createdAt: '2026-11-01T10:00:00.000Z',
  updatedAt: '2026-11-01T10:00:00.000Z',
  status: null,
  source: null,
  assignedTo: null,
  tags: [],
};

describe('shared contracts', () => {
  it('refuse a fixture with a field the contract lacks', () => {
    const list: FindLeads.Response = {
      // @ts-expect-error `score` is not a field of a lead in the list
      data: [{ ...summary, score: 3 }],
      meta: { pagination: { page: 1, pageSize: 25, pageCount: 1, total: 1 } },
    };
    const answer: ConvertLead.Response = {
      // @ts-expect-error the conversion answers the customer's documentId, not its id
      data: { customer: { id: 1, firstName: 'Mary', lastName: null }, lead: null },
    };
    const prefill: GetConversion.Response['data']['targets'] = [
      // @ts-expect-error `mobile` is not a customer field a value can go into
      { field: 'mobile', type: 'text' },
    ];
    expect([list, answer, prefill]).toHaveLength(3);
  });

  it('hold the answers the server builds: a section record, the web form', () => {
    const task: Task = serializeSection('tasks', { documentId: 't', title: 'Call' });
    const removed: DeleteSection.Response<'tasks'> = {
      // @ts-expect-error a task has no body: the answer of a note's kind
      data: { ...task, body: 'Called' },
    };
    const captured: CaptureWebLead.Response = {
      // @ts-expect-error the web form answers no lead data
      data: { ok: true, documentId: 'lead-1' },
    };
    expect(task).toMatchObject({ title: 'Call', status: null, dueDate: null, lead: null });
    expect([removed, captured]).toHaveLength(2);
  });

  it('are the list defaults both sides use', () => {
    expect([SERVER_PAGE_SIZE, SERVER_MAX]).toEqual([DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE]);
    const state = readFilterState(new URLSearchParams('pageSize=500'));
    expect(state).toMatchObject({ page: 1, pageSize: MAX_PAGE_SIZE, sort: DEFAULT_SORT });
  });

  it('say which customer fields a value fits', () => {
    const targets = [
      { field: 'email', type: 'email' },
      { field: 'website', type: 'url' },
      { field: 'phone', type: 'text' },
      { field: 'description', type: 'textarea' },
    ] as const;
    const fields = (value: unknown) => compatibleTargets([...targets], value).map((t) => t.field);
    expect(fields('mary@cruz.example')).toEqual(['email', 'description']);
    expect(fields('https://cruz.example')).toEqual(['website', 'description']);
    expect(fields(12000)).toEqual(['description']);
    expect(fields('+33 6 12 34 56 78')).toEqual(['phone', 'description']);
    expect(fields('x'.repeat(300))).toEqual(['description']);
    expect(fields(null)).toEqual([]);
  });
});

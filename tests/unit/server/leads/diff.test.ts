import { diffLead, type LeadSnapshot } from '../../../../server/src/services/leads/diff';

const base: LeadSnapshot = {
  name: 'Ada',
  city: 'Paris',
  value: 10,
  lost: false,
  junk: false,
  status: { documentId: 's1', name: 'New' },
  source: { documentId: 'w', name: 'Website' },
  assignedTo: null,
  tags: ['vip'],
  customFields: { budget: 1 },
  updatedAt: '2026-01-01T00:00:00.000Z',
};

describe('diffLead', () => {
  it('is empty when nothing changed but the timestamps', () => {
    expect(diffLead(base, { ...base, updatedAt: '2026-02-02T00:00:00.000Z' })).toEqual([]);
  });

  it('does not log the columns that mirror status, source and assignee (their relations are logged)', () => {
    const before = { ...base, statusMirror: 1, sourceMirror: 2, assigneeMirror: null };
    expect(diffLead(before, { ...before, statusMirror: 3, sourceMirror: 4, assigneeMirror: 7 })).toEqual([]);
  });

  it('logs status, assignment, flags, fields, tags and custom fields with old and new values', () => {
    const after: LeadSnapshot = {
      ...base,
      city: 'Lyon',
      lost: true,
      status: { documentId: 's2', name: 'Contacted' },
      assignedTo: { id: 3, firstname: 'Sam', lastname: null },
      tags: ['vip', 'hot'],
      customFields: { budget: 2, region: 'EU' },
    };
    expect(diffLead(base, after)).toEqual(
      expect.arrayContaining([
        { action: 'status_changed', data: { from: base.status, to: after.status } },
        { action: 'assigned', data: { from: null, to: after.assignedTo } },
        { action: 'marked_lost', data: {} },
        { action: 'field_changed', data: { field: 'city', from: 'Paris', to: 'Lyon' } },
        { action: 'field_changed', data: { field: 'tags', from: ['vip'], to: ['vip', 'hot'] } },
        { action: 'field_changed', data: { field: 'customFields.budget', from: 1, to: 2 } },
        { action: 'field_changed', data: { field: 'customFields.region', from: null, to: 'EU' } },
      ])
    );
  });
});

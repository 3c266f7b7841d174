import { createIntl } from 'react-intl';
import { describeActivity } from '../../../admin/src/components/profile/activityText';
import { formatFileSize } from '../../../admin/src/components/profile/fileSize';
import type { ActivityEntry } from '../../../server/src/contracts';

const intl = createIntl({ locale: 'en', messages: {}, timeZone: 'UTC', onError: () => undefined });
const SAM = { id: 7, firstname: 'Sam', lastname: 'Seller' };
const line = (action: string, data: Record<string, unknown>) =>
  describeActivity(
    { documentId: 'a', action, data, actor: SAM, createdAt: '2026-11-02T10:00:00.000Z' } as ActivityEntry,
    { intl, customFields: [] }
  );

describe('an activity row at a glance', () => {
  it("quotes a note's first words when the log kept them", () => {
    expect(line('note_added', { note: 'n1', excerpt: 'Called Eve about the renewal…' })).toBe(
      'Sam Seller added a note: “Called Eve about the renewal…”'
    );
    expect(line('note_updated', { note: 'n1', fields: ['body'], excerpt: 'Quote sent' })).toBe(
      'Sam Seller edited a note: “Quote sent”'
    );
    // rows written before excerpts existed
    expect(line('note_added', { note: 'n1' })).toBe('Sam Seller added a note');
  });

  it('shows a field change as old → new, dates in a readable form', () => {
    expect(line('field_changed', { field: 'city', from: 'Paris', to: null })).toBe(
      'Sam Seller changed City: Paris → (empty)'
    );
    expect(
      line('field_changed', { field: 'lastContactAt', from: null, to: '2026-11-02T09:30:00.000Z' })
    ).toBe('Sam Seller changed Last contact: (empty) → Nov 2, 2026, 9:30 AM');
  });
});

describe('file sizes', () => {
  const size = (kb: number) => formatFileSize(kb, intl.formatNumber);
  it.each([
    [0.02, '20 B'],
    [0, '0 B'],
    [1.55, '1.6 KB'],
    [512, '512 KB'],
    [2048, '2 MB'],
    [3400, '3.4 MB'],
  ])('%s KB reads %s', (kb, expected) => {
    expect(size(kb)).toBe(expected);
  });
});

import {
  conversionFieldErrors,
  isLocked,
  addedAttachments,
  type LeadState,
} from '../../../../server/src/rules/lead';
import { asConversion, inConversion } from '../../../../server/src/rules/conversion-scope';

const open: LeadState = {
  statusId: 1,
  customerStatus: false,
  dateConverted: null,
  customerId: null,
  lost: false,
  junk: false,
  attachmentIds: [10],
};
const converted: LeadState = {
  ...open,
  statusId: 5,
  customerStatus: true,
  dateConverted: 1_700_000_000_000,
  customerId: 9,
};
const paths = (before: LeadState | null, after: LeadState) =>
  conversionFieldErrors(before, after).map((e) => e.path.join('.'));

describe('conversion fields belong to the conversion (SPEC §5)', () => {
  it('leaves an ordinary change alone', () => {
    expect(paths(open, { ...open, statusId: 2, lost: true })).toEqual([]);
    expect(paths(converted, { ...converted })).toEqual([]);
  });

  it('refuses setting or clearing dateConverted and the customer link', () => {
    expect(paths(open, { ...open, dateConverted: 1 })).toEqual(['dateConverted']);
    expect(paths(open, { ...open, customerId: 3 })).toEqual(['customer']);
    expect(paths(converted, { ...converted, dateConverted: null, customerId: null })).toEqual([
      'dateConverted',
      'customer',
    ]);
  });

  it('refuses the customer status on an open lead, and any other status on a converted one', () => {
    expect(paths(open, { ...open, statusId: 5, customerStatus: true })).toEqual(['leadStatus']);
    expect(paths(null, { ...open, statusId: 5, customerStatus: true })).toEqual(['leadStatus']);
    expect(paths(converted, { ...converted, statusId: 1, customerStatus: false })).toEqual(['leadStatus']);
  });

  it('keeps a converted lead neither lost nor junk', () => {
    expect(paths(converted, { ...converted, lost: true, junk: true })).toEqual(['lost', 'junk']);
  });

  it('knows when the conversion itself writes', async () => {
    expect(inConversion()).toBe(false);
    await asConversion(async () => expect(inConversion()).toBe(true));
    expect(inConversion()).toBe(false);
  });
});

describe('lockConvertedLeads', () => {
  it('locks a converted lead for those who do not read every lead, when configured', () => {
    expect(isLocked(converted, { locked: true, readsAll: false })).toBe(true);
    expect(isLocked(converted, { locked: true, readsAll: true })).toBe(false);
    expect(isLocked(converted, { locked: false, readsAll: false })).toBe(false);
    expect(isLocked(open, { locked: true, readsAll: false })).toBe(false);
  });
});

describe('attachments', () => {
  it('lists the files a write newly attached', () => {
    expect(addedAttachments(open, { ...open, attachmentIds: [10, 11, 12] })).toEqual([11, 12]);
    expect(addedAttachments(null, { ...open, attachmentIds: [10] })).toEqual([10]);
  });
});

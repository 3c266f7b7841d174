import { checkValue, type CustomFieldDefinition } from '../../../server/src/services/custom-fields';

const date = { slug: 'signed', name: 'Signed', type: 'date', target: 'lead' } as CustomFieldDefinition;

describe('custom-field values', () => {
  it('take a date only when that day exists', () => {
    expect(checkValue(date, '2026-02-28')).toEqual({ value: '2026-02-28' });
    expect(checkValue(date, '2026-02-30').error).toBeTruthy();
    expect(checkValue(date, '2026-13-01').error).toBeTruthy();
  });
});

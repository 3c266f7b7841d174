import {
  compatibleTargets,
  CUSTOMER_TARGETS,
  fitTarget,
  type CustomerTarget,
} from '../../../../server/src/contracts/conversion';
import type { CustomFieldType } from '../../../../server/src/contracts/reference';

/** Every target, in the order the server sends them (the prefill's `targets`). */
const ALL = (Object.entries(CUSTOMER_TARGETS) as [CustomerTarget, string][]).map(([field, type]) => ({
  field,
  type,
}));
const offered = (value: unknown, source?: CustomFieldType) =>
  compatibleTargets(ALL, value, source).map((t) => t.field);

describe('fitTarget: whether a custom-field value fits a customer field', () => {
  it.each([
    ['phone', '+33 6 12', undefined, '+33 6 12'],
    ['phone', 612, 'number', undefined],
    ['phone', 612345678, 'number', '612345678'],
    ['phone', 'call me', 'text', undefined],
    ['phone', '12', 'text', undefined],
    ['email', 'ada@example.com', 'email', 'ada@example.com'],
    ['email', 'not-mail', 'text', undefined],
    ['email', 'ada@example', 'text', undefined],
    ['website', 'https://ada.example', 'url', 'https://ada.example'],
    ['website', 'https://ada.example/path?q=1', 'url', 'https://ada.example/path?q=1'],
    ['website', 'ada.example', 'text', undefined],
    ['website', 'https://bad host.example', 'text', undefined],
    ['lastName', 12000, 'number', undefined],
    ['lastName', '12000', 'text', undefined],
    ['lastName', 'Lovelace', 'text', 'Lovelace'],
    ['lastName', '2024-01-31', 'date', undefined],
    ['position', 12000, 'number', undefined],
    ['company', 'ada@example.com', 'text', undefined],
    ['city', 'Paris 75', 'text', undefined],
    ['city', ['a', 'b'], 'multiselect', undefined],
    ['city', true, 'checkbox', undefined],
    ['city', 'x'.repeat(256), 'text', undefined],
    ['zip', 75001, 'number', '75001'],
    ['zip', 'SW1A 1AA', 'text', 'SW1A 1AA'],
    ['description', 12000, 'number', '12000'],
    ['description', '2024-01-31', 'date', '2024-01-31'],
    ['description', 'x'.repeat(5000), 'textarea', 'x'.repeat(5000)],
    ['description', '   ', 'text', undefined],
  ] as [CustomerTarget, unknown, CustomFieldType | undefined, string | undefined][])(
    '%s receives %j (%s) as %j',
    (target, value, source, expected) => {
      expect(fitTarget(target, value, source)).toEqual(expected);
    }
  );
});

describe('compatibleTargets: the customer fields offered, the most sensible first', () => {
  it('never offers a name or any word field for a number', () => {
    expect(offered(12000, 'number')).toEqual(['zip', 'description']);
    expect(offered(612345678, 'number')).toEqual(['phone', 'zip', 'description']);
    expect(offered(3.5, 'number')).toEqual(['description']);
  });

  it('offers an email, a web address, a phone number in their own field first', () => {
    expect(offered('ada@example.com', 'email')).toEqual(['email', 'description']);
    expect(offered('ada@example.com', 'text')).toEqual(['email', 'description']);
    expect(offered('https://ada.example', 'url')).toEqual(['website', 'description']);
    expect(offered('+33 6 12 34 56 78', 'text')[0]).toBe('phone');
  });

  it('offers a date to the description only', () => {
    expect(offered('2024-01-31', 'date')).toEqual(['description']);
  });

  it('ranks the text fields before places, the last name, then the description', () => {
    expect(offered('Gold', 'select')).toEqual([
      'position',
      'company',
      'address',
      'city',
      'state',
      'country',
      'lastName',
      'description',
    ]);
  });

  it('offers nothing for an empty value, a list or a tick box', () => {
    expect(offered(null)).toEqual([]);
    expect(offered(['a'], 'multiselect')).toEqual([]);
    expect(offered(true, 'checkbox')).toEqual([]);
  });
});

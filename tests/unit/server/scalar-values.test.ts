import { createField } from '@strapi/database/dist/fields/index.js';
import { isPlainScalar, scalarValue } from '../../../server/src/database/scalar-values';

/**
 * What each driver may hand back for a column of the type: SQLite stores booleans as 0/1 and
 * datetimes as numbers, MySQL booleans as 0/1, PostgreSQL hands decimals back as strings.
 */
const STORED: Record<string, unknown[]> = {
  increments: [1, 42],
  string: ['Ada', '', 5],
  email: ['ada@example.com'],
  uid: ['ada-lovelace'],
  text: ['a long text'],
  richtext: ['**bold**'],
  enumeration: ['open'],
  date: ['2026-12-02'],
  time: ['10:30:00.000'],
  integer: [3, '3', 0],
  float: [1.5, '1.5'],
  decimal: ['1200.50', 1200.5, '0.00'],
  datetime: [new Date('2026-12-02T10:30:00.000Z'), 1796207400000, '2026-12-02 10:30:00', 'not a date'],
  timestamp: [new Date('2026-12-02T10:30:00.000Z'), 1796207400000, 'not a date'],
  boolean: [true, false, 1, 0, '1', '0', 'yes'],
};

describe('scalarValue', () => {
  it.each(Object.entries(STORED))('answers a %s value as the Query Engine does', (type, values) => {
    expect(isPlainScalar(type)).toBe(true);
    const field = createField({ type } as never);
    for (const value of values)
      expect([value, scalarValue(type, value)]).toEqual([value, field.fromDB(value)]);
  });

  it('answers null for a column that holds none', () => {
    expect(Object.keys(STORED).map((type) => scalarValue(type, null))).toEqual(
      Object.keys(STORED).map(() => null)
    );
  });

  it('leaves json, media and relations to Strapi', () => {
    expect(['json', 'media', 'relation', 'component'].filter(isPlainScalar)).toEqual([]);
  });
});

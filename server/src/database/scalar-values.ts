/**
 * A scalar column's value as Strapi's Query Engine hands it back (the `fromDB` of
 * @strapi/database's fields), for the plugin's hand-written reads: the same booleans (SQLite and
 * MySQL store 0/1), ISO datetimes (SQLite stores numbers, the drivers hand back Dates), epoch
 * strings for timestamps and numbers (PostgreSQL hands decimals back as strings) whichever database
 * the rows came from. tests/unit/server/scalar-values.test.ts holds them against Strapi's own.
 */
const BOOLEAN = (value: unknown) => {
  if (typeof value === 'boolean') return value;
  const text = String(value);
  return text === '1' ? true : text === '0' ? false : null;
};

const DATETIME = (value: unknown) => {
  const cast = value instanceof Date ? value : new Date(value as string | number);
  return Number.isNaN(cast.getTime()) ? null : cast.toISOString();
};

/** A timestamp attribute: the epoch in milliseconds, as a string. */
const TIMESTAMP = (value: unknown) => {
  const cast = value instanceof Date ? value : new Date(value as string | number);
  return Number.isNaN(cast.getTime()) ? null : String(cast.getTime());
};

const NUMBER = (value: unknown) => Number(value);

const STRING = (value: unknown) => String(value);

const AS_STORED = (value: unknown) => value;

const BY_TYPE: Record<string, (value: unknown) => unknown> = {
  increments: AS_STORED,
  string: STRING,
  email: STRING,
  uid: STRING,
  text: STRING,
  richtext: STRING,
  enumeration: STRING,
  date: AS_STORED,
  time: AS_STORED,
  integer: NUMBER,
  float: NUMBER,
  decimal: NUMBER,
  datetime: DATETIME,
  timestamp: TIMESTAMP,
  boolean: BOOLEAN,
};

/** Whether `scalarValue` reads this attribute type (json, media and relations are not). */
export const isPlainScalar = (type: string) => type in BY_TYPE;

/** The stored `value` of an attribute of `type` as the Query Engine would answer it. */
export const scalarValue = (type: string, value: unknown) =>
  value === null || value === undefined ? null : (BY_TYPE[type] ?? AS_STORED)(value);

/**
 * A scalar column's value as Strapi's Query Engine hands it back (the `fromDB` of
 * @strapi/database's fields), for the plugin's hand-written reads: the same booleans (SQLite and
 * MySQL store 0/1), ISO datetimes (SQLite stores numbers, the drivers hand back Dates) and numbers
 * (PostgreSQL hands decimals back as strings) whichever database the rows came from.
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

const NUMBER = (value: unknown) => Number(value);

const AS_STORED = (value: unknown) => value;

const BY_TYPE: Record<string, (value: unknown) => unknown> = {
  increments: AS_STORED,
  string: AS_STORED,
  email: AS_STORED,
  uid: AS_STORED,
  text: AS_STORED,
  richtext: AS_STORED,
  enumeration: AS_STORED,
  date: AS_STORED,
  time: AS_STORED,
  integer: NUMBER,
  float: NUMBER,
  decimal: NUMBER,
  datetime: DATETIME,
  timestamp: DATETIME,
  boolean: BOOLEAN,
};

/** Whether `scalarValue` reads this attribute type (json, media and relations are not). */
export const isPlainScalar = (type: string) => type in BY_TYPE;

/** The stored `value` of an attribute of `type` as the Query Engine would answer it. */
export const scalarValue = (type: string, value: unknown) =>
  value === null || value === undefined ? null : (BY_TYPE[type] ?? AS_STORED)(value);

/**
 * Reading a row the Document Service hands back (typed `Record<string, unknown>`) into the
 * contracts' shapes: one conversion per kind of value, instead of a cast per field.
 */
export type Row = Record<string, unknown> & { documentId: string };

export const text = (value: unknown) => (value === null || value === undefined ? null : String(value));
export const number = (value: unknown) => (value === null || value === undefined ? null : Number(value));
export const isoDate = (value: unknown) =>
  value === null || value === undefined ? null : value instanceof Date ? value.toISOString() : String(value);
export const row = (value: unknown) => (value && typeof value === 'object' ? (value as Row) : null);
export const rows = (value: unknown) => (Array.isArray(value) ? (value as Row[]) : []);
export const record = (value: unknown) =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

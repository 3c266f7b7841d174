/** CSV cells and lines (RFC 4180, CRLF), safe to open in a spreadsheet. */

/** A UTF-8 byte order mark: spreadsheets read the file as UTF-8 only with it. */
export const BOM = '\uFEFF';

/** Characters a spreadsheet reads as the start of a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One cell: text that a spreadsheet would run as a formula gets a leading `'`; a cell holding a
 * quote, a comma or a line break is quoted. Numbers and booleans are written as they are (a
 * typed number cannot carry a formula); null and undefined are empty.
 */
export const csvCell = (value: unknown): string => {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const raw = value instanceof Date ? value.toISOString() : String(value);
  const text = FORMULA_START.test(raw) ? `'${raw}` : raw;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/**
 * The value of a cell as `csvCell` wrote it: the `'` it put before a formula's first character
 * dropped, so a file exported here imports back unchanged (`'+33 1 57` is the phone `+33 1 57`),
 * as a spreadsheet reads that apostrophe too.
 */
export const csvValue = (cell: string): string => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);

/** One line of cells, ended by CRLF. */
export const csvLine = (cells: unknown[]) => `${cells.map(csvCell).join(',')}\r\n`;

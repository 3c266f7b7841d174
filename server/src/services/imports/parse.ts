import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { validationError } from '../../errors';

/** One data record of the file: its row number (the header is row 1) and its cells by column. */
export interface CsvRecord {
  row: number;
  cells: string[];
}

const fileError = (message: string) => validationError([{ path: ['file'], message }], `file ${message}`);

/**
 * The file's text: UTF-8 (a BOM is dropped), not binary. Anything else is a 400 before a job
 * exists, so nothing is ever written from it.
 */
export const decodeCsv = (content: Buffer, maxBytes: number): string => {
  if (content.length === 0) throw fileError('is empty');
  if (content.length > maxBytes) throw fileError(`is larger than ${maxBytes} bytes`);
  // NUL bytes do not occur in text: a spreadsheet saved as .xlsx, an image, a UTF-16 file.
  if (content.includes(0)) throw fileError('is not a CSV file (binary content)');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    throw fileError('is not UTF-8 text: save it as CSV (UTF-8)');
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
};

/** `;` or `,`: whichever occurs more often outside quotes on the header line. */
export const detectDelimiter = (text: string): ';' | ',' => {
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && char === ';') semicolons += 1;
    else if (!quoted && char === ',') commas += 1;
  }
  return semicolons > commas ? ';' : ',';
};

/** The records of the file, streamed by csv-parse: the header first, then data records numbered from 2. */
export async function* readRecords(text: string): AsyncGenerator<CsvRecord> {
  const parser = Readable.from([text]).pipe(
    parse({
      delimiter: detectDelimiter(text),
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
    })
  );
  let row = 0;
  for await (const cells of parser as AsyncIterable<string[]>) {
    row += 1;
    yield { row, cells };
  }
}

/** The header row's cells, trimmed. */
export const readHeaders = async (text: string): Promise<string[]> => {
  for await (const { cells } of readRecords(text)) return cells.map((cell) => cell.trim());
  return [];
};

/** The header and the number of data records; a file csv-parse cannot read, or without rows, is a 400. */
export const inspectCsv = async (text: string, maxRows: number) => {
  let headers: string[] | null = null;
  let total = 0;
  try {
    for await (const { cells } of readRecords(text)) {
      if (!headers) headers = cells.map((cell) => cell.trim());
      else if (++total > maxRows) throw fileError(`has more than ${maxRows} rows`);
    }
  } catch (error) {
    if ((error as { name?: string }).name === 'ValidationError') throw error;
    throw fileError(`is not a readable CSV file: ${(error as Error).message}`);
  }
  if (!headers || headers.every((h) => !h)) throw fileError('has no header row');
  if (total === 0) throw fileError('has no rows under its header');
  return { headers, total };
};

/**
 * A deterministic CSV fixture for the lead import: a BOM, quoted commas and quotes, newlines inside
 * fields, duplicates of existing leads and of earlier rows (in another case), unknown statuses and
 * bad emails. The expected counts follow from the row numbers by the rules written out below.
 */
export const IMPORT_HEADER = [
  'Name',
  'Email',
  'Company',
  'Phone',
  'Status',
  'Source',
  'Description',
  'Lead value',
];

/** Emails of the leads that exist before the import (duplicates of rows i % 50 === 25). */
export const existingEmail = (i: number) => `existing-${i}@example.com`;

const quote = (value: string) => (/[",\n\r;]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

export interface Fixture {
  csv: string;
  /** Row indexes (1-based data rows) whose email matches a lead created before the import. */
  existing: number[];
  expected: { total: number; created: number; skipped: number; refused: number };
}

/** `rows` data rows; `duplicates: 'skip'` counts, and `'create'` counts when said. */
export const importFixture = (rows: number, policy: 'skip' | 'create' = 'skip'): Fixture => {
  const lines = [IMPORT_HEADER.join(',')];
  const existing: number[] = [];
  const counts = { created: 0, skipped: 0, refused: 0 };
  for (let i = 1; i <= rows; i += 1) {
    let email = `lead-${i}@example.com`;
    let status = ['New', 'contacted', 'QUALIFIED', ''][i % 4];
    let refused = false;
    let duplicate = false;
    if (i % 100 === 0) {
      status = 'Zombie'; // unknown status → refused
      refused = true;
    } else if (i % 97 === 0) {
      email = `not-an-email-${i}`; // bad email → refused
      refused = true;
    } else if (i % 50 === 25) {
      email = existingEmail(i).toUpperCase(); // a lead with this email exists (case differs)
      existing.push(i);
      duplicate = true;
    } else if (i % 250 === 7 && i > 1) {
      email = `LEAD-${i - 1}@EXAMPLE.COM`; // the row before, in capitals
      duplicate = !(i - 1 === 0 || (i - 1) % 100 === 0 || (i - 1) % 97 === 0 || (i - 1) % 50 === 25);
    }
    const company = i % 3 === 0 ? `Acme ${i}, Inc.` : `Company ${i}`;
    const name = i % 11 === 0 ? `The "Big" ${i}` : `Lead ${i}`;
    const description = i % 5 === 0 ? `First line ${i}\nSecond line, with a comma` : '';
    const value = i % 7 === 0 ? String((i % 1000) + 0.5) : '';
    lines.push(
      [name, email, company, `+1 555 ${String(i).padStart(5, '0')}`, status, 'Referral', description, value]
        .map(quote)
        .join(',')
    );
    if (refused) counts.refused += 1;
    else if (duplicate && policy === 'skip') counts.skipped += 1;
    else counts.created += 1;
  }
  return { csv: `\ufeff${lines.join('\r\n')}\r\n`, existing, expected: { total: rows, ...counts } };
};

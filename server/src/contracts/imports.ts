/* eslint-disable @typescript-eslint/no-namespace -- one namespace per route, the contract style of Strapi's content-releases */
/** CSV import of leads (SPEC §8 Import, §9 `POST /crm/leads/import`, `GET /crm/imports/:id`). */
import type { ApiError } from './errors';

export const IMPORT_STATES = ['queued', 'running', 'done', 'failed'] as const;
export type ImportState = (typeof IMPORT_STATES)[number];

export const DUPLICATE_POLICIES = ['skip', 'update', 'create'] as const;
export type DuplicatePolicy = (typeof DUPLICATE_POLICIES)[number];

/**
 * Lead fields a CSV column may fill, with the label a header may equal (case-insensitive) to be
 * matched without a mapping. `status`, `source` and `tags` take names, `assignedToEmail` the email
 * of a staff member who can be assigned leads. The conversion fields are not among them (SPEC §5).
 */
export const IMPORT_FIELDS = {
  name: 'Name',
  position: 'Position',
  email: 'Email',
  website: 'Website',
  phone: 'Phone',
  value: 'Lead value',
  company: 'Company',
  address: 'Address',
  city: 'City',
  state: 'State',
  country: 'Country',
  zip: 'Zip code',
  description: 'Description',
  isPublic: 'Public',
  contactedToday: 'Contacted today',
  lastContactAt: 'Last contact',
  status: 'Status',
  source: 'Source',
  tags: 'Tags',
  assignedToEmail: 'Assigned to (email)',
} as const;
export type ImportField = keyof typeof IMPORT_FIELDS;

/** Targets an import may never write: they belong to the conversion (SPEC §5) or to their own routes. */
export const IMPORT_FORBIDDEN_TARGETS = ['dateConverted', 'customer', 'lost', 'junk'] as const;

/** A mapping target: a lead field of IMPORT_FIELDS or a lead custom-field slug. */
export type ImportMapping = Record<string, string>;

export interface ImportDefaults {
  /** documentId of a status (not the customer status) used when a row has none. */
  status?: string | null;
  /** documentId of a source used when a row has none. */
  source?: string | null;
  /** Staff id assigned when a row names nobody. */
  assignedTo?: number | null;
  isPublic?: boolean;
}

export interface ImportOptions {
  /** CSV header → target; without it, headers equal to a field name, its label or a custom-field slug or name match. */
  mapping?: ImportMapping;
  defaults?: ImportDefaults;
  duplicates?: DuplicatePolicy;
  /** Parse and check the first rows only, write nothing, answer a preview (200). */
  dryRun?: boolean;
}

/** One refused row: its line in the file (the header is row 1), the field and what is wrong. */
export interface ImportRowError {
  row: number;
  path: string;
  message: string;
}

/**
 * What one import may make the server keep and send (finding 4): a row's errors, the length of a
 * cell quoted in a message, the unknown names one message lists, the errors a progress answer shows.
 * The errors kept per job (the refused-rows report) are `import.maxErrors` of the plugin config.
 */
export const IMPORT_LIMITS = {
  errorsPerRow: 5,
  quotedChars: 40,
  namesPerError: 3,
  progressErrors: 20,
} as const;

/** A cell's text in an error message, quoted and cut to `IMPORT_LIMITS.quotedChars`. */
export const quoteCell = (value: string) => {
  const chars = [...value];
  return `"${chars.length > IMPORT_LIMITS.quotedChars ? `${chars.slice(0, IMPORT_LIMITS.quotedChars).join('')}…` : value}"`;
};

/** The refused-rows report of a job: how much of it the job kept. */
export interface ImportReport {
  /** Errors in the report (GET /crm/imports/:id/errors.csv). */
  errors: number;
  /** Refused rows past the cap, counted in `refused` but not listed in the report. */
  unlistedRows: number;
  /** The last row the report lists when it was cut (the refused rows after it are not listed). */
  lastListedRow: number | null;
}

export interface ImportProgress {
  id: string;
  state: ImportState;
  total: number;
  processed: number;
  created: number;
  updated: number;
  skipped: number;
  /** Rows refused (one row may carry several errors). */
  refused: number;
  /** The first `IMPORT_LIMITS.progressErrors` errors of the report, in row order (the rest: errors.csv). */
  errors: ImportRowError[];
  report: ImportReport;
  /** Why a failed job stopped. */
  failure: string | null;
  fileName: string | null;
  createdAt: string;
  finishedAt: string | null;
}

/** The dry run: how the headers were matched and the first rows with their errors. */
export interface ImportPreview {
  headers: string[];
  mapping: ImportMapping;
  /** Headers that fill nothing. */
  unmapped: string[];
  total: number;
  rows: { row: number; values: Record<string, string>; errors: ImportRowError[] }[];
}

/** How many rows the dry run checks. */
export const IMPORT_PREVIEW_ROWS = 20;

/** How often the admin asks for a job's progress while it runs. */
export const IMPORT_POLL_MS = 1000;

/** POST /crm/leads/import — multipart `file` + `options` (JSON of ImportOptions); 202, or 200 with a dry run. */
export declare namespace ImportLeads {
  interface Request {
    body: { options?: string };
    files: { file: unknown };
  }
  interface Response {
    data: { id: string } | ImportPreview;
    error?: ApiError;
  }
}

/** GET /crm/imports/:id — the importer's own jobs only, unless Super Admin (404 otherwise). */
export declare namespace GetImport {
  interface Request {
    params: { id: string };
  }
  interface Response {
    data: ImportProgress;
    error?: ApiError;
  }
}

/** GET /crm/imports/:id/errors.csv — the refused rows as CSV (`row,path,message`), same access rule. */
export declare namespace GetImportErrors {
  interface Request {
    params: { id: string };
  }
}

/**
 * The CSV report of refused rows; quotes every cell and neutralises spreadsheet formulas. A report
 * cut by the job's cap ends with a line saying which refused rows it does not list.
 */
export const importErrorsCsv = (errors: ImportRowError[], report?: ImportReport) => {
  const cell = (value: string | number) => {
    const text = String(value);
    const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
    return `"${safe.replace(/"/g, '""')}"`;
  };
  const lines = ['row,field,message', ...errors.map((e) => [e.row, e.path, e.message].map(cell).join(','))];
  if (report?.unlistedRows) lines.push(['', '', `${importReportCutMessage(report)}`].map(cell).join(','));
  return lines.join('\r\n');
};

/** What a cut report says of the rows it leaves out (the CSV's last line). */
export const importReportCutMessage = ({ unlistedRows, lastListedRow }: ImportReport) =>
  `This report stops after row ${lastListedRow ?? 1}: ${unlistedRows} more refused row${unlistedRows === 1 ? ' is' : 's are'} not listed. Fix the rows above, then import the rows after row ${lastListedRow ?? 1} again.`;

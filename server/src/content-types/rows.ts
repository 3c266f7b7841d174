/**
 * Rows of the plugin's content types as the database hands them back (`strapi.db.query`, the
 * Document Service). The plugin ships no generated types, so these say what each schema.json
 * holds. A row carries only the fields a query selects and the relations it populates: every
 * field past `id` and `documentId` is optional, and a relation is a row (or rows) only when
 * populated. They are type aliases, not interfaces, so a row still fits `Record<string, unknown>`
 * (what `utils/row-values` reads).
 */
import type { CustomFieldType } from '../contracts';

/** A timestamp: a `Date` from the query engine, an ISO string from the Document Service. */
type Timestamp = string | Date;

/** A row read with `select` (or `fields`) naming `K`: those fields are there. */
export type Selected<R, K extends keyof R> = R & { [P in K]-?: Exclude<R[P], undefined> };

type BaseRow = {
  id: number;
  documentId: string;
  createdAt?: Timestamp;
  updatedAt?: Timestamp;
  createdBy?: StaffRow | null;
  updatedBy?: StaffRow | null;
};

/** An admin user (`admin::user`) as the CRM reads it: a staff member. */
export type StaffRow = {
  id: number;
  firstname?: string | null;
  lastname?: string | null;
  email?: string;
  isActive?: boolean;
  blocked?: boolean;
};

/** A file of the upload plugin (`plugin::upload.file`). */
export type FileRow = BaseRow & {
  name?: string;
  /** Where the file is stored; the plugin always reads a file's row whole. */
  hash: string;
  ext?: string | null;
  mime?: string;
  /** kB, with two decimals, as the upload plugin stores it. */
  size?: number;
  url?: string;
  provider?: string;
  folderPath?: string;
};

export type StatusRow = BaseRow & {
  name?: string;
  color?: string | null;
  order?: number | null;
  isCustomerStatus?: boolean | null;
};

/** A lead source or a tag: a name. */
export type NamedRow = BaseRow & { name?: string };

export type CustomFieldRow = BaseRow & {
  name?: string;
  slug?: string;
  target?: 'lead' | 'customer';
  type?: CustomFieldType;
  options?: unknown;
  required?: boolean | null;
  active?: boolean | null;
  personal?: boolean | null;
  webForm?: boolean | null;
  order?: number | null;
};

/** The fields a lead and a customer share. */
type ContactFields = {
  position?: string | null;
  company?: string | null;
  email?: string | null;
  phone?: string | null;
  website?: string | null;
  address?: string | null;
  city?: string | null;
  state?: string | null;
  zip?: string | null;
  country?: string | null;
  description?: string | null;
  customFields?: Record<string, unknown> | null;
  tags?: NamedRow[];
  attachments?: FileRow[] | null;
};

export type LeadRow = BaseRow &
  ContactFields & {
    name?: string;
    leadStatus?: StatusRow | null;
    source?: NamedRow | null;
    assignedTo?: StaffRow | null;
    /** A decimal: a string on PostgreSQL. */
    value?: number | string | null;
    isPublic?: boolean | null;
    contactedToday?: boolean | null;
    lastContactAt?: Timestamp | null;
    lost?: boolean | null;
    junk?: boolean | null;
    dateConverted?: Timestamp | null;
    customer?: CustomerRow | null;
  };

export type CustomerRow = BaseRow &
  ContactFields & {
    fullName?: string | null;
    firstName?: string;
    lastName?: string | null;
    lead?: LeadRow | null;
    user?: { id: number; email?: string } | null;
  };

/** What every section record (note, task, reminder, opportunity) belongs to. */
type SectionParent = { lead?: LeadRow | null; customer?: CustomerRow | null };

export type NoteRow = BaseRow & SectionParent & { body?: string; author?: StaffRow | null };

export type TaskRow = BaseRow &
  SectionParent & {
    title?: string;
    dueDate?: string | null;
    status?: 'open' | 'done' | null;
    assignedTo?: StaffRow | null;
  };

export type ReminderRow = BaseRow &
  SectionParent & {
    remindAt?: Timestamp;
    message?: string;
    notified?: boolean | null;
    staff?: StaffRow | null;
  };

export type OpportunityRow = BaseRow &
  SectionParent & {
    name?: string;
    value?: number | string | null;
    stage?: string | null;
    closeDate?: string | null;
  };

export type ActivityRow = BaseRow &
  SectionParent & {
    action: string;
    actor?: StaffRow | null;
    data?: Record<string, unknown> | null;
  };

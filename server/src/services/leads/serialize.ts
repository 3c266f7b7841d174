/** Shapes of the lead as the HTTP API answers it (SPEC §9): staff as id and names, never an email. */

interface StaffRow {
  id: number | string;
  firstname?: string | null;
  lastname?: string | null;
}

type Row = Record<string, unknown> & { documentId: string };

export const staff = (user: StaffRow | null | undefined) =>
  user ? { id: Number(user.id), firstname: user.firstname ?? null, lastname: user.lastname ?? null } : null;

const pick = (row: Row | null | undefined, keys: string[]) =>
  row ? Object.fromEntries([['documentId', row.documentId], ...keys.map((k) => [k, row[k] ?? null])]) : null;

export const status = (row: Row | null | undefined) =>
  pick(row, ['name', 'color', 'order', 'isCustomerStatus']);
export const source = (row: Row | null | undefined) => pick(row, ['name']);
export const tag = (row: Row) => pick(row, ['name']);

const SCALARS = [
  'name',
  'position',
  'email',
  'website',
  'phone',
  'value',
  'company',
  'address',
  'city',
  'state',
  'country',
  'zip',
  'description',
  'isPublic',
  'contactedToday',
  'lastContactAt',
  'lost',
  'junk',
  'dateConverted',
  'createdAt',
  'updatedAt',
];

/** A lead in a list: scalars, status, source, assignee and tags. */
export const leadSummary = (lead: Row) => ({
  documentId: lead.documentId,
  ...Object.fromEntries(SCALARS.map((k) => [k, lead[k] ?? null])),
  value: lead.value === null || lead.value === undefined ? null : Number(lead.value),
  status: status(lead.leadStatus as Row),
  source: source(lead.source as Row),
  assignedTo: staff(lead.assignedTo as StaffRow),
  tags: ((lead.tags as Row[]) ?? []).map(tag),
});

/** A lead with everything its profile shows. */
export const leadDetail = (lead: Row) => ({
  ...leadSummary(lead),
  customFields: (lead.customFields as Record<string, unknown>) ?? {},
  createdBy: staff(lead.createdBy as StaffRow),
  customer: pick(lead.customer as Row, ['firstName', 'lastName', 'email', 'company']),
  attachments: ((lead.attachments as Row[]) ?? []).map((file) =>
    pick(file, ['name', 'url', 'mime', 'size', 'createdAt'])
  ),
});

export type LeadSummary = ReturnType<typeof leadSummary>;
export type LeadDetail = ReturnType<typeof leadDetail>;

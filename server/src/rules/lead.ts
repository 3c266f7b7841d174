import type { FieldError } from '../errors';

/** What the lead rules compare before and after a write. */
export interface LeadState {
  statusId: number | null;
  customerStatus: boolean;
  /** ms since the epoch: drivers return dates as strings, numbers or Date objects. */
  dateConverted: number | null;
  customerId: number | null;
  lost: boolean;
  junk: boolean;
  attachmentIds: number[];
}

interface LeadRow {
  leadStatus?: { id: number; isCustomerStatus?: boolean | null } | null;
  dateConverted?: string | number | Date | null;
  customer?: { id: number } | null;
  lost?: boolean | null;
  junk?: boolean | null;
  attachments?: { id: number }[] | null;
}

/** The relations `stateOf` reads, for a query's `populate`. */
export const LEAD_STATE_POPULATE = {
  leadStatus: { select: ['id', 'isCustomerStatus'] },
  customer: { select: ['id'] },
  attachments: { select: ['id'] },
};

/** A stored lead (a query row or a document, with `LEAD_STATE_POPULATE`) as the rules compare it. */
export const stateOf = (stored: object): LeadState => {
  const row = stored as LeadRow;
  return {
    statusId: row.leadStatus?.id ?? null,
    customerStatus: !!row.leadStatus?.isCustomerStatus,
    dateConverted: row.dateConverted ? new Date(row.dateConverted).getTime() : null,
    customerId: row.customer?.id ?? null,
    lost: !!row.lost,
    junk: !!row.junk,
    attachmentIds: (row.attachments ?? []).map((file) => file.id),
  };
};

export const MESSAGES = {
  conversionOnly: 'is written by the conversion only',
  customerStatus: 'is the customer status: a lead gets it by being converted',
  convertedStatus: 'of a converted lead stays the customer status',
  convertedMove: 'A converted lead keeps the customer status: it cannot be moved to another status',
  convertedFlag: 'cannot be set on a converted lead',
  locked: 'This lead was converted: only users who see every lead may still edit it',
  hidden: 'This change would leave the lead outside what you may see',
  attachmentsRoute: "takes new files through the record's Attachments only, where their content is checked",
} as const;

/**
 * SPEC §5, "conversion fields belong to the conversion": what a write other than the conversion
 * did to them, field by field (empty when it left them alone). Every path checks the state
 * after its write with this one function: plugin routes, the board, bulk actions, the Content
 * Manager, imports.
 */
export const conversionFieldErrors = (before: LeadState | null, after: LeadState): FieldError[] => {
  const errors: FieldError[] = [];
  const was = before ?? { dateConverted: null, customerId: null, customerStatus: false, statusId: null };
  if (was.dateConverted !== after.dateConverted)
    errors.push({ path: ['dateConverted'], message: MESSAGES.conversionOnly });
  if (was.customerId !== after.customerId)
    errors.push({ path: ['customer'], message: MESSAGES.conversionOnly });
  if (was.dateConverted !== null && was.statusId !== after.statusId)
    errors.push({ path: ['leadStatus'], message: MESSAGES.convertedStatus });
  else if (after.customerStatus && !was.customerStatus)
    errors.push({ path: ['leadStatus'], message: MESSAGES.customerStatus });
  if (after.dateConverted !== null) {
    if (after.lost) errors.push({ path: ['lost'], message: MESSAGES.convertedFlag });
    if (after.junk) errors.push({ path: ['junk'], message: MESSAGES.convertedFlag });
  }
  return errors;
};

/** `lockConvertedLeads`: a converted lead is edited only by users who see every lead. */
export const isLocked = (
  before: LeadState | null,
  { locked, readsAll }: { locked: boolean; readsAll: boolean }
) => locked && !readsAll && before?.dateConverted != null;

/** The files a write newly attached to a lead (they must not belong to another record). */
export const addedAttachments = (before: LeadState | null, after: LeadState) =>
  after.attachmentIds.filter((id) => !before?.attachmentIds.includes(id));

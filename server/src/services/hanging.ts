import { UID } from '../uids';

/** The CRM types that are a lead or hang off one (SPEC §3.1): visibility follows the lead. */
export const HANGING_TYPES = [
  UID.lead,
  UID.customer,
  UID.note,
  UID.task,
  UID.reminder,
  UID.opportunity,
  UID.activity,
] as const;

/** The types whose rows point to a lead or a customer: the lead's sections and its log. */
export const SECTION_TYPES = [UID.note, UID.task, UID.reminder, UID.opportunity, UID.activity] as const;

export type HangingUid = (typeof HANGING_TYPES)[number];

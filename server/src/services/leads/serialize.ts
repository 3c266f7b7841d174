/** Shapes of the lead as the HTTP API answers it (SPEC §9): staff as id and names, never an email. */
import type { LeadDetail, LeadSummary, NamedRef, StaffRef, StatusRef } from '../../contracts';
import { isoDate as date, number, record, row, rows, text, type Row } from '../../utils/row-values';

/** An admin user as any query hands it back (a row, a populated relation): id and names only. */
export const staff = (user: unknown): StaffRef | null => {
  if (!user || typeof user !== 'object') return null;
  const { id, firstname, lastname } = record(user);
  return { id: Number(id), firstname: text(firstname), lastname: text(lastname) };
};

/** A status as answers show it; a board column's (always there) is never null. */
export function status(value: Row): StatusRef;
export function status(value: Row | null | undefined): StatusRef | null;
export function status(value: Row | null | undefined): StatusRef | null {
  return value
    ? {
        documentId: value.documentId,
        name: String(value.name ?? ''),
        color: text(value.color),
        order: number(value.order),
        isCustomerStatus: value.isCustomerStatus === true,
      }
    : null;
}

const named = (value: Row | null | undefined): NamedRef | null =>
  value ? { documentId: value.documentId, name: String(value.name ?? '') } : null;
export const source = named;
export const tag = (value: Row): NamedRef => ({
  documentId: value.documentId,
  name: String(value.name ?? ''),
});

/** A lead in a list: scalars, status, source, assignee and tags. */
export const leadSummary = (lead: Row): LeadSummary => ({
  documentId: lead.documentId,
  name: String(lead.name ?? ''),
  position: text(lead.position),
  email: text(lead.email),
  website: text(lead.website),
  phone: text(lead.phone),
  value: number(lead.value),
  company: text(lead.company),
  address: text(lead.address),
  city: text(lead.city),
  state: text(lead.state),
  country: text(lead.country),
  zip: text(lead.zip),
  description: text(lead.description),
  isPublic: lead.isPublic === true,
  contactedToday:
    lead.contactedToday === undefined || lead.contactedToday === null ? null : Boolean(lead.contactedToday),
  lastContactAt: date(lead.lastContactAt),
  lost: lead.lost === true,
  junk: lead.junk === true,
  dateConverted: date(lead.dateConverted),
  createdAt: date(lead.createdAt) ?? '',
  updatedAt: date(lead.updatedAt) ?? '',
  status: status(row(lead.leadStatus)),
  source: source(row(lead.source)),
  assignedTo: staff(lead.assignedTo),
  tags: rows(lead.tags).map(tag),
});

/** A lead with everything its profile shows. */
export const leadDetail = (lead: Row): LeadDetail => {
  const customer = row(lead.customer);
  return {
    ...leadSummary(lead),
    customFields: record(lead.customFields),
    createdBy: staff(lead.createdBy),
    customer: customer
      ? {
          documentId: customer.documentId,
          firstName: String(customer.firstName ?? ''),
          lastName: text(customer.lastName),
          email: text(customer.email),
          company: text(customer.company),
        }
      : null,
    attachments: rows(lead.attachments).map((file) => ({
      documentId: file.documentId,
      name: String(file.name ?? ''),
      url: String(file.url ?? ''),
      mime: String(file.mime ?? ''),
      size: Number(file.size ?? 0),
      createdAt: date(file.createdAt) ?? '',
    })),
  };
};

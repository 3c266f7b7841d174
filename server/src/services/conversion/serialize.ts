import type { CustomerDetail } from '../../contracts';
import { isoDate, record, row, rows, text, type Row } from '../../utils/row-values';
import { staff, tag } from '../leads/serialize';

/** A customer as the API answers it: its portal login by id and email only, its origin lead by id and name. */
export const customerDetail = (customer: Row): CustomerDetail => {
  const user = row(customer.user);
  const lead = row(customer.lead);
  return {
    documentId: customer.documentId,
    firstName: String(customer.firstName ?? ''),
    lastName: text(customer.lastName),
    position: text(customer.position),
    company: text(customer.company),
    email: text(customer.email),
    phone: text(customer.phone),
    website: text(customer.website),
    address: text(customer.address),
    city: text(customer.city),
    state: text(customer.state),
    zip: text(customer.zip),
    country: text(customer.country),
    description: text(customer.description),
    createdAt: isoDate(customer.createdAt) ?? '',
    updatedAt: isoDate(customer.updatedAt) ?? '',
    customFields: record(customer.customFields),
    tags: rows(customer.tags).map(tag),
    user: user ? { id: Number(user.id), email: String(user.email ?? '') } : null,
    lead: lead ? { documentId: lead.documentId, name: String(lead.name ?? '') } : null,
    createdBy: staff(row(customer.createdBy) as Parameters<typeof staff>[0]),
  };
};

export const CUSTOMER_POPULATE = {
  tags: { fields: ['name'] },
  user: { fields: ['email'] },
  lead: { fields: ['name'] },
  createdBy: { fields: ['firstname', 'lastname'] },
};

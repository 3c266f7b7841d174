import { CUSTOMER_CONTACT_FIELDS } from '../../content-types/customer/fields';
import { staff } from '../leads/serialize';

type Row = Record<string, unknown> & { documentId: string };

const FIELDS = [...CUSTOMER_CONTACT_FIELDS, 'description', 'createdAt', 'updatedAt'];

/** A customer as the API answers it: its portal login by id and email only, its origin lead by id and name. */
export const customerDetail = (customer: Row) => {
  const user = customer.user as { id: number; email: string } | null | undefined;
  const lead = customer.lead as Row | null | undefined;
  return {
    documentId: customer.documentId,
    ...Object.fromEntries(FIELDS.map((f) => [f, customer[f] ?? null])),
    customFields: (customer.customFields as Record<string, unknown>) ?? {},
    tags: ((customer.tags as Row[]) ?? []).map((t) => ({ documentId: t.documentId, name: t.name })),
    user: user ? { id: user.id, email: user.email } : null,
    lead: lead ? { documentId: lead.documentId, name: lead.name ?? null } : null,
    createdBy: staff(customer.createdBy as never),
  };
};

export const CUSTOMER_POPULATE = {
  tags: { fields: ['name'] },
  user: { fields: ['email'] },
  lead: { fields: ['name'] },
  createdBy: { fields: ['firstname', 'lastname'] },
};

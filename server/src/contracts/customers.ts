/** A customer as the admin routes answer it (the conversion's result). */
import type { NamedRef, StaffRef } from './reference';

export interface CustomerDetail {
  documentId: string;
  firstName: string;
  lastName: string | null;
  position: string | null;
  company: string | null;
  email: string | null;
  phone: string | null;
  website: string | null;
  address: string | null;
  city: string | null;
  state: string | null;
  zip: string | null;
  country: string | null;
  description: string | null;
  createdAt: string;
  updatedAt: string;
  customFields: Record<string, unknown>;
  tags: NamedRef[];
  /** The portal login: its id and email, never more. */
  user: { id: number; email: string } | null;
  /** The lead it came from. */
  lead: { documentId: string; name: string } | null;
  createdBy: StaffRef | null;
}

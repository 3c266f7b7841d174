/** Shapes of the plugin's admin HTTP API (SPEC §9), as the admin panel reads them. */

export interface StaffRef {
  id: number;
  firstname: string | null;
  lastname: string | null;
}

export interface StatusRef {
  documentId: string;
  name: string;
  color: string | null;
  order: number | null;
  isCustomerStatus: boolean;
}

export interface NamedRef {
  documentId: string;
  name: string;
}

export interface LeadSummary {
  documentId: string;
  name: string;
  position: string | null;
  email: string | null;
  website: string | null;
  phone: string | null;
  value: number | null;
  company: string | null;
  address: string | null;
  city: string | null;
  state: string | null;
  country: string | null;
  zip: string | null;
  description: string | null;
  isPublic: boolean;
  contactedToday: boolean | null;
  lastContactAt: string | null;
  lost: boolean;
  junk: boolean;
  dateConverted: string | null;
  createdAt: string;
  updatedAt: string;
  status: StatusRef | null;
  source: NamedRef | null;
  assignedTo: StaffRef | null;
  tags: NamedRef[];
}

export interface LeadDetail extends LeadSummary {
  customFields: Record<string, unknown>;
  createdBy: StaffRef | null;
  customer: {
    documentId: string;
    firstName: string;
    lastName: string | null;
    email: string | null;
    company: string | null;
  } | null;
  attachments: {
    documentId: string;
    name: string;
    url: string;
    mime: string;
    size: number;
    createdAt: string;
  }[];
}

export interface Pagination {
  page: number;
  pageSize: number;
  pageCount: number;
  total: number;
}

export interface ListResponse<T> {
  data: T[];
  meta: { pagination: Pagination };
}

export interface BoardColumn {
  status: StatusRef;
  total: number;
  leads: LeadSummary[];
}

export type CustomFieldType =
  'text' | 'textarea' | 'number' | 'date' | 'select' | 'multiselect' | 'checkbox' | 'url' | 'email';

export interface CustomFieldDefinition {
  documentId: string;
  name: string;
  slug: string;
  type: CustomFieldType;
  options: string[] | null;
  required: boolean;
  active: boolean;
}

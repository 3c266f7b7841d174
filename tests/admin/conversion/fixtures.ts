import type { ApiError, ConvertLead, ErrorResponse, GetConversion } from '../../../server/src/contracts';
import { CUSTOMER, lead, SAM } from '../profile/fixtures';

export const API = 'http://localhost:1337';
export const LEAD_ID = 'lead-doc-1';

/** A prefill as `GET /crm/leads/:id/conversion` answers it for "Mary Ann de la Cruz". */
export const prefill = (overrides: Partial<GetConversion.Response['data']> = {}): GetConversion.Response => ({
  data: {
    customer: {
      firstName: 'Mary',
      lastName: 'Ann de la Cruz',
      position: 'CTO',
      company: 'Cruz & Co',
      email: 'mary@cruz.example',
      phone: null,
      website: 'https://cruz.example',
      address: null,
      city: 'Paris',
      state: null,
      zip: '75001',
      country: 'France',
    },
    customFields: [
      { slug: 'budget', name: 'Budget', type: 'number', value: 12000, suggestedMerge: 'custom' },
      { slug: 'mobile', name: 'Mobile', type: 'text', value: '+33 6 12 34 56 78', suggestedMerge: 'custom' },
      { slug: 'notes', name: 'Notes', type: 'textarea', value: null, suggestedMerge: 'skip' },
    ],
    targets: [
      { field: 'lastName', type: 'text' },
      { field: 'email', type: 'email' },
      { field: 'phone', type: 'text' },
      { field: 'website', type: 'url' },
      { field: 'description', type: 'textarea' },
    ],
    existingCustomer: null,
    passwordPolicy: { minLength: 12 },
    ...overrides,
  },
});

export const converted: ConvertLead.Response = {
  data: {
    customer: {
      documentId: 'customer-doc-1',
      firstName: 'Mary',
      lastName: 'Ann de la Cruz',
      position: 'CTO',
      company: 'Cruz & Co',
      email: 'mary@cruz.example',
      phone: null,
      website: 'https://cruz.example',
      address: null,
      city: 'Paris',
      state: null,
      zip: '75001',
      country: 'France',
      description: null,
      createdAt: '2026-11-30T10:00:00.000Z',
      updatedAt: '2026-11-30T10:00:00.000Z',
      customFields: { budget: 12000 },
      tags: [],
      user: null,
      lead: { documentId: LEAD_ID, name: 'Mary Ann de la Cruz' },
      createdBy: SAM,
    },
    lead: lead({
      documentId: LEAD_ID,
      name: 'Mary Ann de la Cruz',
      status: CUSTOMER,
      dateConverted: '2026-11-30T10:00:00.000Z',
    }),
  },
};

export const envelope = (
  status: number,
  name: string,
  message: string,
  details: ApiError['details'] = {}
): ErrorResponse => ({
  data: null,
  error: { status, name, message, details },
});

import { useFetchClient } from '@strapi/strapi/admin';
import { useCallback } from 'react';
import { CUSTOMER_CONTACT_FIELDS } from '../../../server/src/content-types/customer/fields';
import type { CustomFieldType } from './types';
import { useRequest } from './useRequest';

/** The standard customer fields, in the order the dialog shows them: the server's own list. */
export const CUSTOMER_FIELDS = CUSTOMER_CONTACT_FIELDS;

export type CustomerField = (typeof CUSTOMER_FIELDS)[number];
export type CustomerDraft = Record<CustomerField, string>;
export type MergeChoice = 'custom' | 'database' | 'skip';

export interface CustomerSummary {
  documentId: string;
  firstName: string;
  lastName: string | null;
  email: string | null;
  company: string | null;
}

/** `GET /crm/leads/:id/conversion` (SPEC §6). */
export interface ConversionPrefill {
  customer: Partial<Record<CustomerField, string | null>>;
  customFields: {
    slug: string;
    name: string;
    type: CustomFieldType;
    value: unknown;
    suggestedMerge: MergeChoice;
    suggestedTarget?: string;
  }[];
  targets: { field: string; type: 'text' | 'email' | 'url' | 'textarea' }[];
  existingCustomer: CustomerSummary | null;
  passwordPolicy?: { minLength: number };
}

/** `POST /crm/leads/:id/convert` (SPEC §6). */
export interface ConvertRequest {
  customer: Partial<Record<CustomerField, string | null>>;
  customFields: { slug: string; merge: MergeChoice; target?: string }[];
  login: { enabled: boolean; password?: string; sendWelcomeEmail: boolean };
  transferNotes: boolean;
  followUpTask?: { title: string; dueDate?: string; assignedTo?: number };
  existingCustomerId?: string;
}

export interface ConvertResponse {
  data: { customer: { documentId: string; firstName: string; lastName: string | null }; lead: unknown };
}

const leadPath = (documentId: string) => `/crm/leads/${encodeURIComponent(documentId)}`;

export const useConversionPrefill = (leadId: string) =>
  useRequest<{ data: ConversionPrefill }>(`${leadPath(leadId)}/conversion`);

/** Converts the lead; throws the server's error envelope (400, 404, 409) as the fetch client does. */
export const useConvertLead = () => {
  const { post } = useFetchClient();
  return useCallback(
    async (leadId: string, body: ConvertRequest) =>
      (await post<ConvertResponse>(`${leadPath(leadId)}/convert`, body)).data.data,
    [post]
  );
};

/** Where the Content Manager edits a customer. */
export const customerEditPath = (documentId: string) =>
  `/content-manager/collection-types/plugin::crm.customer/${documentId}`;

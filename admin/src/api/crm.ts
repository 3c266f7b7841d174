import { adminApi } from '@strapi/strapi/admin';
import { LEAD_UID } from '../../../server/src/contracts';

/**
 * The CRM's slice of the admin panel's RTK Query api. Tags: one lead (`CrmLead`, by id), the list
 * and the board, a lead's sections (`CrmSection`, `<kind>:<leadId>`), activity and files (by lead
 * id), the conversion prefill, and reference data; `Document` is the Content Manager's own.
 */
export const crmApi = adminApi.enhanceEndpoints({
  addTagTypes: [
    'CrmLead',
    'CrmLeadList',
    'CrmBoard',
    'CrmSection',
    'CrmActivity',
    'CrmAttachment',
    'CrmConversion',
    'CrmReference',
    'Document',
  ],
});

export const leadPath = (documentId: string, rest = '') =>
  `/crm/leads/${encodeURIComponent(documentId)}${rest}`;

/** What a write on a lead makes stale besides the lead itself: the list, the board, its log and prefill. */
export const aroundLead = (documentId: string) =>
  [
    { type: 'CrmLeadList' },
    { type: 'CrmBoard' },
    { type: 'CrmActivity', id: documentId },
    { type: 'CrmConversion', id: documentId },
    // the Content Manager caches the lead too: have its edit view and list read it again
    { type: 'Document', id: `${LEAD_UID}_${documentId}` },
    { type: 'Document', id: `${LEAD_UID}_LIST` },
  ] as const;

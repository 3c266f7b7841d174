import { useState } from 'react';
import {
  CUSTOMER_FIELDS,
  type ConversionPrefill,
  type ConvertInput,
  type CustomerField,
  type CustomerTarget,
  type MergeChoice,
} from '../../../../server/src/contracts';
import { targetsFor } from './targets';

/** The customer form's values, every field as text. */
export type CustomerDraft = Record<CustomerField, string>;

export interface MergeDraft {
  merge: MergeChoice;
  target: string;
}

export interface ConversionDraft {
  customer: CustomerDraft;
  merges: Record<string, MergeDraft>;
  login: { enabled: boolean; password: string; sendWelcomeEmail: boolean };
  transferNotes: boolean;
  followUp: { enabled: boolean; title: string; dueDate: string; assignedTo: string };
  /** Merge into the customer who already has this email instead of creating one. */
  mergeIntoExisting: boolean;
}

const initialDraft = (prefill: ConversionPrefill): ConversionDraft => ({
  customer: Object.fromEntries(
    CUSTOMER_FIELDS.map((field) => [field, prefill.customer[field] ?? ''])
  ) as CustomerDraft,
  merges: Object.fromEntries(
    prefill.customFields.map((field) => {
      const targets = targetsFor(prefill, field);
      const target =
        field.suggestedTarget && targets.some((t) => t.field === field.suggestedTarget)
          ? field.suggestedTarget
          : (targets[0]?.field ?? '');
      return [field.slug, { merge: field.suggestedMerge, target }];
    })
  ),
  login: { enabled: false, password: '', sendWelcomeEmail: true },
  transferNotes: true,
  followUp: { enabled: false, title: '', dueDate: '', assignedTo: '' },
  mergeIntoExisting: false,
});

/** The request body: empty texts become null, every custom field is listed in prefill order. */
export const toRequest = (
  draft: ConversionDraft,
  prefill: ConversionPrefill,
  existingCustomerId: string | undefined
): ConvertInput => ({
  customer: Object.fromEntries(
    CUSTOMER_FIELDS.map((field) => {
      const value = draft.customer[field].trim();
      return [field, value === '' && field !== 'firstName' ? null : value];
    })
  ),
  customFields: prefill.customFields.map(({ slug }) => {
    const { merge, target } = draft.merges[slug];
    // an empty target is sent as such: the server names the field that needs one
    return merge === 'database' ? { slug, merge, target: target as CustomerTarget } : { slug, merge };
  }),
  login: {
    enabled: draft.login.enabled,
    ...(draft.login.enabled && draft.login.password ? { password: draft.login.password } : {}),
    sendWelcomeEmail: draft.login.enabled && draft.login.sendWelcomeEmail,
  },
  transferNotes: draft.transferNotes,
  ...(draft.followUp.enabled
    ? {
        followUpTask: {
          title: draft.followUp.title,
          ...(draft.followUp.dueDate ? { dueDate: draft.followUp.dueDate } : {}),
          ...(draft.followUp.assignedTo ? { assignedTo: Number(draft.followUp.assignedTo) } : {}),
        },
      }
    : {}),
  ...(draft.mergeIntoExisting && existingCustomerId ? { existingCustomerId } : {}),
});

/** The dialog's editable state, started from the prefill, with one updater per part. */
export const useConversionDraft = (prefill: ConversionPrefill) => {
  const [draft, setDraft] = useState(() => initialDraft(prefill));
  return {
    draft,
    setCustomer: (field: keyof CustomerDraft, value: string) =>
      setDraft((d) => ({ ...d, customer: { ...d.customer, [field]: value } })),
    setMerge: (slug: string, change: Partial<MergeDraft>) =>
      setDraft((d) => ({ ...d, merges: { ...d.merges, [slug]: { ...d.merges[slug], ...change } } })),
    setLogin: (change: Partial<ConversionDraft['login']>) =>
      setDraft((d) => ({ ...d, login: { ...d.login, ...change } })),
    setFollowUp: (change: Partial<ConversionDraft['followUp']>) =>
      setDraft((d) => ({ ...d, followUp: { ...d.followUp, ...change } })),
    setTransferNotes: (transferNotes: boolean) => setDraft((d) => ({ ...d, transferNotes })),
    setMergeIntoExisting: (mergeIntoExisting: boolean) => setDraft((d) => ({ ...d, mergeIntoExisting })),
  };
};

export type DraftControls = ReturnType<typeof useConversionDraft>;

import { useCallback, useMemo, useState } from 'react';
import type { LeadDetail } from '../../../../server/src/contracts';
import { rebase, toDraft, type LeadDraft } from './leadDraft';

/**
 * The general form's edits and errors, held above the tabs so that looking at another tab does not
 * lose them. When the lead changes under it (lost, anonymized, saved), untouched fields follow.
 */
export const useLeadDraft = (lead: LeadDetail) => {
  const initial = useMemo(() => toDraft(lead), [lead]);
  const [draft, setDraft] = useState<LeadDraft>(initial);
  const [base, setBase] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  if (base !== initial) {
    setBase(initial);
    setDraft((current) => rebase(base, initial, current));
  }
  const reset = useCallback(() => {
    setDraft(initial);
    setErrors({});
  }, [initial]);
  return { initial, draft, setDraft, errors, setErrors, reset };
};

export type LeadDraftState = ReturnType<typeof useLeadDraft>;

import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { readFilterState, writeFilterState, type LeadFilterState } from './leadQuery';

export type LeadView = 'list' | 'board';

/** The Leads page's view and filters, kept in the URL. Changing a filter goes back to page 1. */
export const useLeadFilters = () => {
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => readFilterState(params), [params]);
  const view: LeadView = params.get('view') === 'board' ? 'board' : 'list';

  const update = useCallback(
    (change: Partial<LeadFilterState>, nextView: LeadView = view) => {
      const keepsPage = Object.keys(change).every((key) => key === 'page' || key === 'pageSize');
      const next = { ...state, ...change, ...(keepsPage ? {} : { page: 1 }) };
      setParams(writeFilterState(next, nextView));
    },
    [state, view, setParams]
  );

  const setView = useCallback(
    (next: LeadView) => setParams(writeFilterState(state, next)),
    [state, setParams]
  );
  const clear = useCallback(
    () => setParams(writeFilterState(readFilterState(new URLSearchParams()), view)),
    [view, setParams]
  );

  return { state, view, update, setView, clear };
};

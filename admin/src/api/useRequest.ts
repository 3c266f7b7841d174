import { useFetchClient } from '@strapi/strapi/admin';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { toApiFailure, type ApiFailure } from './errors';

export type RequestState<T> =
  | { status: 'loading'; data?: T }
  | { status: 'error'; error: ApiFailure; data?: T }
  | { status: 'success'; data: T };

/**
 * GETs `url` (nothing while it is null) and keeps the answer; `reload()` asks again. The previous
 * data stays visible while a new page loads, so lists do not flash empty.
 */
export const useRequest = <T>(url: string | null) => {
  const { get } = useFetchClient();
  const [state, setState] = useState<RequestState<T>>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    if (url === null) return;
    const controller = new AbortController();
    setState((previous) => ({ status: 'loading', data: previous.data }));
    get<T>(url, { signal: controller.signal })
      .then(({ data }) => setState({ status: 'success', data }))
      .catch((error) => {
        if (!controller.signal.aborted) setState({ status: 'error', error: toApiFailure(error) });
      });
    return () => controller.abort();
  }, [get, url, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const setData = useCallback((data: T) => setState({ status: 'success', data }), []);
  return useMemo(() => ({ ...state, reload, setData }), [state, reload, setData]);
};

import { useAPIErrorHandler } from '@strapi/strapi/admin';
import { useCallback } from 'react';
import { fieldErrorsOf, type ApiError } from '../../../server/src/contracts';

/** A failed request as the UI shows it: the message, and each field's message by path. */
export interface ApiFailure {
  status: number | undefined;
  name: string | undefined;
  message: string;
  /** `details.errors[]` keyed by their path joined with dots (`login.password`, `customer.email`). */
  fieldErrors: Record<string, string>;
  details: ApiError['details'];
}

/**
 * Reads what an RTK Query call failed with (Strapi's error envelope, or a network error) through
 * the admin's `useAPIErrorHandler`.
 */
export const useApiFailure = () => {
  const { _unstableFormatAPIError: formatAPIError } = useAPIErrorHandler();
  return useCallback(
    (error: unknown): ApiFailure => {
      const apiError = (error ?? {}) as Partial<ApiError>;
      return {
        status: typeof apiError.status === 'number' ? apiError.status : undefined,
        name: apiError.name,
        message: formatAPIError(apiError as Parameters<typeof formatAPIError>[0]),
        fieldErrors: fieldErrorsOf(apiError),
        details: apiError.details,
      };
    },
    [formatAPIError]
  );
};

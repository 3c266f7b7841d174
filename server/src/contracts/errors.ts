import type { CustomerSummary } from './conversion';

/**
 * Strapi's error envelope, as every plugin route answers a failure (SPEC §9). Shared by the
 * server's controllers and the admin panel; no server import may enter this folder.
 */

/** One field's problem: `path` names it (`['customer', 'email']`), `message` says what is wrong. */
export interface FieldError {
  path: (string | number)[];
  message: string;
  name?: string;
}

export interface ApiError {
  status: number;
  name: string;
  message: string;
  details?: {
    errors?: FieldError[];
    /** On a 409 from the conversion: the customer who already has the lead's email. */
    existingCustomer?: CustomerSummary;
    [key: string]: unknown;
  };
}

export interface ErrorResponse {
  data: null;
  error: ApiError;
}

/** `details.errors[]` keyed by their path joined with dots (`login.password`, `customer.email`). */
export const fieldErrorsOf = (error: Pick<ApiError, 'details'> | undefined): Record<string, string> => {
  const byPath: Record<string, string> = {};
  for (const item of error?.details?.errors ?? []) {
    const key = (item.path ?? []).join('.');
    if (key && !byPath[key]) byPath[key] = item.message ?? '';
  }
  return byPath;
};

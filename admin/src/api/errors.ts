import { isFetchError } from '@strapi/strapi/admin';

/** A failed request as the UI shows it: Strapi's error envelope, with each field's message by path. */
export interface ApiFailure {
  status: number | undefined;
  name: string | undefined;
  message: string;
  /** `details.errors[]` keyed by their path joined with dots (`login.password`, `customer.email`). */
  fieldErrors: Record<string, string>;
}

interface EnvelopeError {
  status?: number;
  name?: string;
  message?: string;
  details?: { errors?: { path?: (string | number)[]; message?: string }[] };
}

/** Reads Strapi's error envelope out of whatever the fetch client threw. */
export const toApiFailure = (error: unknown): ApiFailure => {
  const envelope: EnvelopeError | undefined = isFetchError(error)
    ? (error.response?.data?.error as EnvelopeError | undefined)
    : undefined;
  const fieldErrors: Record<string, string> = {};
  for (const item of envelope?.details?.errors ?? []) {
    const key = (item.path ?? []).join('.');
    if (key && !fieldErrors[key]) fieldErrors[key] = item.message ?? '';
  }
  return {
    status: envelope?.status ?? (isFetchError(error) ? error.status : undefined),
    name: envelope?.name,
    message: envelope?.message ?? (error instanceof Error ? error.message : String(error)),
    fieldErrors,
  };
};

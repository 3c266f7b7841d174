import { errors } from '@strapi/utils';
import createHttpError from 'http-errors';

export const { ValidationError, NotFoundError, ForbiddenError, ApplicationError } = errors;

export interface FieldError {
  path: string[];
  message: string;
}

/** A 400 naming every bad field, in the shape of Strapi's own yup errors. */
export const validationError = (fieldErrors: FieldError[], message?: string) =>
  new ValidationError(
    message ??
      (fieldErrors.length === 1
        ? `${fieldErrors[0].path.join('.')} ${fieldErrors[0].message}`
        : `${fieldErrors.length} errors occurred`),
    { errors: fieldErrors.map((e) => ({ ...e, name: 'ValidationError' })) }
  );

/**
 * 409: Strapi's error middleware renders http-errors in its envelope
 * (`{ data: null, error: { status: 409, name: 'ConflictError', message, details } }`).
 */
export const conflictError = (message: string, details: Record<string, unknown> = {}) =>
  Object.assign(createHttpError(409, message), { details });

/**
 * 403 that keeps its message: Strapi's route authorization answers a thrown `ForbiddenError` with
 * a bare "Forbidden" (only a `PolicyError` keeps its words), while an http-error passes through
 * and is rendered in the envelope (`{ status: 403, name: 'ForbiddenError', message, details }`).
 */
export const forbiddenError = (message: string) =>
  Object.assign(createHttpError(403, message), { details: {} });

/** The answer for a lead that does not exist and for one the caller may not see: the same 404. */
export const leadNotFound = () => new NotFoundError('Lead not found');

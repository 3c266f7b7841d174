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

/** The answer for a lead that does not exist and for one the caller may not see: the same 404. */
export const leadNotFound = () => new NotFoundError('Lead not found');

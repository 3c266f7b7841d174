import { yup } from '@strapi/utils';
import { validationError } from '../errors';
import { email, LONG_TEXT, text, trimmedText, unwrapData, validateBody, website } from './common';

const SCHEMAS: Record<string, yup.AnySchema> = {
  firstName: trimmedText().test(
    'not-empty',
    'cannot be empty',
    (v: unknown) => v === undefined || (typeof v === 'string' && v !== '')
  ),
  email: email(),
  website: website(),
  description: text(LONG_TEXT),
};

/** Validates PUT /api/crm/me: only `editable` fields, each refused one named (400). */
export const validateProfileUpdate = async (body: unknown, editable: string[]) => {
  const data = unwrapData(body);
  const refused = Object.keys(data).filter((key) => !editable.includes(key));
  if (refused.length) {
    throw validationError(refused.map((key) => ({ path: [key], message: 'cannot be changed here' })));
  }
  const shape = Object.fromEntries(editable.map((f) => [f, SCHEMAS[f] ?? text()]));
  return validateBody<Record<string, unknown>>(yup.object(shape), data);
};

import { yup } from '@strapi/utils';
import { validationError } from '../errors';
import { email, LONG_TEXT, requiredText, text, validateBody, website } from './common';

export interface WebLeadInput {
  fields: Record<string, string | null>;
  customFields: Record<string, unknown>;
  consent: { text: string } | null;
  honeypotFilled: boolean;
}

/** How each lead field a form may fill is checked. */
const FIELD_SCHEMAS: Record<string, yup.AnySchema> = {
  name: requiredText(),
  email: email(),
  website: website(),
  description: text(LONG_TEXT),
};

/**
 * Reads a web form submission: only the configured fields are taken (anything else a form or a
 * bot sends is ignored, never written), then checked; custom fields and consent have their own
 * keys. Answers which fields to write, or a 400 naming each bad one.
 */
export const validateWebLead = async (
  body: unknown,
  { fields, honeypotField }: { fields: string[]; honeypotField: string }
) => {
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    throw validationError([{ path: [], message: 'The request body must be a JSON object' }]);
  }
  const raw = body as Record<string, unknown>;
  const honeypot = raw[honeypotField];
  const allowed = Object.fromEntries(fields.filter((f) => f in raw).map((f) => [f, raw[f]]));
  const shape = Object.fromEntries(fields.map((f) => [f, FIELD_SCHEMAS[f] ?? text()]));
  if (!fields.includes('name')) shape.name = requiredText();
  const schema = yup.object({
    ...shape,
    customFields: yup.object().typeError('must be an object of values keyed by field slug').nullable(),
    consent: yup
      .object({
        given: yup.boolean().oneOf([true], 'must be true when sent').required('is required'),
        text: requiredText(LONG_TEXT),
      })
      .default(undefined)
      .typeError('must be an object'),
  });
  const checked = await validateBody<Record<string, unknown>>(schema, {
    ...allowed,
    name: raw.name,
    customFields: raw.customFields,
    consent: raw.consent,
  });
  const { customFields, consent, ...values } = checked;
  return {
    fields: values as Record<string, string | null>,
    customFields: (customFields as Record<string, unknown>) ?? {},
    consent: consent ? { text: (consent as { text: string }).text } : null,
    honeypotFilled:
      typeof honeypot === 'string' ? honeypot.trim() !== '' : honeypot !== undefined && honeypot !== null,
  } satisfies WebLeadInput;
};

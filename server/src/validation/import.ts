import { yup } from '@strapi/utils';
import { DUPLICATE_POLICIES, type ImportOptions } from '../contracts/imports';
import { validationError } from '../errors';
import { documentId, rejectUnknownKeys, SHORT_TEXT, staffId, validateBody } from './common';

const schema = yup.object({
  // mixed, not object(): yup looks an object's keys up among its fields, and a header named
  // `constructor` or `toString` would find Object.prototype's (a 500)
  mapping: yup
    .mixed()
    .test('object', 'must be an object of CSV header → field', (value: unknown) =>
      value == null ? true : typeof value === 'object' && !Array.isArray(value)
    )
    .test('strings', 'must map each header to a field name', (value: unknown) =>
      value == null || typeof value !== 'object'
        ? true
        : Object.values(value as Record<string, unknown>).every(
            (target) => typeof target === 'string' && target.length <= SHORT_TEXT
          )
    )
    .nullable()
    .default(undefined),
  defaults: yup
    .object({
      status: documentId().nullable(),
      source: documentId().nullable(),
      assignedTo: staffId(),
      isPublic: yup.boolean().strict(true).typeError('must be true or false'),
    })
    .noUnknown(true, 'holds an unknown key')
    .typeError('must be an object')
    .default(undefined),
  duplicates: yup
    .string()
    .oneOf([...DUPLICATE_POLICIES], `must be one of: ${DUPLICATE_POLICIES.join(', ')}`)
    .default('skip'),
  dryRun: yup.boolean().strict(true).typeError('must be true or false'),
});

/** Reads the multipart field `options` (a JSON text) of POST /crm/leads/import. */
export const validateImportOptions = async (
  raw: unknown
): Promise<Required<Pick<ImportOptions, 'duplicates'>> & ImportOptions> => {
  let parsed: unknown = {};
  if (raw !== undefined && raw !== null && raw !== '') {
    if (typeof raw !== 'string')
      throw validationError([{ path: ['options'], message: 'must be a JSON text' }]);
    try {
      parsed = JSON.parse(raw);
    } catch {
      throw validationError([{ path: ['options'], message: 'must be valid JSON' }]);
    }
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
    throw validationError([{ path: ['options'], message: 'must be a JSON object' }]);
  const known = rejectUnknownKeys(
    parsed as Record<string, unknown>,
    ['mapping', 'defaults', 'duplicates', 'dryRun'],
    'import options'
  );
  return validateBody(schema, known);
};

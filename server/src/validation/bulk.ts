import { yup } from '@strapi/utils';
import { BULK_ACTIONS, MAX_BULK_IDS, type BulkAction, type BulkRequestBody } from '../contracts/bulk';
import { documentId, rejectUnknownKeys, staffId, unwrapData, validateBody } from './common';
import { idProblem } from './input';

/** The most tags one `tags.add` / `tags.remove` may name. */
export const MAX_BULK_TAGS = 50;

const flag = () =>
  yup.boolean().strict(true).required('is required: true or false').typeError('must be true or false');

const tagIds = () =>
  yup
    .array()
    .typeError('must be a list of tag ids')
    .of(documentId().strict(true).typeError('must be a tag id').required('must be a tag id'))
    .min(1, 'must name at least one tag')
    .max(MAX_BULK_TAGS, `must name at most ${MAX_BULK_TAGS} tags`)
    .required('is required: a list of tag ids');

/** What `value` must be for each action. */
const VALUE: Record<BulkAction, () => yup.AnySchema> = {
  assign: () => staffId().defined('is required: a staff id, or null to unassign') as unknown as yup.AnySchema,
  status: () =>
    documentId().strict(true).typeError('must be a status id').required('is required: a status id'),
  public: flag,
  lost: flag,
  junk: flag,
  'tags.add': tagIds,
  'tags.remove': tagIds,
  delete: () =>
    yup.mixed().test('absent', 'is not taken by the delete action', (value: unknown) => value === undefined),
};

const ids = () =>
  yup
    .array()
    .typeError('must be a list of lead ids')
    .of(
      yup
        .mixed()
        .test(
          'id',
          'is not a valid lead id',
          (value: unknown) => typeof value === 'string' && !idProblem(value)
        )
    )
    .min(1, 'must name at least one lead')
    .max(MAX_BULK_IDS, `must name at most ${MAX_BULK_IDS} leads`)
    .test(
      'unique',
      'must not name a lead twice',
      (list: unknown[] | undefined) => !list || new Set(list).size === list.length
    )
    .required('is required: a list of lead ids');

const isAction = (value: unknown): value is BulkAction =>
  typeof value === 'string' && (BULK_ACTIONS as readonly string[]).includes(value);

/**
 * Validates the body of POST /crm/leads/bulk: a known action, 1 to MAX_BULK_IDS distinct lead ids,
 * and the value that action takes. Every problem is named at once; nothing is written before.
 */
export const validateBulkLeads = async (body: unknown): Promise<BulkRequestBody> => {
  const data = rejectUnknownKeys(unwrapData(body), ['action', 'ids', 'value'], 'bulk action');
  const schema = yup.object({
    action: yup
      .mixed()
      .required('is required')
      .oneOf([...BULK_ACTIONS], `must be one of ${BULK_ACTIONS.join(', ')}`),
    ids: ids(),
    value: isAction(data.action) ? VALUE[data.action]() : yup.mixed(),
  });
  return validateBody<BulkRequestBody>(schema, data);
};

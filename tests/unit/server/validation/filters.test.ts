/** Issue 13: the leads list's filters are checked against the attributes they address. */
import { errors } from '@strapi/utils';
import { validateFilters, type FilterAttribute } from '../../../../server/src/validation/filters';

const MODELS: Record<string, Record<string, FilterAttribute>> = {
  lead: {
    name: { type: 'string' },
    value: { type: 'decimal' },
    isPublic: { type: 'boolean' },
    createdAt: { type: 'datetime' },
    closeDate: { type: 'date' },
    customFields: { type: 'json' },
    leadStatus: { type: 'relation', target: 'status' },
    attachments: { type: 'media' },
  },
  status: { name: { type: 'string' }, order: { type: 'integer' } },
  'plugin::upload.file': { name: { type: 'string' }, size: { type: 'decimal' } },
};

const attributes = (uid: string) => MODELS[uid];

/** The paths of the errors `filters` are refused with (empty when accepted). */
const refusedPaths = (filters: unknown) => {
  try {
    validateFilters(filters, 'lead', attributes, { aliases: { status: 'leadStatus' } });
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(errors.ValidationError);
    return (error as { details: { errors: { path: string[] }[] } }).details.errors.map(
      (e: { path: string[] }) => e.path.join('.')
    );
  }
};

describe('validateFilters', () => {
  it.each([
    ['a value', { name: 'Ada' }],
    [
      'operators of each type',
      { name: { $containsi: 'a' }, value: { $gte: '10.5', $lt: 20 }, isPublic: { $eq: 'true' } },
    ],
    ['$in and $between lists', { id: { $in: ['1', '2'] }, value: { $between: ['1', '2'] } }],
    [
      '$and / $or / $not',
      { $or: [{ name: 'a' }, { $and: [{ value: { $gt: '1' } }] }], $not: { isPublic: 'false' } },
    ],
    ['a relation, by alias', { status: { name: { $eq: 'New' }, id: { $in: ['3'] } } }],
    ['a relation by its id', { leadStatus: '3' }],
    ['$null on a relation', { leadStatus: { $null: 'true' } }],
    ['media, through the file model', { attachments: { name: { $eq: 'a.pdf' } } }],
    [
      'dates',
      { createdAt: { $gte: '2026-01-01', $lt: '2026-01-02T00:00:00.000Z' }, closeDate: '2026-02-28' },
    ],
    ['$eq with no value (NULL)', { name: { $eq: null } }],
    ['a documentId', { documentId: 'abc' }],
  ])('accepts %s', (_label, filters) => {
    expect(refusedPaths(filters)).toEqual([]);
  });

  it.each([
    ['not an object', 'abc', 'filters'],
    ['$or of a scalar', { $or: '1' }, 'filters.$or'],
    ['$or of scalars', { $or: ['1'] }, 'filters.$or.0'],
    ['$and empty', { $and: [] }, 'filters.$and'],
    ['a number that is not one', { value: { $gt: 'abc' } }, 'filters.value.$gt'],
    ['a number in hex', { value: { $gt: '0x10' } }, 'filters.value.$gt'],
    ['a number beyond range', { value: { $lt: '1e308' } }, 'filters.value.$lt'],
    ['an id beyond an integer', { id: { $gt: '99999999999999999999999' } }, 'filters.id.$gt'],
    ['an id that is not whole', { id: '1.5' }, 'filters.id'],
    ['$between of one value', { value: { $between: ['1'] } }, 'filters.value.$between'],
    ['$between not a list', { value: { $between: '1,2' } }, 'filters.value.$between'],
    ['$in not a list', { id: { $in: '1,2' } }, 'filters.id.$in'],
    ['$in with a bad item', { id: { $in: ['1', 'x'] } }, 'filters.id.$in.1'],
    ['text matching on a number', { value: { $containsi: '1' } }, 'filters.value.$containsi'],
    ['an unknown operator', { name: { $regex: '.*' } }, 'filters.name.$regex'],
    ['a logical operator on a field', { name: { $or: ['a'] } }, 'filters.name.$or'],
    ['a field inside a field', { name: { first: 'a' } }, 'filters.name.first'],
    ['an unknown field', { nope: 'x' }, 'filters.nope'],
    ['an unknown top-level operator', { $where: 'x' }, 'filters.$where'],
    [
      'a relation id that is not a number',
      { leadStatus: { id: { $eq: 'abc' } } },
      'filters.leadStatus.id.$eq',
    ],
    ['the alias too', { status: { id: { $eq: 'abc' } } }, 'filters.status.id.$eq'],
    ['a relation compared with text', { leadStatus: 'New' }, 'filters.leadStatus'],
    ['an unknown field of the target', { leadStatus: { nope: '1' } }, 'filters.leadStatus.nope'],
    ['a JSON field', { customFields: { $eq: 'x' } }, 'filters.customFields'],
    ['a boolean that is not one', { isPublic: 'maybe' }, 'filters.isPublic'],
    ['$null that is not a boolean', { name: { $null: 'yes' } }, 'filters.name.$null'],
    ['an impossible date', { closeDate: '2026-02-30' }, 'filters.closeDate'],
    ['a date and time that is not one', { createdAt: { $gte: 'yesterday' } }, 'filters.createdAt.$gte'],
    ['a year no database stores', { createdAt: { $gte: '99999-01-01' } }, 'filters.createdAt.$gte'],
    ['an object where one value is expected', { value: { $eq: { a: '1' } } }, 'filters.value.$eq'],
    ['a list where one value is expected', { name: { $eq: ['a', 'b'] } }, 'filters.name.$eq'],
    ['an empty condition', { name: {} }, 'filters.name'],
  ])('refuses %s, naming the path', (_label, filters, path) => {
    expect(refusedPaths(filters)).toContain(path);
  });

  it('names every bad path at once', () => {
    expect(refusedPaths({ value: { $gt: 'x' }, id: { $in: '1' }, nope: 1 })).toEqual(
      expect.arrayContaining(['filters.value.$gt', 'filters.id.$in', 'filters.nope'])
    );
  });

  it('does not apply top-level aliases inside a relation', () => {
    expect(refusedPaths({ leadStatus: { status: '1' } })).toEqual(['filters.leadStatus.status']);
  });
});

import { validateLeadCreate, validateLeadUpdate } from '../../../../server/src/validation/lead';
import { validateLeadListQuery } from '../../../../server/src/validation/lead-query';
import { refusedPaths } from '../../../helpers/refused-paths';

describe('a lead body (POST/PUT /crm/leads)', () => {
  it('takes a well-formed lead, trimming its text', async () => {
    const input = await validateLeadCreate({ name: '  Ada  ', status: 'abc', source: 'def', value: 1200.5 });
    expect(input).toEqual(
      expect.objectContaining({ name: 'Ada', status: 'abc', source: 'def', value: 1200.5 })
    );
  });

  it('names every bad field at once', async () => {
    expect(
      await refusedPaths(
        validateLeadCreate({ name: '', status: 'abc', source: 'def', email: 'not-an-email', value: -1 })
      )
    ).toEqual(['email', 'name', 'value']);
  });

  it('refuses an amount the column cannot hold and text longer than its limit', async () => {
    expect(await refusedPaths(validateLeadUpdate({ value: 1e308 }))).toEqual(['value']);
    expect(await refusedPaths(validateLeadUpdate({ city: 'x'.repeat(256) }))).toEqual(['city']);
  });

  it('refuses a date and time that does not exist instead of rolling it over', async () => {
    expect(await refusedPaths(validateLeadUpdate({ lastContactAt: '2026-13-45' }))).toEqual([
      'lastContactAt',
    ]);
    expect(await refusedPaths(validateLeadUpdate({ lastContactAt: '2026-02-30T10:00:00Z' }))).toEqual([
      'lastContactAt',
    ]);
    const ok = await validateLeadUpdate({ lastContactAt: '2026-02-28T10:00:00Z' });
    expect(new Date(ok.lastContactAt as Date).toISOString()).toBe('2026-02-28T10:00:00.000Z');
  });

  it('refuses fields a client may not write (conversion fields among them)', async () => {
    const paths = await refusedPaths(validateLeadUpdate({ dateConverted: '2026-01-01', customer: 'x' }));
    expect(paths.length).toBeGreaterThan(0);
  });
});

describe('the leads list query (GET /crm/leads)', () => {
  it('applies the list defaults', async () => {
    const query = await validateLeadListQuery({});
    expect(query).toEqual(
      expect.objectContaining({ page: 1, pageSize: 25, sort: [{ field: 'createdAt', order: 'desc' }] })
    );
  });

  it('refuses a page size over 100 and an unknown sort field', async () => {
    expect(await refusedPaths(validateLeadListQuery({ pageSize: '101' }))).toEqual(['pageSize']);
    expect(await refusedPaths(validateLeadListQuery({ sort: 'password:asc' }))).toEqual(['sort']);
  });
});

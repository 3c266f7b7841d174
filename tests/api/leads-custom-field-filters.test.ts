/** SPEC §4: filtering the leads list on custom-field values, on every database. */
import type { Core } from '@strapi/strapi';
import { createLead } from '../helpers/leads';
import { startStrapi, stopStrapi } from '../helpers/strapi';
import { createStaff, type Staff } from '../helpers/users';

let strapi: Core.Strapi;
let manager: Staff;

const field = (data: Record<string, unknown>) =>
  strapi.documents('plugin::crm.custom-field').create({ data: { target: 'lead', ...data } as never });

beforeAll(async () => {
  strapi = await startStrapi();
  manager = await createStaff(strapi, 'Sales Manager');
  await field({ name: 'Budget', slug: 'budget', type: 'number' });
  await field({ name: 'Industry', slug: 'industry', type: 'select', options: ['Retail', 'Energy'] });
  await field({ name: 'Notes', slug: 'notes', type: 'text' });
  await field({ name: 'Products', slug: 'products', type: 'multiselect', options: ['CRM', 'ERP', 'HR'] });
  await field({ name: 'Signed NDA', slug: 'nda', type: 'checkbox' });
  await field({ name: 'Decision', slug: 'decision', type: 'date' });
  const lead = (name: string, customFields: Record<string, unknown>) =>
    createLead(strapi, { name, createdBy: manager.id, customFields });
  await lead('Small Retail', {
    budget: 900,
    industry: 'Retail',
    notes: 'Wants a Demo',
    products: ['CRM'],
    nda: false,
    decision: '2026-01-15',
  });
  await lead('Big Energy', {
    budget: 25000,
    industry: 'Energy',
    notes: 'budget approved',
    products: ['CRM', 'ERP'],
    nda: true,
    decision: '2026-06-30',
  });
  await lead('Nothing Known', {});
});

afterAll(async () => {
  await stopStrapi(strapi);
});

const names = async (query: string) => {
  const res = await manager.get(`/crm/leads?${query}&sort=name:asc`);
  expect(res.status).toBe(200);
  return res.body.data.map((l: { name: string }) => l.name);
};

describe('custom-field filters', () => {
  it.each([
    ['a select value', 'customFields[industry]=Energy', ['Big Energy']],
    ['a number range', 'customFields[budget][$gte]=1000&customFields[budget][$lt]=30000', ['Big Energy']],
    ['a number equality', 'customFields[budget]=900', ['Small Retail']],
    ['a text, case-insensitively', 'customFields[notes][$containsi]=DEMO', ['Small Retail']],
    ['a multiselect member', 'customFields[products]=ERP', ['Big Energy']],
    ['a multiselect member both hold', 'customFields[products]=CRM', ['Big Energy', 'Small Retail']],
    ['a checkbox', 'customFields[nda]=true', ['Big Energy']],
    ['a date range', 'customFields[decision][$lt]=2026-03-01', ['Small Retail']],
    ['two fields at once', 'customFields[industry]=Retail&customFields[nda]=false', ['Small Retail']],
    ['a value nobody has', 'customFields[industry]=Retail&customFields[budget][$gt]=5000', []],
  ])('filter on %s', async (_label, query, expected) => {
    expect(await names(query)).toEqual(expected);
  });

  it('combines with the other filters and the search', async () => {
    expect(await names('customFields[products]=CRM&q=big')).toEqual(['Big Energy']);
  });

  it.each([
    ['an unknown field', 'customFields[shoeSize]=42', ['customFields', 'shoeSize']],
    [
      'an operator the type does not take',
      'customFields[industry][$gt]=A',
      ['customFields', 'industry', '$gt'],
    ],
    ['a number that is not one', 'customFields[budget][$gte]=lots', ['customFields', 'budget', '$gte']],
    ['a checkbox that is not true/false', 'customFields[nda]=yes', ['customFields', 'nda', '$eq']],
  ])('answers 400 for %s', async (_label, query, path) => {
    const res = await manager.get(`/crm/leads?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors[0].path).toEqual(path);
  });
});

describe('many matching leads', () => {
  it('are selected by a subquery, never by a list of their ids in the statement', async () => {
    const many = 40;
    for (let i = 0; i < many; i += 1) {
      await createLead(strapi, { name: `Bulk ${i}`, createdBy: manager.id, customFields: { notes: 'bulk' } });
    }
    // the statements the list runs, with their bindings: an id list would bind one value per lead
    const statements: { sql: string; bindings: number }[] = [];
    const listener = (query: { sql: string; bindings?: unknown[] }) =>
      statements.push({ sql: query.sql.toLowerCase(), bindings: query.bindings?.length ?? 0 });
    strapi.db.connection.client.on('query', listener);
    try {
      const res = await manager.get('/crm/leads?customFields[notes]=bulk&pageSize=100');
      expect(res.status).toBe(200);
      expect(res.body.meta.pagination.total).toBe(many);
    } finally {
      strapi.db.connection.client.removeListener('query', listener);
    }
    const counts = statements.filter((s) => s.sql.includes('count('));
    expect(counts.length).toBeGreaterThan(0);
    for (const count of counts) expect(count.bindings).toBeLessThan(many);
  });
});

describe('the indexes the list and the visibility rule use', () => {
  it('exist on this database', async () => {
    const indexes = await strapi.db.dialect.schemaInspector.getIndexes('crm_leads');
    const names = indexes.map((i: { name: string }) => i.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'crm_leads_created_id_idx',
        'crm_leads_open_list_idx',
        'crm_leads_is_public_idx',
      ])
    );
    // prefixes of the two above: every write paid for them, no read needs them
    expect(names).not.toContain('crm_leads_created_at_idx');
    expect(names).not.toContain('crm_leads_open_idx');
    const linkIndexes = await strapi.db.dialect.schemaInspector.getIndexes('crm_leads_assigned_to_lnk');
    expect(linkIndexes.length).toBeGreaterThan(0);
  });
});

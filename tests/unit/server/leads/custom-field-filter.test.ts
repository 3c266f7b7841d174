import knex from 'knex';
import { apply, dialectSql, parse } from '../../../../server/src/services/leads/custom-field-filter';
import type { CustomFieldDefinition } from '../../../../server/src/services/custom-fields';

const def = (slug: string, type: CustomFieldDefinition['type']) =>
  ({ slug, name: slug, type, target: 'lead', active: true }) as CustomFieldDefinition;
const DEFS = [
  def('budget', 'number'),
  def('region', 'text'),
  def('vip', 'checkbox'),
  def('langs', 'multiselect'),
];

/** The SQL each database gets for `query`, with its bindings (knex compiles without a connection). */
const compile = (
  client: 'pg' | 'mysql2' | 'better-sqlite3',
  dialect: string,
  query: Record<string, unknown>
) => {
  const db = knex({ client, useNullAsDefault: true });
  let qb = db('crm_leads').select('id');
  for (const condition of parse(query, DEFS)) qb = apply(qb, dialectSql(dialect, 'custom_fields'), condition);
  return qb.toSQL();
};

describe('custom-field filters, per database', () => {
  const query = {
    budget: { $gte: '1000' },
    region: { $containsi: 'North' },
    vip: 'true',
    langs: { $contains: 'fr' },
  };

  it('PostgreSQL reads the JSON with ->> / -> and compares numbers as numeric', () => {
    const { sql, bindings } = compile('pg', 'postgres', query);
    expect(sql).toBe(
      'select "id" from "crm_leads" where (custom_fields ->> ?)::numeric >= ? and LOWER((custom_fields ->> ?)) LIKE ? and (custom_fields -> ?) = ?::jsonb and (custom_fields -> ?) @> ?::jsonb'
    );
    expect(bindings).toEqual(['budget', 1000, 'region', '%north%', 'vip', 'true', 'langs', '["fr"]']);
  });

  it('MySQL and MariaDB read it with JSON_EXTRACT and compare numbers as DECIMAL', () => {
    const { sql, bindings } = compile('mysql2', 'mysql', query);
    expect(sql).toBe(
      'select `id` from `crm_leads` where CAST(JSON_UNQUOTE(JSON_EXTRACT(custom_fields, ?)) AS DECIMAL(30,10)) >= ? and LOWER(JSON_UNQUOTE(JSON_EXTRACT(custom_fields, ?))) LIKE ? and JSON_UNQUOTE(JSON_EXTRACT(custom_fields, ?)) = ? and JSON_CONTAINS(JSON_EXTRACT(custom_fields, ?), ?)'
    );
    expect(bindings).toEqual([
      '$."budget"',
      1000,
      '$."region"',
      '%north%',
      '$."vip"',
      'true',
      '$."langs"',
      '"fr"',
    ]);
  });

  it('SQLite reads it with json_extract and looks into lists with json_each', () => {
    const { sql, bindings } = compile('better-sqlite3', 'sqlite', query);
    expect(sql).toBe(
      'select `id` from `crm_leads` where json_extract(custom_fields, ?) >= ? and LOWER(json_extract(custom_fields, ?)) LIKE ? and json_extract(custom_fields, ?) = ? and EXISTS (SELECT 1 FROM json_each(custom_fields, ?) WHERE json_each.value = ?)'
    );
    expect(bindings).toEqual(['$."budget"', 1000, '$."region"', '%north%', '$."vip"', 1, '$."langs"', 'fr']);
  });

  it('binds every value: a slug or value never becomes SQL', () => {
    const hostile = { region: "x') OR 1=1 --" };
    for (const [client, dialect] of [
      ['pg', 'postgres'],
      ['mysql2', 'mysql'],
      ['better-sqlite3', 'sqlite'],
    ] as const) {
      const { sql, bindings } = compile(client, dialect, hostile);
      expect(sql).not.toContain('OR 1=1');
      expect(bindings).toContain("x') OR 1=1 --");
    }
  });

  it('refuses an unknown field, an operator the type lacks, and a value of the wrong type, naming each', () => {
    expect(() => parse({ nope: '1', budget: { $containsi: '1' }, vip: 'maybe' }, DEFS)).toThrow(
      expect.objectContaining({
        details: {
          errors: [
            expect.objectContaining({ path: ['customFields', 'nope'] }),
            expect.objectContaining({ path: ['customFields', 'budget', '$containsi'] }),
            expect.objectContaining({ path: ['customFields', 'vip', '$eq'] }),
          ],
        },
      })
    );
  });
});

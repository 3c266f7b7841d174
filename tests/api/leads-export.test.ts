/** SPEC §9 GET /crm/leads/export: the list as CSV, every page, readable fields only, streamed. */
import type { Core } from '@strapi/strapi';
import { parse } from 'csv-parse/sync';
import type { Readable } from 'node:stream';
import { createLead, references } from '../helpers/leads';
import { http, startStrapi, stopStrapi } from '../helpers/strapi';
import { createRole, createStaff, type Staff } from '../helpers/users';

const LEAD = 'plugin::crm.lead';
const READ = 'plugin::content-manager.explorer.read';
const EXPORT = 'plugin::crm.leads.export';

let strapi: Core.Strapi;
let seller: Staff;
let otherSeller: Staff;
let manager: Staff;
let restricted: Staff;
let refs: Awaited<ReturnType<typeof references>>;

type CsvRow = Record<string, string>;

/** Supertest reads text/csv as text: the raw body, BOM included. */
const download = async (user: Staff, query = '') => {
  const res = await user.get(`/crm/leads/export${query ? `?${query}` : ''}`);
  return { res, rows: res.status === 200 ? (parse(res.text, { bom: true, columns: true }) as CsvRow[]) : [] };
};

/** Every page of GET /crm/leads for the same query: what the export must hold, in order. */
const listed = async (user: Staff, query = '') => {
  const ids: string[] = [];
  for (let page = 1; ; page++) {
    const res = await user.get(`/crm/leads?pageSize=100&page=${page}${query ? `&${query}` : ''}`);
    expect(res.status).toBe(200);
    ids.push(...res.body.data.map((lead: { documentId: string }) => lead.documentId));
    if (page >= res.body.meta.pagination.pageCount) return ids;
  }
};

const header = (text: string) =>
  text
    .replace(/^\uFEFF/, '')
    .split('\r\n')[0]
    .split(',');

beforeAll(async () => {
  strapi = await startStrapi();
  seller = await createStaff(strapi, 'Sales Staff', { firstname: 'Sam', lastname: 'Seller' });
  otherSeller = await createStaff(strapi, 'Sales Staff');
  manager = await createStaff(strapi, 'Sales Manager');
  restricted = await createStaff(
    strapi,
    (
      await createRole(strapi, [
        { action: READ, subject: LEAD, properties: { fields: ['name', 'leadStatus'] } },
        { action: EXPORT },
      ])
    ).id
  );
  refs = await references(strapi);
  await strapi.documents('plugin::crm.custom-field').create({
    data: { name: 'Budget', slug: 'budget', target: 'lead', type: 'number' },
  });
  await strapi.documents('plugin::crm.custom-field').create({
    data: {
      name: 'Channels',
      slug: 'channels',
      target: 'lead',
      type: 'multiselect',
      options: ['Mail', 'Phone'],
    },
  });
  const vip = await strapi.documents('plugin::crm.tag').create({ data: { name: 'vip' } });
  const hot = await strapi.documents('plugin::crm.tag').create({ data: { name: 'hot' } });

  // ties and NULLs on the sortable fields, so batches must cut between equal values
  const day = (n: number) => new Date(Date.UTC(2026, 0, n));
  for (let i = 0; i < 14; i++) {
    await createLead(strapi, {
      name: `Lead ${String(i % 5).padStart(2, '0')}`,
      createdBy: i % 2 ? seller.id : manager.id,
      isPublic: i % 3 === 0,
      value: i % 4 === 0 ? null : (i % 3) * 100,
      lastContactAt: i % 3 === 1 ? null : day(1 + (i % 4)),
      city: i % 2 ? null : 'Paris',
      status: i % 5 === 4 ? refs.status.Qualified : refs.status.New,
    });
  }
  await createLead(strapi, {
    name: 'Ada Lovelace',
    createdBy: seller.id,
    assignedTo: seller.id,
    email: 'ada@example.com',
    value: 1200.5,
    source: refs.source.Referral,
    tags: [vip.documentId, hot.documentId],
    customFields: { budget: 5000, channels: ['Mail', 'Phone'] },
    description: 'Said "hello", then\nleft',
  });
  await createLead(strapi, {
    name: '=HYPERLINK("http://evil.example","x")',
    company: '+cmd|calc',
    city: '-2+3',
    phone: '@SUM(A1)',
    position: '\tTabbed',
    address: '\rReturn',
    createdBy: manager.id,
  });
  await createLead(strapi, { name: 'Hidden Hugo', createdBy: otherSeller.id, email: 'hugo@example.com' });
  await createLead(strapi, { name: 'Lost Lara', createdBy: manager.id, lost: true });
});

afterAll(async () => {
  await stopStrapi(strapi);
});

describe('GET /crm/leads/export', () => {
  it('answers a UTF-8 CSV download with a BOM', async () => {
    const { res } = await download(manager);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="leads-${new Date().toISOString().slice(0, 10)}.csv"`
    );
    expect(res.text.startsWith('\uFEFFdocumentId,name,status,source,assignedTo,tags,')).toBe(true);
  });

  it.each([
    ['the default list', ''],
    ['a filter and a sort', `filters[status][documentId][$in][0]=STATUS&sort=name:asc`],
    ['lost leads and a search', 'includeLost=true&q=la'],
    ['a sort on a field with NULLs', 'sort=lastContactAt:asc'],
  ])('holds exactly the leads of the list for %s, in its order', async (_label, raw) => {
    const query = raw.replace('STATUS', refs.status.New);
    for (const user of [manager, seller]) {
      const { rows } = await download(user, query);
      expect(rows.map((row) => row.documentId)).toEqual(await listed(user, query));
    }
  });

  it('shows a Sales Staff member only the leads they may see', async () => {
    const { rows } = await download(seller);
    const names = rows.map((row) => row.name);
    expect(names).toContain('Ada Lovelace');
    expect(names).not.toContain('Hidden Hugo');
    expect(names).not.toContain('Lost Lara');
    const all = await download(manager, 'includeLost=true');
    expect(all.rows.map((row) => row.name)).toEqual(expect.arrayContaining(['Hidden Hugo', 'Lost Lara']));
  });

  it('writes relations as names and custom fields as columns by slug', async () => {
    const { res, rows } = await download(manager, 'q=Lovelace');
    expect(header(res.text)).toEqual(expect.arrayContaining(['budget', 'channels']));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      name: 'Ada Lovelace',
      status: 'New',
      source: 'Referral',
      assignedTo: 'Sam Seller',
      email: 'ada@example.com',
      value: '1200.5',
      isPublic: 'false',
      lost: 'false',
      budget: '5000',
      channels: 'Mail, Phone',
      description: 'Said "hello", then\nleft',
    });
    expect(rows[0].tags.split(', ').sort()).toEqual(['hot', 'vip']);
    expect(rows[0]).not.toHaveProperty('customFields');
  });

  it('makes cells that a spreadsheet would run as formulas inert', async () => {
    const { rows } = await download(manager, 'q=HYPERLINK');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      name: `'=HYPERLINK("http://evil.example","x")`,
      company: "'+cmd|calc",
      city: "'-2+3",
      phone: "'@SUM(A1)",
      position: "'\tTabbed",
      address: "'\rReturn",
    });
  });

  it('gives a field-restricted role no column for a field it may not read', async () => {
    const { res, rows } = await download(restricted);
    expect(res.status).toBe(200);
    const columns = header(res.text);
    expect(columns).toEqual(expect.arrayContaining(['documentId', 'name', 'status']));
    for (const hidden of ['email', 'phone', 'value', 'assignedTo', 'tags', 'source', 'budget', 'channels']) {
      expect(columns).not.toContain(hidden);
    }
    expect(res.text).not.toContain('ada@example.com');
    expect(rows.map((row) => row.name)).toContain('Ada Lovelace');
  });

  it('answers 403 without the export permission and 401 without a login', async () => {
    const reader = await createStaff(
      strapi,
      (await createRole(strapi, [{ action: READ, subject: LEAD }])).id
    );
    expect((await reader.get('/crm/leads/export')).status).toBe(403);
    const res = await http(strapi).get('/crm/leads/export');
    expect(res.status).toBe(401);
    expect(res.text).not.toContain('Ada');
  });

  it('answers 400 in the error envelope for a bad query, before any CSV', async () => {
    const res = await manager.get('/crm/leads/export?sort=secret:asc');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ data: null, error: { status: 400, name: 'ValidationError' } });
    const unknown = await manager.get('/crm/leads/export?filters[nope][$eq]=1');
    expect(unknown.status).toBe(400);
  });
});

describe('the export stream', () => {
  const read = async (stream: Readable) => {
    let text = '';
    for await (const chunk of stream) text += chunk.toString();
    return text;
  };

  it.each(['createdAt:desc', 'lastContactAt:asc', 'lastContactAt:desc', 'value:desc', 'name:asc,city:desc'])(
    'walks every lead once in the order %s, in batches that cut between equal values',
    async (sort) => {
      const user = await strapi.db
        .query('admin::user')
        .findOne({ where: { id: seller.id }, populate: ['roles'] });
      const ability = await strapi.service('admin::permission').engine.generateUserAbility(user);
      const query = {
        sort: sort.split(',').map((part) => {
          const [field, order] = part.split(':');
          return { field, order };
        }),
        page: 1,
        pageSize: 25,
        includeConverted: false,
        includeLost: false,
        includeJunk: false,
      };
      const stream = await strapi
        .plugin('crm')
        .service('leadExport')
        .csv(ability, seller.id, query, { batchSize: 2 });
      const rows = parse(await read(stream), { bom: true, columns: true }) as CsvRow[];
      expect(rows.map((row) => row.documentId)).toEqual(await listed(seller, `sort=${sort}`));
      expect(rows.length).toBeGreaterThan(4);
    }
  );
});

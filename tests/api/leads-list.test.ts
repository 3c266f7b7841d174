/** SPEC §4 and §9: the default list, its flags, filters, search, sort and pagination, and bad queries. */
import type { Core } from '@strapi/strapi';
import { createLead, references } from '../helpers/leads';
import { startStrapi, stopStrapi } from '../helpers/strapi';
import { createRole, createStaff, type Staff } from '../helpers/users';

let strapi: Core.Strapi;
let manager: Staff;
let seller: Staff;
let refs: Awaited<ReturnType<typeof references>>;
/** A read from the leads, their statuses or their tags' links, in any database's quoting. */
const LIST_TABLES = /from [`"]?(crm_leads|crm_lead_statuses|crm_leads_tags_lnk)[`"]?\s/i;
const names = (body: { data: { name: string }[] }) => body.data.map((l) => l.name).sort();

beforeAll(async () => {
  strapi = await startStrapi();
  manager = await createStaff(strapi, 'Sales Manager');
  seller = await createStaff(strapi, 'Sales Staff');
  refs = await references(strapi);
  const vip = await strapi.documents('plugin::crm.tag').create({ data: { name: 'vip' } });
  const base = { createdBy: manager.id, isPublic: true };
  await createLead(strapi, {
    ...base,
    name: 'Open Olga',
    email: 'olga@acme.test',
    company: 'Acme',
    value: 100,
    tags: [vip.documentId],
    assignedTo: seller.id,
  });
  await createLead(strapi, {
    ...base,
    name: 'Open Oscar',
    phone: '+44 555 0101',
    value: 5000,
    source: refs.source.Referral,
    status: refs.status.Qualified,
  });
  await createLead(strapi, { ...base, name: 'Lost Lena', lost: true });
  await createLead(strapi, { ...base, name: 'Junk Jim', junk: true });
  await createLead(strapi, {
    ...base,
    name: 'Converted Carl',
    status: refs.status.Customer,
    dateConverted: new Date(),
  });
});

afterAll(async () => {
  await stopStrapi(strapi);
});

describe('GET /crm/leads', () => {
  it('excludes converted, lost and junk leads by default, newest first', async () => {
    const res = await manager.get('/crm/leads');
    expect(res.status).toBe(200);
    expect(res.body.data.map((l: { name: string }) => l.name)).toEqual(['Open Oscar', 'Open Olga']);
    expect(res.body.meta.pagination).toEqual({ page: 1, pageSize: 25, pageCount: 1, total: 2 });
  });

  it('answers each lead with status, source, assignee (id and names only) and tags', async () => {
    const res = await manager.get('/crm/leads?q=olga');
    const [olga] = res.body.data;
    expect(olga.status).toMatchObject({ name: 'New', isCustomerStatus: false });
    expect(olga.source).toMatchObject({ name: 'Website' });
    expect(olga.assignedTo).toEqual({
      id: seller.id,
      firstname: seller.firstname,
      lastname: seller.lastname,
    });
    expect(olga.tags).toEqual([expect.objectContaining({ name: 'vip' })]);
    expect(olga.value).toBe(100);
    expect(JSON.stringify(res.body)).not.toContain(seller.email);
  });

  it('gives each row what the lead’s profile gives, field for field, on every database', async () => {
    // tags linked in an order that is neither their names’ nor their ids’
    const tag = (name: string) => strapi.documents('plugin::crm.tag').create({ data: { name } });
    const [b, c, a] = [await tag('beta'), await tag('gamma'), await tag('alpha')];
    const lead = await createLead(strapi, {
      createdBy: manager.id,
      isPublic: true,
      name: 'Field Fiona',
      position: 'CTO',
      email: 'fiona@fields.test',
      website: 'https://fields.test',
      phone: '+1 555 0199',
      value: 1234.5,
      company: 'Fields Ltd',
      address: '1 Main St',
      city: 'Springfield',
      state: 'IL',
      country: 'US',
      zip: '62701',
      description: 'Wants a demo',
      contactedToday: true,
      lastContactAt: '2026-03-04T05:06:07.000Z',
      assignedTo: seller.id,
      source: refs.source.Referral,
      status: refs.status.Contacted,
      tags: [c.documentId, a.documentId, b.documentId],
    });
    const [row] = (await manager.get('/crm/leads?q=Field%20Fiona')).body.data;
    const { data: profile } = (await manager.get(`/crm/leads/${lead.documentId}`)).body;
    expect(row.tags.map((t: { name: string }) => t.name)).toEqual(['gamma', 'alpha', 'beta']);
    expect(row).toMatchObject({ value: 1234.5, contactedToday: true, lost: false, isPublic: true });
    expect(row.lastContactAt).toBe('2026-03-04T05:06:07.000Z');
    expect(Object.keys(row).sort()).toEqual(
      Object.keys(profile)
        .filter((key) => !['customFields', 'createdBy', 'customer', 'attachments'].includes(key))
        .sort()
    );
    for (const key of Object.keys(row)) expect([key, row[key]]).toEqual([key, profile[key]]);
    await strapi.documents('plugin::crm.lead').delete({ documentId: lead.documentId });
  });

  it('reads a page of any size in five statements', async () => {
    // only this request's reads from the list's tables: Strapi's own (the session, now and then
    // touched, the user, roles and permissions) are not the list's, and the plugin's jobs and the
    // events of earlier tests run beside it outside the request
    const statements = async (path: string) => {
      const seen: string[] = [];
      const listener = ({ sql }: { sql: string }) => {
        if (LIST_TABLES.test(sql) && strapi.requestContext.get()?.path === '/crm/leads') seen.push(sql);
      };
      strapi.db.connection.on('query', listener);
      try {
        expect((await manager.get(path)).status).toBe(200);
      } finally {
        strapi.db.connection.off('query', listener);
      }
      return seen;
    };
    await statements('/crm/leads'); // warm whatever the first request caches
    // the customer statuses, the page's ids, the capped count, the leads with their status, source
    // and assignee, their tags
    for (const pageSize of [1, 25]) {
      const seen = await statements(`/crm/leads?pageSize=${pageSize}&includeConverted=false`);
      expect([pageSize, seen.length]).toEqual([pageSize, 5]);
    }
  });

  it.each([
    ['includeConverted=true', ['Converted Carl', 'Open Olga', 'Open Oscar']],
    ['includeLost=true', ['Lost Lena', 'Open Olga', 'Open Oscar']],
    ['includeJunk=true', ['Junk Jim', 'Open Olga', 'Open Oscar']],
    [
      'includeConverted=true&includeLost=true&includeJunk=true',
      ['Converted Carl', 'Junk Jim', 'Lost Lena', 'Open Olga', 'Open Oscar'],
    ],
  ])('brings excluded leads back with %s', async (flags, expected) => {
    expect(names((await manager.get(`/crm/leads?${flags}`)).body)).toEqual(expected);
  });

  it('shows converted leads when filtering on the customer status', async () => {
    const res = await manager.get(`/crm/leads?filters[status][documentId][$eq]=${refs.status.Customer}`);
    expect(names(res.body)).toEqual(['Converted Carl']);
  });

  it('shows lost leads when filtering on lost', async () => {
    expect(names((await manager.get('/crm/leads?filters[lost][$eq]=true')).body)).toEqual(['Lost Lena']);
  });

  it.each([
    ['search on name', 'q=oSCar', ['Open Oscar']],
    ['search on email', 'q=olga@acme', ['Open Olga']],
    ['search on company', 'q=acme', ['Open Olga']],
    ['search on phone', 'q=555 0101', ['Open Oscar']],
    ['a status filter', `filters[status][documentId][$eq]=${'QUALIFIED'}`, ['Open Oscar']],
    ['a source filter', `filters[source][name][$eq]=Referral`, ['Open Oscar']],
    ['assignedTo=me', 'assignedTo=me', []],
    ['assignedTo=<id>', 'assignedTo=SELLER', ['Open Olga']],
    ['assignedTo=unassigned', 'assignedTo=unassigned', ['Open Oscar']],
    ['a tag filter', 'filters[tags][name][$eq]=vip', ['Open Olga']],
    ['a value range', 'filters[value][$gte]=1000&filters[value][$lte]=9000', ['Open Oscar']],
    ['public leads', 'filters[isPublic][$eq]=true', ['Open Olga', 'Open Oscar']],
    ['a created date range', 'filters[createdAt][$gte]=2000-01-01&filters[createdAt][$lt]=2000-01-02', []],
  ])('filters with %s', async (_label, query, expected) => {
    const url = `/crm/leads?${query.replace('QUALIFIED', refs.status.Qualified).replace('SELLER', String(seller.id))}`;
    const res = await manager.get(url);
    expect(res.status).toBe(200);
    expect(names(res.body)).toEqual(expected);
  });

  it('paginates with totals and sorts on request', async () => {
    const page1 = await manager.get('/crm/leads?includeLost=true&includeJunk=true&pageSize=2&sort=name:asc');
    expect(page1.body.data.map((l: { name: string }) => l.name)).toEqual(['Junk Jim', 'Lost Lena']);
    expect(page1.body.meta.pagination).toMatchObject({ page: 1, pageSize: 2, pageCount: 2, total: 4 });
    const page2 = await manager.get(
      '/crm/leads?includeLost=true&includeJunk=true&pageSize=2&page=2&sort=name:asc'
    );
    expect(page2.body.data.map((l: { name: string }) => l.name)).toEqual(['Open Olga', 'Open Oscar']);
    const byValue = await manager.get('/crm/leads?sort=value:desc');
    expect(byValue.body.data.map((l: { name: string }) => l.name)).toEqual(['Open Oscar', 'Open Olga']);
  });

  it.each([
    ['pageSize=10000', 'pageSize'],
    ['pageSize=0', 'pageSize'],
    ['page=abc', 'page'],
    ['sort=password:asc', 'sort'],
    ['sort=name:sideways', 'sort'],
    ['includeLost=maybe', 'includeLost'],
    ['assignedTo=someone', 'assignedTo'],
    ['populate=*', 'populate'],
  ])('answers 400 naming the parameter for %s', async (query, path) => {
    const res = await manager.get(`/crm/leads?${query}`);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ data: null, error: { status: 400, name: 'ValidationError' } });
    expect(res.body.error.details.errors.map((e: { path: string[] }) => e.path[0])).toContain(path);
  });

  it.each([
    'filters[assignedTo][password][$eq]=x',
    'filters[createdBy][resetPasswordToken][$notNull]=true',
    'filters[nope][$eq]=1',
  ])('answers 400 to a filter on a private or unknown field: %s', async (query) => {
    const res = await manager.get(`/crm/leads?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('ValidationError');
  });
});

describe('GET /crm/leads/board', () => {
  it('answers one column per status but the customer one, with totals and first leads', async () => {
    const res = await manager.get('/crm/leads/board');
    expect(res.status).toBe(200);
    const columns = res.body.data.map((c: { status: { name: string }; total: number }) => [
      c.status.name,
      c.total,
    ]);
    expect(columns).toEqual([
      ['New', 1],
      ['Contacted', 0],
      ['Qualified', 1],
      ['Proposal', 0],
    ]);
    const withConverted = await manager.get('/crm/leads/board?includeConverted=true');
    expect(withConverted.body.data.map((c: { status: { name: string } }) => c.status.name)).toContain(
      'Customer'
    );
  });

  it("refuses (403) a role that may not read statuses: the columns would show each lead's status", async () => {
    const role = await createRole(strapi, [
      {
        action: 'plugin::content-manager.explorer.read',
        subject: 'plugin::crm.lead',
        properties: { fields: ['name', 'company', 'value'] },
      },
    ]);
    const noStatus = await createStaff(strapi, role.id);
    const res = await noStatus.get('/crm/leads/board');
    expect(res.status).toBe(403);
    expect(res.body).toEqual({
      data: null,
      error: {
        status: 403,
        name: 'ForbiddenError',
        message: 'Your role may not read the status of leads, which the board is built on',
        details: {},
      },
    });
    // the list still answers them, without statuses
    const list = await noStatus.get('/crm/leads');
    expect(list.status).toBe(200);
    expect(list.body.data.map((l: { name: string }) => l.name)).toEqual(['Open Oscar', 'Open Olga']);
    for (const lead of list.body.data) expect(lead).not.toHaveProperty('status');
    // a role reading statuses keeps its board
    const withStatus = await createStaff(
      strapi,
      (
        await createRole(strapi, [
          {
            action: 'plugin::content-manager.explorer.read',
            subject: 'plugin::crm.lead',
            properties: { fields: ['name', 'leadStatus'] },
          },
        ])
      ).id
    );
    const board = await withStatus.get('/crm/leads/board');
    expect(board.status).toBe(200);
    expect(
      board.body.data.map((c: { status: { name: string }; total: number }) => [c.status.name, c.total])
    ).toEqual([
      ['New', 1],
      ['Contacted', 0],
      ['Qualified', 1],
      ['Proposal', 0],
    ]);
  });
});

/**
 * Issue 13: every malformed request is a 4xx naming what is wrong, and writes nothing — NUL
 * characters (PostgreSQL refuses them in text), numbers beyond their column, filters of the
 * wrong shape, bodies that cannot be read; a lost database is a 503, the rate limit a 429 whose
 * body says what its Retry-After says.
 */
import type { Core } from '@strapi/strapi';
import { grant } from '../helpers/content-api';
import { countRows, createLead, references } from '../helpers/leads';
import { http, startStrapi, stopStrapi } from '../helpers/strapi';
import { createStaff, type Staff } from '../helpers/users';

const LEAD = 'plugin::crm.lead';
const CRM_TABLES = [
  LEAD,
  'plugin::crm.note',
  'plugin::crm.task',
  'plugin::crm.reminder',
  'plugin::crm.opportunity',
  'plugin::crm.customer',
  'plugin::crm.activity',
  'plugin::upload.file',
];

let strapi: Core.Strapi;
let seller: Staff;
let refs: Awaited<ReturnType<typeof references>>;
let leadId: string;
let opportunityId: string;

const counts = async () => Promise.all(CRM_TABLES.map((uid) => countRows(strapi, uid)));

type Response = { status: number; body: { data?: unknown; error?: Record<string, unknown> } };

/** A 400 in Strapi's validation envelope, one of whose errors is at `path`. */
const expect400 = (res: Response, path: string[]) => {
  expect(res.status).toBe(400);
  expect(res.body).toMatchObject({ data: null, error: { status: 400, name: 'ValidationError' } });
  const paths = (res.body.error!.details as { errors: { path: string[] }[] }).errors.map((e) => e.path);
  expect(paths).toContainEqual(path);
};

/** Runs `send`, expects a 400 at `path`, and that no CRM row (or file) was written. */
const refused = async (send: () => PromiseLike<Response>, path: string[]) => {
  const before = await counts();
  expect400(await send(), path);
  expect(await counts()).toEqual(before);
};

beforeAll(async () => {
  strapi = await startStrapi();
  seller = await createStaff(strapi, 'Sales Staff');
  refs = await references(strapi);
  await grant(strapi, 'public', 'plugin::crm.web-lead.create');
  const lead = await createLead(strapi, { name: 'Target Tess', createdBy: seller.id, value: 10 });
  leadId = lead.documentId;
  const opportunity = await seller
    .post(`/crm/leads/${leadId}/opportunities`)
    .send({ name: 'Deal', value: 100 });
  expect(opportunity.status).toBe(201);
  opportunityId = opportunity.body.data.documentId;
});

afterAll(async () => {
  await stopStrapi(strapi);
});

const validLead = () => ({ name: 'Ada Lovelace', status: refs.status.New, source: refs.source.Referral });

describe('a NUL character', () => {
  it.each([
    ['GET', '/crm/leads/abc%00def'],
    ['PUT', '/crm/leads/%00'],
    ['DELETE', '/crm/leads/x%00'],
    ['POST', '/crm/leads/%00/notes'],
    ['PUT', '/crm/notes/a%00'],
  ])('in the path id of %s %s is a 400 naming id', async (method, url) => {
    const send = () => {
      const verb = { GET: seller.get, PUT: seller.put, DELETE: seller.del, POST: seller.post }[method]!;
      return verb(url).send(method === 'GET' || method === 'DELETE' ? undefined : { body: 'x' });
    };
    await refused(send, ['id']);
  });

  it('in a text field of a new lead or an update is a 400 naming the field', async () => {
    await refused(() => seller.post('/crm/leads').send({ ...validLead(), name: 'Ada\u0000' }), ['name']);
    await refused(() => seller.put(`/crm/leads/${leadId}`).send({ city: 'Pa\u0000ris' }), ['city']);
    await refused(
      () => seller.put(`/crm/leads/${leadId}`).send({ customFields: { note: ['a', 'b\u0000'] } }),
      ['customFields', 'note', '1']
    );
    await refused(() => seller.post(`/crm/leads/${leadId}/notes`).send({ body: '\u0000' }), ['body']);
  });

  it('in a key of the body is a 400', async () => {
    const res = await seller.put(`/crm/leads/${leadId}`).send({ 'ci\u0000ty': 'Paris' });
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('ValidationError');
  });

  it('in q or in a filter of the leads list or the board is a 400 naming it', async () => {
    expect400(await seller.get('/crm/leads?q=ad%00a'), ['q']);
    expect400(await seller.get('/crm/leads?filters[name][$eq]=a%00'), ['filters', 'name', '$eq']);
    expect400(await seller.get('/crm/leads/board?filters[name][$containsi]=%00'), [
      'filters',
      'name',
      '$containsi',
    ]);
  });

  it('in an unauthenticated web-to-lead submission is a 400, and no lead is created', async () => {
    await refused(
      () => http(strapi).post('/api/crm/web-leads').send({ name: 'Bot\u0000', email: 'bot@example.com' }),
      ['name']
    );
  });

  it('in PUT /api/crm/me is refused (401 without a login, 400 with one), writing nothing', async () => {
    const before = await counts();
    const anonymous = await http(strapi).put('/api/crm/me').send({ phone: '\u0000' });
    expect(anonymous.status).toBe(401);
    const email = `nul.${Date.now()}@example.com`;
    const lead = await createLead(strapi, { name: 'Nul Customer', email, createdBy: seller.id });
    const password = 'Portal-Pass-2026';
    const converted = await seller.post(`/crm/leads/${lead.documentId}/convert`).send({
      customer: { firstName: 'Nul', lastName: 'Customer', email },
      login: { enabled: true, password, sendWelcomeEmail: false },
    });
    expect(converted.status).toBe(201);
    const { jwt } = (await http(strapi).post('/api/auth/local').send({ identifier: email, password })).body;
    const mid = await counts();
    expect(mid).not.toEqual(before);
    await refused(
      () => http(strapi).put('/api/crm/me').set('Authorization', `Bearer ${jwt}`).send({ phone: '1\u00002' }),
      ['phone']
    );
  });
});

describe('numbers beyond their column', () => {
  it.each([1e308, -1, 100_000_000, '1e308'])('a lead value of %p is a 400 naming value', async (value) => {
    await refused(() => seller.post('/crm/leads').send({ ...validLead(), value }), ['value']);
    await refused(() => seller.put(`/crm/leads/${leadId}`).send({ value }), ['value']);
  });

  it('accepts the largest value the column holds', async () => {
    const res = await seller.put(`/crm/leads/${leadId}`).send({ value: 99_999_999.99 });
    expect(res.status).toBe(200);
  });

  it('an opportunity value of 1e308 is a 400, on create and on update', async () => {
    await refused(
      () => seller.post(`/crm/leads/${leadId}/opportunities`).send({ name: 'Huge', value: 1e308 }),
      ['value']
    );
    await refused(() => seller.put(`/crm/opportunities/${opportunityId}`).send({ value: 1e308 }), ['value']);
  });

  it('a staff id beyond an integer, an impossible date, a year no database stores are 400s', async () => {
    await refused(() => seller.put(`/crm/leads/${leadId}`).send({ assignedTo: 1e20 }), ['assignedTo']);
    await refused(
      () => seller.post(`/crm/leads/${leadId}/tasks`).send({ title: 'Call', dueDate: '2026-02-30' }),
      ['dueDate']
    );
    await refused(
      () =>
        seller
          .post(`/crm/leads/${leadId}/reminders`)
          .send({ message: 'Later', remindAt: '+099999-01-01T00:00:00.000Z' }),
      ['remindAt']
    );
    expect400(await seller.get('/crm/leads?page=1e308'), ['page']);
  });
});

describe('filters of the wrong shape', () => {
  it.each([
    ['filters[$or]=1', ['filters', '$or']],
    ['filters[$and][0]=x', ['filters', '$and', '0']],
    ['filters[value][$gt]=abc', ['filters', 'value', '$gt']],
    ['filters[value][$between][0]=1', ['filters', 'value', '$between']],
    ['filters[id][$in]=1,2', ['filters', 'id', '$in']],
    ['filters[leadStatus][id][$eq]=abc', ['filters', 'leadStatus', 'id', '$eq']],
    ['filters[status][id][$eq]=abc', ['filters', 'status', 'id', '$eq']],
    ['filters[id][$gt]=99999999999999999999999', ['filters', 'id', '$gt']],
    ['filters[value][$containsi]=1', ['filters', 'value', '$containsi']],
    ['filters[name][$regex]=.*', ['filters', 'name', '$regex']],
    ['filters[createdAt][$gte]=yesterday', ['filters', 'createdAt', '$gte']],
    ['filters[isPublic][$eq]=maybe', ['filters', 'isPublic', '$eq']],
    ['filters[customFields][$eq]=x', ['filters', 'customFields']],
    ['filters=abc', ['filters']],
  ])('%s is a 400 naming the path, on the list and the board', async (query, path) => {
    expect400(await seller.get(`/crm/leads?${query}`), path);
    expect400(await seller.get(`/crm/leads/board?${query}`), path);
  });

  it.each([
    '/content-manager/collection-types/plugin::crm.lead?filters[$or]=1',
    '/content-manager/collection-types/plugin::crm.task?filters[$and]=x',
    '/content-manager/collection-types/plugin::crm.note?filters[$or][0]=1',
    '/content-manager/collection-types/plugin::crm.customer?filters[$not]=1',
    '/content-manager/collection-types/plugin::crm.tag?filters[$or]=1',
    '/content-manager/collection-types/plugin::crm.lead?filters[name][$or]=1',
    '/content-manager/relations/plugin::crm.task/lead?filters[$or]=1',
  ])("Strapi's own %s is a 400, not a 500", async (path) => {
    const res = await seller.get(path);
    expect([path, res.status, res.body.error?.name]).toEqual([path, 400, 'ValidationError']);
    expect(res.body.error.message).toMatch(/^Invalid filters: \$(and|or|not) must be a/);
    // well-formed, the same list answers
    const fine = await seller.get(path.replace(/\?.*$/, '?filters[$or][0][id][$gt]=0'));
    expect([path, fine.status]).toEqual([path, 200]);
  });

  it.each([
    '/content-manager/collection-types/plugin::crm.task?filters[lead][$and][0][$eq]=1',
    '/content-manager/collection-types/plugin::crm.task?filters[$and][0][$eq]=1',
    '/content-manager/collection-types/plugin::crm.lead?filters[customer][$and][0][$eq]=1',
    '/content-manager/collection-types/plugin::crm.lead?filters[tags][$or][0][$eq]=1',
    '/content-manager/collection-types/plugin::crm.task?filters[lead][$eq]=1&filters[lead][id]=1',
    '/content-manager/collection-types/plugin::crm.note?filters[lead][name][$and][0][$eq]=x',
    '/content-manager/relations/plugin::crm.note/lead?filters[$or][0][$eq]=1',
    // a number compared with text, on the type, through a relation, in a picker
    '/content-manager/collection-types/plugin::crm.lead?filters[value][$gt]=abc',
    '/content-manager/collection-types/plugin::crm.lead?filters[value][$in][0]=a',
    '/content-manager/collection-types/plugin::crm.opportunity?filters[value][$lt]=x',
    '/content-manager/collection-types/plugin::crm.lead-status?filters[order][$eq]=x',
    '/content-manager/collection-types/plugin::crm.note?filters[lead][value][$gt]=abc',
    '/content-manager/collection-types/plugin::crm.lead?filters[leadStatus][order][$eq]=x',
    '/content-manager/relations/plugin::crm.note/lead?filters[value][$gt]=abc',
  ])("Strapi's own %s (a shape its query engine cannot read) is a 400, not a 500", async (path) => {
    const res = await seller.get(path);
    expect([path, res.status, res.body.error?.name]).toEqual([path, 400, 'ValidationError']);
    expect(res.body.error.message).toMatch(/^Invalid (query|filters): /);
  });

  it('still answers well-formed filters', async () => {
    const res = await seller.get(
      `/crm/leads?filters[$or][0][value][$gte]=5&filters[$or][1][name][$containsi]=tess&filters[id][$in][0]=1&filters[status][documentId][$eq]=${refs.status.New}`
    );
    expect(res.status).toBe(200);
    expect(res.body.data.map((l: { name: string }) => l.name)).toContain('Target Tess');
  });

  it('refuses JSON nested deeper than 20 levels', async () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 30; i++) deep = { a: deep };
    const res = await seller.put(`/crm/leads/${leadId}`).send({ customFields: deep });
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('ValidationError');
  });
});

describe('bodies that cannot be read', () => {
  it('a truncated multipart upload is a 400, and no file is stored', async () => {
    const boundary = 'crmTruncatedBoundary';
    const body = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="a.txt"\r\n` +
        'Content-Type: text/plain\r\n\r\nhello, this upload stops in the mid'
    );
    await refused(
      () =>
        seller
          .post(`/crm/leads/${leadId}/attachments`)
          .set('Content-Type', `multipart/form-data; boundary=${boundary}`)
          .send(body),
      []
    );
  });

  it('malformed JSON is a 400 in the validation envelope', async () => {
    await refused(
      () => seller.post('/crm/leads').set('Content-Type', 'application/json').send('{"name": "Ada", '),
      []
    );
    await refused(
      () =>
        http(strapi).post('/api/crm/web-leads').set('Content-Type', 'application/json').send('{"name": "Bo'),
      []
    );
  });
});

describe('a database that does not answer', () => {
  it('is a 503 with Retry-After, not a 500', async () => {
    const client = (
      strapi.db.connection as unknown as { client: { acquireConnection: () => Promise<unknown> } }
    ).client;
    const lost = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const spy = jest.spyOn(client, 'acquireConnection').mockRejectedValue(lost);
    try {
      const res = await seller.get('/crm/leads');
      expect(res.status).toBe(503);
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      expect(res.body).toMatchObject({ data: null, error: { status: 503 } });
    } finally {
      spy.mockRestore();
    }
    expect((await seller.get('/crm/leads')).status).toBe(200);
  });
});

describe('the web-to-lead rate limit', () => {
  it('answers 429 whose body carries the Retry-After of its header, in seconds', async () => {
    let limited: Awaited<ReturnType<ReturnType<typeof http>['post']>> | undefined;
    for (let i = 0; i < 30 && !limited; i++) {
      const res = await http(strapi)
        .post('/api/crm/web-leads')
        .send({ name: `Visitor ${i}` });
      if (res.status === 429) limited = res;
    }
    expect(limited).toBeDefined();
    const header = Number(limited!.headers['retry-after']);
    expect(header).toBeGreaterThan(0);
    expect(limited!.body).toMatchObject({
      data: null,
      error: { status: 429, name: 'RateLimitError', details: { retryAfter: header } },
    });
  });
});

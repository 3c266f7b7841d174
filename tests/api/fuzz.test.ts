/**
 * Issue 13: property-based fuzzing of every route the plugin serves. Malformed path ids, query
 * strings (filters of random shapes, NUL characters, huge numbers, lists where one value is
 * expected) and bodies (deep nesting, wrong types, unreadable JSON or multipart) must never
 * answer 5xx, and a refused (4xx) request must not write a row.
 *
 * Fixed seed (FUZZ_SEED to change it); FUZZ_RUNS requests per caller (`npm run test:fuzz` runs
 * a large budget). The routes are read from the booted plugin, so a new route is fuzzed too.
 */
import type { Core } from '@strapi/strapi';
import fc from 'fast-check';
import type request from 'supertest';
import { grant } from '../helpers/content-api';
import { countRows, createLead } from '../helpers/leads';
import { http, startStrapi, stopStrapi } from '../helpers/strapi';
import { createStaff, type Staff } from '../helpers/users';

const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
const SEED = Number(process.env.FUZZ_SEED ?? 20261130);

const TABLES = [
  'plugin::crm.lead',
  'plugin::crm.note',
  'plugin::crm.task',
  'plugin::crm.reminder',
  'plugin::crm.opportunity',
  'plugin::crm.customer',
  'plugin::crm.activity',
  'plugin::upload.file',
];

interface Route {
  method: string;
  path: string;
}

let strapi: Core.Strapi;
let seller: Staff;
let admin: Staff;
const realIds: string[] = [];

/** The plugin's routes of one type, as Strapi loaded them. */
const routesOf = (type: 'admin' | 'content-api'): Route[] => {
  const routers = strapi.plugin('crm').routes as unknown as Record<
    string,
    { type?: string; routes: Route[] }
  >;
  return Object.values(routers)
    .filter((router) => (router.type ?? 'admin') === type)
    .flatMap((router) => router.routes.map(({ method, path }) => ({ method, path })));
};

const counts = () => Promise.all(TABLES.map((uid) => countRows(strapi, uid)));

beforeAll(async () => {
  strapi = await startStrapi({ env: { CRM_WEB_LEADS_RATE_MAX: '1000000' } });
  seller = await createStaff(strapi, 'Sales Staff');
  admin = await createStaff(strapi, 'Super Admin');
  await grant(strapi, 'public', 'plugin::crm.web-lead.create');
  await strapi.documents('plugin::crm.custom-field').create({
    data: { name: 'Budget', slug: 'budget', target: 'lead', type: 'number' },
  });
  for (const owner of [seller, admin]) {
    const lead = await createLead(strapi, { name: `Fuzzed ${owner.id}`, createdBy: owner.id });
    realIds.push(lead.documentId);
    const note = await owner.post(`/crm/leads/${lead.documentId}/notes`).send({ body: 'A note' });
    if (note.body?.data?.documentId) realIds.push(note.body.data.documentId);
    const task = await owner.post(`/crm/leads/${lead.documentId}/tasks`).send({ title: 'A task' });
    if (task.body?.data?.documentId) realIds.push(task.body.data.documentId);
  }
});

afterAll(async () => {
  await stopStrapi(strapi);
  process.env.CRM_WEB_LEADS_RATE_MAX = '10';
});

// ---- the pieces of a hostile request ----

const NASTY_TEXT = [
  '\u0000',
  'a\u0000b',
  '',
  ' ',
  'x'.repeat(256),
  'x'.repeat(10_001),
  '2026-02-30',
  '+099999-01-01T00:00:00.000Z',
  '0000-01-01',
  'abc',
  '1e308',
  '-1e308',
  '99999999999999999999999',
  'NaN',
  'Infinity',
  '1,2',
  'true',
  'null',
  '\uD800',
  '😀',
  "'; DROP TABLE crm_leads; --",
  '%00',
  '$eq',
];

const scalar = fc.oneof(
  fc.constantFrom<unknown>(
    ...NASTY_TEXT,
    1e308,
    -1e308,
    1e20,
    Number.MAX_SAFE_INTEGER,
    2_147_483_648,
    -1,
    0,
    0.001,
    true,
    false,
    null
  ),
  fc.string({ maxLength: 12 }),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean()
);

const FIELDS = [
  'name',
  'status',
  'source',
  'assignedTo',
  'tags',
  'email',
  'website',
  'phone',
  'value',
  'city',
  'description',
  'isPublic',
  'contactedToday',
  'lastContactAt',
  'customFields',
  'budget',
  'lost',
  'junk',
  'dateConverted',
  'customer',
  'body',
  'title',
  'dueDate',
  'remindAt',
  'message',
  'staff',
  'stage',
  'closeDate',
  'login',
  'password',
  'enabled',
  'transferNotes',
  'followUpTask',
  'existingCustomerId',
  'firstName',
  'lastName',
  'slug',
  'merge',
  'target',
  'consent',
  'given',
  'text',
  'data',
  'id',
  'documentId',
  'action',
  'ids',
  '__proto__',
  'constructor',
  'a\u0000',
];

const { json } = fc.letrec<{ json: unknown }>((tie) => ({
  json: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.array(tie('json'), { maxLength: 3 }),
    fc.dictionary(fc.oneof(fc.constantFrom(...FIELDS), fc.string({ maxLength: 6 })), tie('json'), {
      maxKeys: 5,
    })
  ),
}));

const deep = fc.tuple(fc.integer({ min: 15, max: 60 }), fc.boolean()).map(([depth, array]) => {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = array ? [value] : { customFields: value };
  return value;
});

/** A JSON body: mostly an object of known fields, sometimes wrapped in `{ data }`, a list or deep. */
const jsonBody = fc.oneof(
  { weight: 4, arbitrary: fc.dictionary(fc.constantFrom(...FIELDS), json, { maxKeys: 6 }) },
  {
    weight: 1,
    arbitrary: fc.dictionary(fc.constantFrom(...FIELDS), json, { maxKeys: 4 }).map((data) => ({ data })),
  },
  { weight: 1, arbitrary: json },
  { weight: 1, arbitrary: deep.map((customFields) => ({ name: 'Deep', customFields })) }
);

type Body =
  | { kind: 'none' }
  | { kind: 'json'; value: unknown }
  | { kind: 'raw-json'; text: string }
  | { kind: 'multipart'; fields: [string, string][]; filename: string; truncate: boolean };

const body: fc.Arbitrary<Body> = fc.oneof(
  { weight: 6, arbitrary: jsonBody.map((value): Body => ({ kind: 'json', value })) },
  {
    weight: 1,
    arbitrary: fc.tuple(jsonBody, fc.nat()).map(([value, cut]): Body => {
      const text = JSON.stringify(value) ?? 'null';
      return { kind: 'raw-json', text: text.slice(0, cut % Math.max(1, text.length)) + '{' };
    }),
  },
  {
    weight: 1,
    arbitrary: fc
      .record({
        fields: fc.array(fc.tuple(fc.constantFrom(...FIELDS), fc.constantFrom(...NASTY_TEXT)), {
          maxLength: 3,
        }),
        filename: fc.constantFrom('a.txt', 'a\u0000.txt', 'x'.repeat(300), '../../etc/passwd', '😀.pdf'),
        truncate: fc.boolean(),
      })
      .map((m): Body => ({ kind: 'multipart', ...m })),
  }
);

const FILTER_SEGMENTS = [
  'name',
  'value',
  'id',
  'documentId',
  'status',
  'leadStatus',
  'source',
  'tags',
  'assignedTo',
  'createdBy',
  'createdAt',
  'lastContactAt',
  'isPublic',
  'lost',
  'customFields',
  'attachments',
  'customer',
  'nope',
  'password',
  '$or',
  '$and',
  '$not',
  '0',
  '1',
  '$eq',
  '$ne',
  '$in',
  '$notIn',
  '$gt',
  '$lte',
  '$between',
  '$containsi',
  '$startsWith',
  '$null',
  '$notNull',
  '$regex',
  '',
];

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** encodeURIComponent; a string with a lone surrogate is sent with malformed UTF-8 instead. */
const encode = (value: string) =>
  value.replace(LONE_SURROGATE, '') !== value
    ? `${encodeURIComponent(value.replace(LONE_SURROGATE, ''))}%ED%A0%80`
    : encodeURIComponent(value);

const queryValue = fc.oneof(
  fc.constantFrom(...NASTY_TEXT, '1', '5', 'me', 'unassigned', 'name:asc'),
  fc.string({ maxLength: 8 })
);

/** One `key=value` pair of a query string; keys are left readable, values encoded. */
const queryPair = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .tuple(fc.array(fc.constantFrom(...FILTER_SEGMENTS), { minLength: 1, maxLength: 5 }), queryValue)
      .map(([segments, value]) => `filters${segments.map((s) => `[${s}]`).join('')}=${encode(value)}`),
  },
  {
    weight: 3,
    arbitrary: fc
      .tuple(
        fc.constantFrom(
          'q',
          'page',
          'pageSize',
          'sort',
          'includeConverted',
          'includeLost',
          'includeJunk',
          'assignedTo',
          'customFields[budget]',
          'customFields[budget][$gt]',
          'customFields[nope][$eq]',
          'populate',
          'fields[0]',
          'q[0]',
          'page[$gt]',
          'a%00',
          'filters'
        ),
        queryValue
      )
      .map(([key, value]) => `${key}=${encode(value)}`),
  },
  { weight: 1, arbitrary: fc.constantFrom('filters', 'q', 'page', '%00', '&&', 'filters[$or][0]') }
);

const query = fc.array(queryPair, { maxLength: 4 }).map((pairs) => pairs.join('&'));

const pathId = () =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...realIds) },
    {
      weight: 3,
      arbitrary: fc.constantFrom(
        '%00',
        'a%00b',
        '99999999999999999999',
        '2147483648',
        '0',
        '-1',
        '1.5',
        '%2e%2e',
        'null',
        '%F0%9F%98%80',
        'x'.repeat(100),
        '%25',
        '%ZZ',
        '%C0%80',
        'doesnotexist'
      ),
    },
    { weight: 1, arbitrary: fc.stringMatching(/^[a-z0-9]{24}$/) },
    { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 10 }).map(encode) }
  );

const multipart = ({ fields, filename, truncate }: Extract<Body, { kind: 'multipart' }>) => {
  const boundary = 'fuzzBoundary7MA4YWxkTrZu0gW';
  const parts = fields.map(
    ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`
  );
  parts.push(
    `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${filename}"\r\n` +
      'Content-Type: text/plain\r\n\r\nfuzzed file content\r\n'
  );
  const text = parts.join('') + `--${boundary}--\r\n`;
  return {
    contentType: `multipart/form-data; boundary=${boundary}`,
    payload: Buffer.from(truncate ? text.slice(0, Math.floor(text.length * 0.6)) : text),
  };
};

const send = (test: request.Test, b: Body) => {
  switch (b.kind) {
    case 'none':
      return test;
    case 'json':
      return test.set('Content-Type', 'application/json').send(JSON.stringify(b.value) ?? 'null');
    case 'raw-json':
      return test.set('Content-Type', 'application/json').send(b.text);
    case 'multipart': {
      const { contentType, payload } = multipart(b);
      return test.set('Content-Type', contentType).send(payload);
    }
  }
};

const describeBody = (b: Body) =>
  b.kind === 'json'
    ? JSON.stringify(b.value)?.slice(0, 400)
    : b.kind === 'raw-json'
      ? b.text.slice(0, 400)
      : b.kind;

/** Sends one generated request and checks: no 5xx; a 4xx writes nothing. */
const check =
  (prefix: string, caller: Staff | null) =>
  async ([route, id, qs, b]: [Route, string, string, Body]) => {
    const url = `${prefix}${route.path.replace(/:\w+/g, id)}${qs ? `?${qs}` : ''}`;
    const method = route.method.toLowerCase() as 'get' | 'post' | 'put' | 'delete';
    const withBody = method === 'post' || method === 'put' ? b : ({ kind: 'none' } as Body);
    const before = await counts();
    const test = caller
      ? { get: caller.get, post: caller.post, put: caller.put, delete: caller.del }[method](url)
      : http(strapi)[method](url);
    const res = await send(test, withBody);
    const what = `${route.method} ${url} ${describeBody(withBody)} → ${res.status} ${JSON.stringify(res.body).slice(0, 400)}`;
    if (res.status >= 500) throw new Error(`5xx: ${what}`);
    if (res.status >= 400) {
      const after = await counts();
      if (after.join() !== before.join()) {
        throw new Error(`a refused request wrote rows (${before} → ${after}): ${what}`);
      }
    }
  };

const fuzz = async (type: 'admin' | 'content-api', caller: Staff | null) => {
  const routes = routesOf(type);
  expect(routes.length).toBeGreaterThan(0);
  const prefix = type === 'admin' ? '/crm' : '/api/crm';
  await fc.assert(
    fc.asyncProperty(fc.tuple(fc.constantFrom(...routes), pathId(), query, body), check(prefix, caller)),
    { seed: SEED, numRuns: RUNS }
  );
};

it('never answers 5xx to a Sales Staff user, and a refused request writes nothing', async () => {
  await fuzz('admin', seller);
});

it('never answers 5xx to a Super Admin, and a refused request writes nothing', async () => {
  await fuzz('admin', admin);
});

it('never answers 5xx to an anonymous caller of the content API, and a refused request writes nothing', async () => {
  await fuzz('content-api', null);
});

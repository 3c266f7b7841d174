/** Issue 7: the per-IP rate limit of web-to-lead capture (a low limit, in a Strapi of its own). */
import type { Core } from '@strapi/strapi';
import { grant } from '../helpers/content-api';
import { countRows } from '../helpers/leads';
import { http, startStrapi, stopStrapi } from '../helpers/strapi';

let strapi: Core.Strapi;

beforeAll(async () => {
  strapi = await startStrapi({ env: { CRM_WEB_LEADS_RATE_MAX: '3' } });
  await grant(strapi, 'public', 'plugin::crm.web-lead.create');
});

afterAll(async () => {
  await stopStrapi(strapi);
  process.env.CRM_WEB_LEADS_RATE_MAX = '10';
});

it('answers 429 with Retry-After past the limit, writing nothing', async () => {
  const statuses = [];
  for (let i = 0; i < 3; i++) {
    statuses.push(
      (
        await http(strapi)
          .post('/api/crm/web-leads')
          .send({ name: `Visitor ${i}` })
      ).status
    );
  }
  expect(statuses).toEqual([201, 201, 201]);
  const before = await countRows(strapi, 'plugin::crm.lead');
  const limited = await http(strapi).post('/api/crm/web-leads').send({ name: 'One too many' });
  expect(limited.status).toBe(429);
  expect(limited.body).toMatchObject({ data: null, error: { status: 429, name: 'RateLimitError' } });
  expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(60);
  expect(await countRows(strapi, 'plugin::crm.lead')).toBe(before);
});

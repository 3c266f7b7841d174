/** Issue 7: the content-API routes appear in the documentation plugin's OpenAPI document. */
import type { Core } from '@strapi/strapi';
import fs from 'fs';
import path from 'path';
import { startStrapi, stopStrapi } from '../helpers/strapi';

let strapi: Core.Strapi;

beforeAll(async () => {
  strapi = await startStrapi();
});

afterAll(async () => {
  await stopStrapi(strapi);
});

it('documents POST /crm/web-leads and GET|PUT /crm/me with their schemas', async () => {
  const documentation = strapi.plugin('documentation').service('documentation');
  await documentation.generateFullDoc();
  const file = path.join(
    documentation.getFullDocumentationPath(),
    documentation.getDocumentationVersion(),
    'full_documentation.json'
  );
  const doc = JSON.parse(fs.readFileSync(file, 'utf8'));

  expect(doc.paths['/crm/web-leads'].post.requestBody.content['application/json'].schema).toEqual({
    $ref: '#/components/schemas/CrmWebLeadRequest',
  });
  expect(Object.keys(doc.paths['/crm/web-leads'].post.responses)).toEqual(
    expect.arrayContaining(['201', '400', '403', '429'])
  );
  expect(doc.paths['/crm/me'].get.responses['200']).toBeDefined();
  expect(doc.paths['/crm/me'].put.requestBody).toBeDefined();
  expect(doc.components.schemas.CrmWebLeadRequest.required).toEqual(['name']);
  // Staff routes are admin routes: they are not part of the public API document.
  expect(Object.keys(doc.paths).some((p) => p.startsWith('/crm/leads'))).toBe(false);
});

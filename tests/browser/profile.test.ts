import type { Browser } from 'playwright-core';
import { api, BASE, createLead, launchBrowser, logIn, openPage, screenshot, USERS } from './harness';

/** SPEC §5: the lead profile, opened from the Leads page, worked through its tabs and actions. */
let browser: Browser;
let lead: { documentId: string; name: string };

beforeAll(async () => {
  browser = await launchBrowser();
  lead = await createLead(await api(USERS.sam), { name: 'Profile Pia Prospect', company: 'Pia GmbH' });
});

afterAll(() => browser?.close());

test('Sam opens a lead from the list, adds a note, marks it lost, and both are there after a reload', async () => {
  const { page, consoleErrors } = await openPage(browser);
  await logIn(page, USERS.sam);
  await page.goto(`${BASE}/admin/plugins/crm?q=${encodeURIComponent('Profile Pia')}`);
  await page.getByRole('link', { name: lead.name }).click();
  await page.waitForURL(`**/plugins/crm/leads/${lead.documentId}`);
  await page.getByRole('heading', { name: lead.name }).waitFor();

  await page.getByRole('tab', { name: 'Notes' }).click();
  await page.getByRole('button', { name: 'Add a note' }).click();
  await page.getByRole('dialog').getByLabel('Note').fill('Called Pia: budget approved in Q1.');
  await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
  await page.getByText('Called Pia: budget approved in Q1.').waitFor();

  await page.getByRole('button', { name: 'Mark as lost' }).click();
  await page.getByRole('button', { name: 'Not lost' }).waitFor();
  await screenshot(page, 'profile-note-and-lost');

  await page.reload();
  await page.getByRole('button', { name: 'Not lost' }).waitFor();
  await page.getByRole('tab', { name: 'Notes' }).click();
  await page.getByText('Called Pia: budget approved in Q1.').waitFor();
  await page.getByRole('tab', { name: 'Activity' }).click();
  await screenshot(page, 'profile-activity');

  const stored = (await (await api(USERS.sam)).get(`/crm/leads/${lead.documentId}`)).body.data;
  expect(stored.lost).toBe(true);
  expect(consoleErrors).toEqual([]);
});

test('Sam downloads an attachment of the lead: the file comes through the private route, not a public URL', async () => {
  const content = 'Quote for Pia GmbH: 12,400 EUR';
  const login = await fetch(`${BASE}/admin/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(USERS.sam),
  });
  const token: string = (await login.json()).data.token;
  const form = new FormData();
  form.append('files', new Blob([content], { type: 'text/plain' }), 'pia-quote.txt');
  const uploaded = await fetch(`${BASE}/crm/leads/${lead.documentId}/attachments`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}` },
    body: form,
  });
  expect(uploaded.status).toBe(201);
  const { url } = (await uploaded.json()).data[0];
  expect((await fetch(`${BASE}${url}`)).status).toBe(401);

  const { page, consoleErrors } = await openPage(browser);
  await logIn(page, USERS.sam);
  await page.goto(`${BASE}/admin/plugins/crm/leads/${lead.documentId}`);
  await page.getByRole('tab', { name: 'Attachments' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download pia-quote.txt' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('pia-quote.txt');
  const saved = await file.path();
  expect(require('fs').readFileSync(saved, 'utf8')).toBe(content);
  await screenshot(page, 'profile-attachment-downloaded');
  expect(consoleErrors).toEqual([]);
});

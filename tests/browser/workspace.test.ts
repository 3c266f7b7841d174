import fs from 'fs';
import type { Browser, Page } from 'playwright-core';
import { api, BASE, createLead, launchBrowser, logIn, openPage, screenshot, USERS } from './harness';

/** SPEC §8: the Leads workspace of a Sales Staff user: New lead form, a list that fits, bulk and export. */
let browser: Browser;
const run = Date.now().toString(36);

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(() => browser?.close());

const leadsPage = (page: Page, query = '') => page.goto(`${BASE}/admin/plugins/crm${query}`);

test('Sam creates a lead with the New lead form and sees it in the list without a reload', async () => {
  const name = `Form Fiona ${run}`;
  const { page, consoleErrors } = await openPage(browser);
  await logIn(page, USERS.sam);
  await leadsPage(page);
  await page.locator('[data-leads-table]').waitFor();

  await page.getByRole('button', { name: 'New lead' }).click();
  const dialog = page.getByRole('dialog', { name: 'New lead' });
  const status = dialog.getByRole('combobox', { name: /^Status/ });
  const source = dialog.getByRole('combobox', { name: /^Source/ });
  // required, and preselected from the configured defaults
  expect(await status.getAttribute('aria-required')).toBe('true');
  expect(await source.getAttribute('aria-required')).toBe('true');
  await waitForText(status, 'New');
  await waitForText(source, 'Website');

  // nothing is sent while a required field is empty
  let posts = 0;
  page.on('request', (req) => {
    if (req.method() === 'POST' && new URL(req.url()).pathname === '/crm/leads') posts += 1;
  });
  await dialog.getByRole('button', { name: 'Save' }).click();
  await dialog.getByText('This field is required.').first().waitFor();
  expect(posts).toBe(0);

  await dialog.getByLabel(/^Name/).fill(name);
  await dialog.getByLabel('Email address').fill(`fiona.${run}@example.com`);
  await dialog.getByLabel(/^Budget/).fill('7500');
  await dialog.getByRole('checkbox', { name: 'Contacted today' }).click();
  await screenshot(page, 'workspace-new-lead-form');
  const created = page.waitForResponse(
    (res) => new URL(res.url()).pathname === '/crm/leads' && res.request().method() === 'POST'
  );
  await dialog.getByRole('button', { name: 'Save' }).click();
  const response = await created;
  expect(response.status()).toBe(201);
  const lead = (await response.json()).data as { documentId: string };

  // the list reads again: the new lead is first (newest first), no reload
  await page.getByRole('link', { name, exact: true }).waitFor();
  await page.getByText(`The lead ${name} was created.`).waitFor();
  await screenshot(page, 'workspace-new-lead-listed');

  const stored = (await (await api(USERS.sam)).get(`/crm/leads/${lead.documentId}`)).body.data;
  expect(stored.status.name).toBe('New');
  expect(stored.source.name).toBe('Website');
  expect(stored.customFields.budget).toBe(7500);
  expect(stored.contactedToday).toBe(true);
  expect(stored.lastContactAt).not.toBeNull();
  expect(consoleErrors).toEqual([]);
});

test('at 1280 px every list column fits without horizontal scrolling', async () => {
  const { page, consoleErrors } = await openPage(browser);
  await page.setViewportSize({ width: 1280, height: 900 });
  await logIn(page, USERS.sam);
  await leadsPage(page);
  const table = page.locator('[data-leads-table]');
  await table.locator('tbody tr').first().waitFor();
  await screenshot(page, 'workspace-list-1280');

  const fit = await table.evaluate((element) => {
    const container = element.parentElement!;
    return { scrollWidth: container.scrollWidth, clientWidth: container.clientWidth };
  });
  expect(fit.scrollWidth).toBeLessThanOrEqual(fit.clientWidth);
  const headers = await table.locator('thead th').allTextContents();
  expect(headers.join('|')).toMatch(/Name.*Company.*Email.*Status.*Assigned to.*Value.*Created/);
  expect(consoleErrors).toEqual([]);
});

test('Sam selects three leads, assigns them in bulk, then exports the filtered list as CSV', async () => {
  const sam = await api(USERS.sam);
  const prefix = `Bulk Bea ${run}`;
  const leads = [];
  for (const n of [1, 2, 3]) leads.push(await createLead(sam, { name: `${prefix} ${n}`, isPublic: false }));

  const { page, consoleErrors } = await openPage(browser);
  await logIn(page, USERS.sam);
  await leadsPage(page, `?q=${encodeURIComponent(prefix)}`);
  for (const lead of leads) await page.getByRole('link', { name: lead.name, exact: true }).waitFor();
  expect(await page.locator('[data-leads-table] tbody tr').count()).toBe(3);

  for (const lead of leads) await page.getByRole('checkbox', { name: `Select ${lead.name}` }).click();
  await page.getByText('3 leads selected').waitFor();
  await page.getByRole('button', { name: 'Assign to' }).click();
  const bulk = page.waitForResponse(
    (res) => new URL(res.url()).pathname === '/crm/leads/bulk' && res.request().method() === 'POST'
  );
  await page.getByRole('menuitem', { name: 'Sam Staff' }).click();
  const answer = await bulk;
  expect(answer.status()).toBe(200);
  expect(((await answer.json()).data.done as string[]).sort()).toEqual(leads.map((l) => l.documentId).sort());
  // the list reads again and shows the assignee
  await page
    .locator('[data-leads-table] tbody tr', { hasText: leads[0].name })
    .getByText('Sam Staff')
    .waitFor();
  await screenshot(page, 'workspace-bulk-assigned');
  for (const lead of leads) {
    const stored = (await sam.get(`/crm/leads/${lead.documentId}`)).body.data;
    expect(stored.assignedTo.firstname).toBe('Sam');
  }

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const file = await (await download).path();
  const csv = fs.readFileSync(file!, 'utf8');
  const lines = csv
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/);
  expect(lines[0]).toMatch(/name/);
  expect(lines).toHaveLength(4);
  for (const lead of leads) expect(csv).toContain(lead.name);
  expect(consoleErrors).toEqual([]);
});

/** Waits until a locator's text contains `text`. */
async function waitForText(locator: ReturnType<Page['locator']>, text: string) {
  for (let i = 0; i < 50; i += 1) {
    if ((await locator.textContent())?.includes(text)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  expect(await locator.textContent()).toContain(text);
}

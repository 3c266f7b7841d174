import type { Browser } from 'playwright-core';
import {
  api,
  BASE,
  createLead,
  launchBrowser,
  logIn,
  openPage,
  referenceId,
  screenshot,
  staffId,
  USERS,
  type Api,
} from './harness';

/**
 * SPEC §8, Content Manager: Sam (Sales Staff) opens a public lead assigned to Sara in the Content
 * Manager: its custom fields are typed inputs, not a JSON editor, and Sara is shown by name —
 * Sam may not read admin users, yet sees who has the lead.
 */
let browser: Browser;
let admin: Api;
let lead: { documentId: string; name: string };

beforeAll(async () => {
  browser = await launchBrowser();
  admin = await api(USERS.admin);
  lead = await createLead(admin, {
    name: `CM Typed Tess ${Date.now()}`,
    status: await referenceId(admin, 'lead-status', 'Contacted'),
    assignedTo: await staffId(admin, USERS.sara.email),
    isPublic: true,
    customFields: { budget: 42000, industry: 'Energy' },
  });
});

afterAll(() => browser?.close());

test('the edit view of a lead shows typed custom fields and the assignee by name to Sales Staff', async () => {
  const { page, consoleErrors } = await openPage(browser);
  await logIn(page, USERS.sam);
  await page.goto(`${BASE}/admin/content-manager/collection-types/plugin::crm.lead/${lead.documentId}`);
  await page.getByRole('heading', { name: lead.name }).waitFor();

  // typed inputs: a number, a select with its options, no JSON editor
  const budget = page.getByRole('textbox', { name: 'Budget' });
  await budget.waitFor();
  expect(await budget.inputValue()).toBe('42,000');
  await page.getByRole('combobox', { name: 'Industry' }).waitFor();
  expect(await page.getByRole('combobox', { name: 'Industry' }).textContent()).toContain('Energy');
  expect(await page.locator('.cm-editor').count()).toBe(0);

  // the assignee by name (the relation's main field), as the Super Admin sees it
  await page.getByText('Sara', { exact: true }).first().waitFor();
  await screenshot(page, 'cm-edit-view-sales-staff');

  // a typed change is saved as a number
  await budget.fill('43000');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByText('Saved document').waitFor();
  const saved = (await admin.get(`/crm/leads/${lead.documentId}`)).body.data;
  expect(saved.customFields).toMatchObject({ budget: 43000, industry: 'Energy' });
  expect(consoleErrors).toEqual([]);
});

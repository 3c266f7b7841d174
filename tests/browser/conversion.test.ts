import type { Browser, Page } from 'playwright-core';
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
 * SPEC §6 and §8 from the Content Manager: Sam converts his qualified lead with the dialog,
 * merging Budget as a custom field and Mobile into the customer's phone, with a portal login; the
 * edit view and the Leads page he came from show the result without a reload.
 */
let browser: Browser;
let admin: Api;
let lead: { documentId: string; name: string };
const email = `mary.cruz.${Date.now()}@browser.example`;

beforeAll(async () => {
  browser = await launchBrowser();
  admin = await api(USERS.admin);
  lead = await createLead(admin, {
    name: 'Conv Mary Ann de la Cruz',
    email,
    company: 'Cruz & Co',
    status: await referenceId(admin, 'lead-status', 'Qualified'),
    assignedTo: await staffId(admin, USERS.sam.email),
    customFields: { budget: 15000, mobile: '+33 6 11 22 33 44' },
  });
});

afterAll(() => browser?.close());

/** The Content Manager shows the action in the edit view's side panel. */
const openConvertAction = async (page: Page) => {
  const button = page.getByRole('button', { name: 'Convert to customer' });
  await button.waitFor();
  await button.click();
};

/** A move inside the single-page admin, as a link click makes it: history and the router, no load. */
const navigateInApp = (page: Page, path: string) =>
  page.evaluate((to) => {
    window.history.pushState({}, '', to);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, path);

const choose = async (page: Page, combobox: string, option: string) => {
  await page.getByRole('combobox', { name: combobox }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
};

test('Sam converts a lead from its Content Manager edit view', async () => {
  const { page, consoleErrors } = await openPage(browser);
  await logIn(page, USERS.sam);
  // the Leads page first, so its list is in the admin's cache when the conversion happens elsewhere
  const leadsPage = `/admin/plugins/crm?q=${encodeURIComponent('Conv Mary')}`;
  await page.goto(`${BASE}${leadsPage}`);
  await page.getByRole('link', { name: lead.name }).waitFor();
  // from here on, every move is the router's (no page load): this mark would not survive a reload
  await page.evaluate(() => Object.assign(window, { __noReload: true }));
  await navigateInApp(page, `/admin/content-manager/collection-types/plugin::crm.lead/${lead.documentId}`);
  await page.getByRole('heading', { name: lead.name }).waitFor();

  await openConvertAction(page);
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Last name').waitFor();
  expect(await dialog.getByLabel('First name').inputValue()).toBe('Conv');
  expect(await dialog.getByLabel('Last name').inputValue()).toBe('Mary Ann de la Cruz');

  await choose(page, 'How to merge Budget', 'As custom field');
  await choose(page, 'How to merge Mobile', 'Into a customer field');
  await choose(page, 'Customer field for Mobile', 'Phone');
  await dialog.getByRole('checkbox', { name: 'Create a portal login for this customer' }).click();
  await dialog.getByLabel('Password').fill('Portal-Pass-2026');
  await screenshot(page, 'conversion-dialog');
  await dialog.getByRole('button', { name: 'Convert to customer' }).click();

  await page.getByText('Conv Mary Ann de la Cruz is now a customer.').waitFor();
  await page.getByRole('button', { name: 'Already converted to a customer' }).waitFor();
  await screenshot(page, 'conversion-done');
  // without a reload, the edit view reads the lead again: its status is now the customer status
  await page.keyboard.press('Escape');
  await page.getByRole('link', { name: 'Customer', exact: true }).waitFor();
  expect(await page.getByRole('link', { name: 'Qualified', exact: true }).count()).toBe(0);
  await screenshot(page, 'conversion-edit-view-refreshed');

  // the customer holds the merged values and its portal login works
  const converted = (await admin.get(`/crm/leads/${lead.documentId}`)).body.data;
  expect(converted.dateConverted).toBeTruthy();
  expect(converted.status.isCustomerStatus).toBe(true);
  const customer = (
    await admin.get(`/content-manager/collection-types/plugin::crm.customer/${converted.customer.documentId}`)
  ).body.data;
  expect(customer).toMatchObject({
    firstName: 'Conv',
    lastName: 'Mary Ann de la Cruz',
    email,
    phone: '+33 6 11 22 33 44',
    customFields: { budget: 15000 },
  });
  expect(customer.customFields).not.toHaveProperty('mobile');
  const portal = await fetch(`${BASE}/api/auth/local`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ identifier: email, password: 'Portal-Pass-2026' }),
  });
  expect(portal.status).toBe(200);

  // back on the Leads page without a reload: the cached list was dropped, the default list hides it
  await navigateInApp(page, leadsPage);
  await page.getByText('No lead matches these filters.').waitFor();
  expect(await page.evaluate(() => (window as { __noReload?: boolean }).__noReload)).toBe(true);
  await page.getByRole('checkbox', { name: 'Show converted leads' }).click();
  await page.getByRole('link', { name: lead.name }).waitFor();
  await screenshot(page, 'conversion-converted-toggle');
  expect(consoleErrors).toEqual([]);
});

import type { Browser } from 'playwright-core';
import { api, createLead, launchBrowser, logIn, openPage, screenshot, staffId, USERS, BASE } from './harness';

/**
 * SPEC §3 in the admin panel: Sales Staff Sam sees the leads he created, those assigned to him
 * and the public ones; Sara's private lead stays out of his Leads page and his Content Manager.
 */
let browser: Browser;
const names = {
  own: 'Vis Olive Own',
  assigned: 'Vis Arthur Assigned',
  public: 'Vis Paula Public',
  hidden: 'Vis Pierre Private',
};
let hiddenId: string;

beforeAll(async () => {
  browser = await launchBrowser();
  const [admin, sam, sara] = await Promise.all([api(USERS.admin), api(USERS.sam), api(USERS.sara)]);
  await createLead(sam, { name: names.own });
  await createLead(admin, { name: names.assigned, assignedTo: await staffId(admin, USERS.sam.email) });
  await createLead(sara, { name: names.public, isPublic: true });
  hiddenId = (await createLead(sara, { name: names.hidden })).documentId;
});

afterAll(() => browser?.close());

test('the Leads page shows Sam his own, assigned and public leads, not Sara’s private one', async () => {
  const { page, consoleErrors } = await openPage(browser);
  await logIn(page, USERS.sam);
  await page.goto(`${BASE}/admin/plugins/crm?q=Vis`);

  for (const name of [names.own, names.assigned, names.public]) {
    await page.getByRole('link', { name, exact: true }).waitFor();
  }
  await page.getByText('3 leads').waitFor();
  expect(await page.getByRole('link', { name: names.hidden }).count()).toBe(0);
  await screenshot(page, 'visibility-leads-page');
  expect(consoleErrors).toEqual([]);
});

test('the Content Manager shows Sam the same leads and answers “not found” for Sara’s private one', async () => {
  const { page } = await openPage(browser);
  await logIn(page, USERS.sam);
  await page.goto(
    `${BASE}/admin/content-manager/collection-types/plugin::crm.lead?page=1&pageSize=50&sort=name:ASC&_q=Vis`
  );
  for (const name of [names.own, names.assigned, names.public]) {
    await page.getByRole('gridcell', { name, exact: true }).first().waitFor();
  }
  expect(await page.getByText(names.hidden).count()).toBe(0);
  await screenshot(page, 'visibility-content-manager-list');

  // the Content Manager's own API call for the document (not the page's HTML at /admin/...)
  const document = page.waitForResponse(
    (res) =>
      new URL(res.url()).pathname.startsWith(
        `/content-manager/collection-types/plugin::crm.lead/${hiddenId}`
      ) && res.request().method() === 'GET'
  );
  await page.goto(`${BASE}/admin/content-manager/collection-types/plugin::crm.lead/${hiddenId}`);
  expect((await document).status()).toBe(404);
  await page.waitForTimeout(1000);
  // no edit form, no trace of the lead's name
  expect(await page.locator('input[name="name"]').count()).toBe(0);
  expect(await page.getByText(names.hidden).count()).toBe(0);
  await screenshot(page, 'visibility-content-manager-hidden-lead');
});

import type { Browser } from 'playwright-core';
import { api, BASE, createLead, launchBrowser, logIn, openPage, screenshot, staffId, USERS } from './harness';

/** SPEC §4: dragging a card on the kanban changes the lead's status, and it stays changed. */
let browser: Browser;
let lead: { documentId: string; name: string };

beforeAll(async () => {
  browser = await launchBrowser();
  const admin = await api(USERS.admin);
  lead = await createLead(admin, {
    name: 'Kanban Kim Board',
    assignedTo: await staffId(admin, USERS.sam.email),
  });
});

afterAll(() => browser?.close());

test('Sam drags a lead from New to Contacted and the move survives a reload', async () => {
  const { page, consoleErrors } = await openPage(browser);
  await logIn(page, USERS.sam);
  await page.goto(`${BASE}/admin/plugins/crm?view=board&q=${encodeURIComponent(lead.name)}`);

  const card = page.locator(`[data-lead="${lead.name}"]`);
  const column = (name: string) => page.locator(`[data-status-column="${name}"]`);
  await column('New').locator(`[data-lead="${lead.name}"]`).waitFor();

  const saved = page.waitForResponse(
    (res) => res.url().includes(`/crm/leads/${lead.documentId}`) && res.request().method() === 'PUT'
  );
  await card.dragTo(column('Contacted'));
  expect((await saved).status()).toBe(200);
  await screenshot(page, 'kanban-after-drag');

  await page.reload();
  await column('Contacted').locator(`[data-lead="${lead.name}"]`).waitFor();
  expect(await column('New').locator(`[data-lead="${lead.name}"]`).count()).toBe(0);
  await screenshot(page, 'kanban-after-reload');

  const stored = (await (await api(USERS.sam)).get(`/crm/leads/${lead.documentId}`)).body.data;
  expect(stored.status.name).toBe('Contacted');
  expect(consoleErrors).toEqual([]);
});

import type { Browser } from 'playwright-core';
import { api, BASE, createLead, launchBrowser, logIn, openPage, screenshot, staffId, USERS } from './harness';

/** SPEC §8: the Reports page draws its charts with the totals the API answers; My work puts the overdue first. */
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(() => browser?.close());

test('a manager opens Reports from the Leads page and sees the charts with the expected totals', async () => {
  const admin = await api(USERS.admin);
  // one lead created now, so today's interval holds at least one
  await createLead(admin, { name: 'Reported Rita', isPublic: true, value: 1234 });
  const { page, consoleErrors } = await openPage(browser);
  await logIn(page, USERS.admin);
  await page.goto(`${BASE}/admin/plugins/crm`);
  await page.getByRole('link', { name: 'Reports' }).click();
  await page.waitForURL(/\/plugins\/crm\/reports$/);

  const series = page.locator('[role="img"][aria-label^="Leads over time."]');
  await series.locator('svg .recharts-line').first().waitFor();
  // the page's default period is the API's: the totals it draws are the ones the API computes
  const expected = (await admin.get('/crm/reports/leads')).body.data;
  expect(expected.totals.created).toBeGreaterThan(0);
  expect(await series.getAttribute('aria-label')).toBe(
    `Leads over time. ${expected.totals.created} created, ${expected.totals.converted} converted, ` +
      `${expected.totals.lost} lost from ${expected.from} to ${expected.to}`
  );
  const openCount = expected.pipeline.reduce((sum: number, row: { count: number }) => sum + row.count, 0);
  const pipeline = page.locator('[role="img"][aria-label^="Open pipeline by status."]');
  await pipeline.locator('svg .recharts-bar-rectangle').first().waitFor();
  expect(await pipeline.getAttribute('aria-label')).toContain(`${openCount} open leads worth`);
  await page.locator('[role="img"][aria-label^="Conversion rate by source."] svg').waitFor();
  await page.locator('[role="img"][aria-label^="Conversion rate by staff member."] svg').waitFor();
  // the numbers as tables too
  expect(await page.locator('table[aria-label="Leads over time"] tbody tr').count()).toBe(
    expected.series.length
  );
  await screenshot(page, 'reports');
  expect(consoleErrors).toEqual([]);
});

test('My work lists an overdue task first, marked, and completes it', async () => {
  const sam = await api(USERS.sam);
  const admin = await api(USERS.admin);
  const samId = await staffId(admin, USERS.sam.email);
  const lead = await createLead(sam, { name: 'Worked Wanda' });
  const overdue = await sam.post(`/crm/leads/${lead.documentId}/tasks`, {
    title: 'Call Wanda back (overdue)',
    dueDate: '2000-01-03',
    assignedTo: samId,
  });
  expect(overdue.status).toBe(201);
  await sam.post(`/crm/leads/${lead.documentId}/tasks`, {
    title: 'Send Wanda the quote',
    dueDate: '2099-01-01',
    assignedTo: samId,
  });

  const { page, consoleErrors } = await openPage(browser);
  await logIn(page, USERS.sam);
  await page.goto(`${BASE}/admin/plugins/crm/my-work`);
  const rows = page.locator('tbody tr');
  await rows.first().waitFor();
  await expect(rows.first().textContent()).resolves.toContain('Call Wanda back (overdue)');
  await expect(rows.first().textContent()).resolves.toContain('Overdue');
  await rows.first().getByRole('link', { name: 'Worked Wanda' }).waitFor();
  await screenshot(page, 'my-work');

  await rows.first().getByRole('button', { name: 'Complete "Call Wanda back (overdue)"' }).click();
  await page.getByText('Call Wanda back (overdue)').waitFor({ state: 'detached' });
  const stored = (await sam.get(`/crm/leads/${lead.documentId}/tasks`)).body.data;
  expect(stored.find((t: { title: string }) => t.title === 'Call Wanda back (overdue)').status).toBe('done');
  expect(consoleErrors).toEqual([]);
});

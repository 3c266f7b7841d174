import type { Browser } from 'playwright-core';
import { api, BASE, createLead, launchBrowser, logIn, openPage, screenshot, staffId, USERS } from './harness';

/** Issue 16: Strapi's homepage shows the CRM's "My work" and "Pipeline" widgets to a Sales user. */
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(() => browser?.close());

test("Sam's homepage shows My work with his overdue task first, and the Pipeline he may see", async () => {
  const sam = await api(USERS.sam);
  const admin = await api(USERS.admin);
  const lead = await createLead(sam, { name: 'Homepage Hugo' });
  const task = await sam.post(`/crm/leads/${lead.documentId}/tasks`, {
    title: 'Call Hugo back (overdue)',
    dueDate: '2000-01-02',
    assignedTo: await staffId(admin, USERS.sam.email),
  });
  expect(task.status).toBe(201);

  const { page, consoleErrors } = await openPage(browser);
  await logIn(page, USERS.sam);
  await page.goto(`${BASE}/admin`);

  const myWork = page.getByRole('region', { name: 'My work' });
  const first = myWork.getByRole('listitem').first();
  await first.waitFor();
  // the oldest overdue item of his comes first: this one, or another test's older one
  const expected = (await sam.get('/crm/my-work?limit=5')).body.data as { title: string; overdue: boolean }[];
  expect(expected.map((item) => item.title)).toContain('Call Hugo back (overdue)');
  expect(expected[0].overdue).toBe(true);
  expect(await myWork.getByRole('listitem').allTextContents()).toHaveLength(expected.length);
  expect(await first.textContent()).toContain(expected[0].title);
  expect(await first.textContent()).toContain('Overdue');
  const hugo = myWork.getByRole('listitem').filter({ hasText: 'Call Hugo back (overdue)' });
  expect(await hugo.getByRole('link', { name: 'Homepage Hugo' }).getAttribute('href')).toBe(
    `/admin/plugins/crm/leads/${lead.documentId}`
  );

  // the pipeline counts are the report's, over the leads Sam may see
  const pipeline = page.getByRole('region', { name: 'Pipeline' });
  await pipeline.locator('tbody tr').first().waitFor();
  const report = (await sam.get('/crm/reports/leads')).body.data as {
    pipeline: { status: { name: string } | null; count: number }[];
  };
  const shown = await pipeline
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((row) => Array.from(row.querySelectorAll('td'), (td) => td.textContent)));
  expect(shown.map(([status, count]) => [status, Number(count)])).toEqual(
    report.pipeline.map((row) => [row.status?.name ?? 'None', row.count])
  );
  expect(report.pipeline.some((row) => row.count > 0)).toBe(true);
  await screenshot(page, 'homepage-widgets');
  expect(consoleErrors).toEqual([]);
});

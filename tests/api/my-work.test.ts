/** Issue 16: GET /crm/my-work — the caller's open tasks and pending reminders, overdue first. */
import type { Core } from '@strapi/strapi';
import { createLead } from '../helpers/leads';
import { http, startStrapi, stopStrapi } from '../helpers/strapi';
import { createRole, createStaff, type Staff } from '../helpers/users';

let strapi: Core.Strapi;
let seller: Staff;
let other: Staff;
const ids: Record<string, string> = {};

const task = async (key: string, data: Record<string, unknown>) => {
  ids[key] = (
    await strapi.documents('plugin::crm.task').create({ data: { status: 'open', ...data } as never })
  ).documentId;
};
const reminder = async (key: string, data: Record<string, unknown>) => {
  ids[key] = (
    await strapi.documents('plugin::crm.reminder').create({ data: { notified: false, ...data } as never })
  ).documentId;
};

beforeAll(async () => {
  // no reminder job: a due reminder stays pending for the whole file
  strapi = await startStrapi({ env: { CRON_ENABLED: 'false' } });
  seller = await createStaff(strapi, 'Sales Staff');
  other = await createStaff(strapi, 'Sales Staff');
  const mine = await createLead(strapi, { name: 'Mine Mona', createdBy: seller.id });
  const hidden = await createLead(strapi, { name: 'Hidden Hugo', createdBy: other.id, assignedTo: other.id });
  const customer = await strapi
    .documents('plugin::crm.customer')
    .create({ data: { firstName: 'Carl', lastName: 'Client' } as never });
  const s = seller.id;
  const lead = mine.documentId;
  await task('upcoming', { title: 'Send quote', dueDate: '2099-01-01', assignedTo: s, lead });
  await task('overdue', { title: 'Call back', dueDate: '2026-01-05', assignedTo: s, lead });
  await task('undated', { title: 'Onboard', assignedTo: s, customer: customer.documentId });
  await task('done', { title: 'Done already', dueDate: '2026-01-01', status: 'done', assignedTo: s, lead });
  await task('theirs', {
    title: 'Not mine',
    dueDate: '2026-01-01',
    assignedTo: other.id,
    lead: hidden.documentId,
  });
  // assigned to the seller on a lead they cannot see (reassigned, made private): not listed
  await task('hidden', {
    title: 'Hidden work',
    dueDate: '2026-01-01',
    assignedTo: s,
    lead: hidden.documentId,
  });
  await reminder('later', { remindAt: '2098-12-31T10:00:00.000Z', message: 'Ping Mona', staff: s, lead });
  await reminder('late', { remindAt: '2026-06-01T08:00:00.000Z', message: 'Late ping', staff: s, lead });
  await reminder('sent', {
    remindAt: '2026-01-01T08:00:00.000Z',
    message: 'Sent',
    staff: s,
    lead,
    notified: true,
  });
  await reminder('hiddenReminder', {
    remindAt: '2026-01-01T08:00:00.000Z',
    message: 'Hidden',
    staff: s,
    lead: hidden.documentId,
  });
  // a boot on a busy PostgreSQL or MariaDB takes longer than the default hook timeout
}, 300_000);

afterAll(async () => {
  await stopStrapi(strapi);
});

it('runs no reminder job on an instance whose app disables cron', () => {
  // else a due reminder of this file could be sent at the next minute, between two assertions
  expect(strapi.cron.jobs.map((job) => job.name)).not.toContain('crmReminders');
});

it("lists the caller's open tasks and pending reminders, overdue first and marked, with their lead or customer", async () => {
  const res = await seller.get('/crm/my-work');
  expect(res.status).toBe(200);
  expect(res.body.data.map((i: { documentId: string }) => i.documentId)).toEqual([
    ids.overdue,
    ids.late,
    ids.later,
    ids.upcoming,
    ids.undated,
  ]);
  expect(res.body.data.map((i: { overdue: boolean }) => i.overdue)).toEqual([
    true,
    true,
    false,
    false,
    false,
  ]);
  expect(res.body.meta).toEqual({ overdue: 2, total: 5 });
  expect(res.body.data[0]).toEqual({
    kind: 'task',
    documentId: ids.overdue,
    title: 'Call back',
    due: '2026-01-05',
    overdue: true,
    lead: { documentId: expect.any(String), name: 'Mine Mona' },
    customer: null,
  });
  expect(res.body.data[1]).toMatchObject({
    kind: 'reminder',
    title: 'Late ping',
    due: '2026-06-01T08:00:00.000Z',
  });
  expect(res.body.data[4]).toMatchObject({ lead: null, customer: { name: 'Carl Client' } });
});

it('shows another staff member only their own work', async () => {
  const res = await other.get('/crm/my-work');
  expect(res.status).toBe(200);
  expect(res.body.data.map((i: { documentId: string }) => i.documentId)).toEqual([ids.theirs]);
});

it('limits the answer, keeping the overdue ones first, and drops a task once completed through PUT /crm/tasks/:id', async () => {
  const first = await seller.get('/crm/my-work?limit=1');
  expect(first.body.data.map((i: { documentId: string }) => i.documentId)).toEqual([ids.overdue]);
  expect(first.body.meta).toEqual({ overdue: 2, total: 5 });
  expect((await seller.put(`/crm/tasks/${ids.overdue}`).send({ status: 'done' })).status).toBe(200);
  const after = await seller.get('/crm/my-work');
  expect(after.body.data.map((i: { documentId: string }) => i.documentId)).not.toContain(ids.overdue);
  expect(after.body.meta).toEqual({ overdue: 1, total: 4 });
});

it('answers 400 for a bad limit or an unknown parameter, 403 without tasks or reminders, 401 anonymous', async () => {
  for (const query of ['limit=0', 'limit=101', 'limit=x', 'page=2']) {
    const res = await seller.get(`/crm/my-work?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('ValidationError');
  }
  const role = await createRole(strapi, [
    { action: 'plugin::content-manager.explorer.read', subject: 'plugin::crm.lead' },
  ]);
  const reader = await createStaff(strapi, role.id);
  const refused = await reader.get('/crm/my-work');
  expect(refused.status).toBe(403);
  expect(refused.body.error).toEqual({
    status: 403,
    name: 'ForbiddenError',
    message: 'Your role may not read tasks or reminders',
    details: {},
  });
  expect((await http(strapi).get('/crm/my-work')).status).toBe(401);
});

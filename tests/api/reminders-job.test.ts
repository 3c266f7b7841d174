/** Issue 4: due reminders are marked notified and emailed once, even when the job runs twice at once. */
import type { Core } from '@strapi/strapi';
import { emails } from '../helpers/email';
import { createLead } from '../helpers/leads';
import { startStrapi, stopStrapi } from '../helpers/strapi';
import { createStaff, type Staff } from '../helpers/users';

let strapi: Core.Strapi;
let seller: Staff;
let other: Staff;

const reminder = (data: Record<string, unknown>) =>
  strapi.documents('plugin::crm.reminder').create({ data: { notified: false, ...data } as never });

beforeAll(async () => {
  strapi = await startStrapi();
  seller = await createStaff(strapi, 'Sales Staff');
  other = await createStaff(strapi, 'Sales Staff');
});

afterAll(async () => {
  await stopStrapi(strapi);
});

it('schedules the reminder job on an instance whose app enables cron', () => {
  expect(strapi.config.get('server.cron.enabled')).toBe(true);
  expect(strapi.cron.jobs.map((job) => job.name)).toContain('crmReminders');
});

it('sends each due reminder exactly once when two runs race, and not the future ones', async () => {
  const lead = await createLead(strapi, { name: 'Reminded Rosa', createdBy: seller.id });
  const past = new Date(Date.now() - 60_000).toISOString();
  const future = new Date(Date.now() + 3_600_000).toISOString();
  const due = await Promise.all(
    [1, 2, 3].map((i) =>
      reminder({ remindAt: past, message: `Call Rosa #${i}`, staff: seller.id, lead: lead.documentId })
    )
  );
  const later = await reminder({
    remindAt: future,
    message: 'Not yet',
    staff: seller.id,
    lead: lead.documentId,
  });
  emails.reset();

  const service = strapi.plugin('crm').service('reminders');
  const [first, second] = await Promise.all([service.sendDue(), service.sendDue()]);

  expect(first + second).toBe(3);
  expect(emails.sent.map((m) => m.text).sort()).toEqual(['Call Rosa #1', 'Call Rosa #2', 'Call Rosa #3']);
  expect(
    emails.sent.every((m) => m.to === seller.email && m.subject === 'Reminder about Reminded Rosa')
  ).toBe(true);
  for (const r of due) {
    expect(
      (await strapi.db.query('plugin::crm.reminder').findOne({ where: { documentId: r.documentId } }))
        .notified
    ).toBe(true);
  }
  expect(
    (await strapi.db.query('plugin::crm.reminder').findOne({ where: { documentId: later.documentId } }))
      .notified
  ).toBe(false);
  expect(await service.sendDue()).toBe(0);
  expect(emails.sent).toHaveLength(3);
});

it('shows a staff member their own reminders, notified ones included', async () => {
  const lead = await createLead(strapi, { name: 'Listed Lena', createdBy: seller.id });
  await reminder({
    remindAt: new Date(Date.now() - 1000).toISOString(),
    message: 'Mine, due',
    staff: seller.id,
    lead: lead.documentId,
  });
  await reminder({
    remindAt: new Date(Date.now() - 1000).toISOString(),
    message: 'Not mine',
    staff: other.id,
    lead: lead.documentId,
  });
  await strapi.plugin('crm').service('reminders').sendDue();

  const res = await seller.get('/crm/reminders?notified=true');
  expect(res.status).toBe(200);
  const messages = res.body.data.map((r: { message: string }) => r.message);
  expect(messages).toContain('Mine, due');
  expect(messages).not.toContain('Not mine');
  expect(res.body.data.every((r: { notified: boolean }) => r.notified)).toBe(true);
  expect((await seller.get('/crm/reminders?notified=maybe')).status).toBe(400);
});

it('logs a failed reminder email on the lead without sending it again', async () => {
  const lead = await createLead(strapi, { name: 'Failing Fay', createdBy: seller.id });
  await reminder({
    remindAt: new Date(Date.now() - 1000).toISOString(),
    message: 'Will fail',
    staff: seller.id,
    lead: lead.documentId,
  });
  emails.failWith(new Error('mailbox full'));
  try {
    await strapi.plugin('crm').service('reminders').sendDue();
  } finally {
    emails.failWith(null);
  }
  const failure = await strapi.db
    .query('plugin::crm.activity')
    .findOne({ where: { action: 'reminder_email_failed', lead: { documentId: lead.documentId } } });
  expect(failure.data.error).toBe('mailbox full');
  expect(await strapi.plugin('crm').service('reminders').sendDue()).toBe(0);
});

it('does not email a reminder to a staff member who may not see its lead, and logs why on the lead', async () => {
  // set through the Document Service (as the Content Manager would), or set before the lead was
  // made private or reassigned: the email would name the lead to someone who may not see it
  const lead = await createLead(strapi, { name: 'Withheld Wanda', createdBy: seller.id });
  const hidden = await reminder({
    remindAt: new Date(Date.now() - 1000).toISOString(),
    message: 'Call Wanda',
    staff: other.id,
    lead: lead.documentId,
  });
  emails.reset();
  await strapi.plugin('crm').service('reminders').sendDue();

  expect(emails.sent.filter((m) => m.to === other.email)).toEqual([]);
  expect(
    (await strapi.db.query('plugin::crm.reminder').findOne({ where: { documentId: hidden.documentId } }))
      .notified
  ).toBe(true);
  const withheld = await strapi.db
    .query('plugin::crm.activity')
    .findOne({ where: { action: 'reminder_email_withheld', lead: { documentId: lead.documentId } } });
  expect(withheld.data).toEqual({ reminder: hidden.documentId });

  // once the lead is public, their next reminder reaches them
  await strapi.db
    .query('plugin::crm.lead')
    .update({ where: { documentId: lead.documentId }, data: { isPublic: true } });
  await reminder({
    remindAt: new Date(Date.now() - 1000).toISOString(),
    message: 'Call Wanda now',
    staff: other.id,
    lead: lead.documentId,
  });
  await strapi.plugin('crm').service('reminders').sendDue();
  expect(emails.sent.filter((m) => m.to === other.email).map((m) => m.text)).toEqual(['Call Wanda now']);
});

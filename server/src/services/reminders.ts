import type { Core } from '@strapi/strapi';
import { getService } from '../utils';
import { UID } from '../uids';
import { sectionReader } from './sections/readable';
import type { ReminderRow } from '../content-types/rows';
import { serializeSection } from './sections';
import type { UserAbility } from './visibility';

/** How many due reminders one run handles; the next run takes the rest. */
const BATCH = 100;

/** Due reminders: marked notified and emailed to their staff member, once, whatever runs the job. */
const remindersService = ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * Sends the reminders due at `now`. Each one is claimed with a conditional update
   * (notified false → true) before its email goes out, so when several Strapi instances sharing
   * one database run the job at once, each reminder is sent by exactly one of them.
   * Answers how many this run handled (claimed).
   */
  async sendDue(now = new Date()) {
    const due: ReminderRow[] = await strapi.db.query(UID.reminder).findMany({
      where: { notified: false, remindAt: { $lte: now } },
      populate: {
        staff: { select: ['id', 'email', 'firstname'] },
        lead: { select: ['documentId', 'name'] },
        customer: { select: ['documentId'] },
      },
      orderBy: [{ remindAt: 'asc' }, { id: 'asc' }],
      limit: BATCH,
    });
    const abilities = new Map<number, Promise<UserAbility | null>>();
    /** Whether staff member `staffId` may read the reminder `id`, by the rule of every route. */
    const mayRead = async (staffId: number, id: number) => {
      if (!abilities.has(staffId)) abilities.set(staffId, getService(strapi, 'staff').abilityOf(staffId));
      const ability = await abilities.get(staffId)!;
      if (!ability) return false;
      const readable = getService(strapi, 'visibility').readableRows(ability, UID.reminder);
      const found = await strapi.db
        .query(UID.reminder)
        .findOne({ where: readable ? { $and: [{ id }, readable] } : { id }, select: ['id'] });
      return !!found;
    };
    let sent = 0;
    for (const reminder of due) {
      const { count } = await strapi.db
        .query(UID.reminder)
        .updateMany({ where: { id: reminder.id, notified: false }, data: { notified: true } });
      if (count !== 1) continue;
      sent += 1;
      if (!reminder.staff?.email) continue;
      const parent = getService(strapi, 'parents').of(reminder);
      const on = parent ? { [parent.type]: parent.documentId } : null;
      // The email names the lead and says the message: a reminder its staff member may not read
      // now (its lead reassigned or made private, their role changed since it was set) is not
      // mailed to them (SPEC §3.1).
      if (!(await mayRead(reminder.staff.id, reminder.id))) {
        if (on)
          await getService(strapi, 'activity').record([
            { action: 'reminder_email_withheld', ...on, data: { reminder: reminder.documentId } },
          ]);
        continue;
      }
      const about = reminder.lead ? ` about ${reminder.lead.name}` : '';
      await strapi
        .plugin('email')
        .service('email')
        .send({ to: reminder.staff.email, subject: `Reminder${about}`, text: reminder.message })
        .catch(async (error: Error) => {
          strapi.log.warn(`[crm] reminder ${reminder.documentId}: the email failed: ${error.message}`);
          if (on) {
            await getService(strapi, 'activity').record([
              {
                action: 'reminder_email_failed',
                ...on,
                data: { reminder: reminder.documentId, error: error.message },
              },
            ]);
          }
        });
    }
    return sent;
  },

  /** The caller's own reminders (due ones first), for their reminders list. */
  async mine(ability: UserAbility, userId: number, { notified }: { notified?: boolean }) {
    // a reminder of a lead the caller no longer sees (reassigned, made private) is not theirs to
    // read, nor one the role's read conditions on reminders leave out
    const visible = getService(strapi, 'visibility').readableRows(ability, UID.reminder);
    const mine = { staff: { id: userId }, ...(notified === undefined ? {} : { notified }) };
    const rows = await strapi.documents(UID.reminder).findMany({
      filters: visible ? { $and: [mine, visible] } : mine,
      sort: [{ remindAt: 'asc' }, { id: 'asc' }],
      limit: 100,
      populate: {
        lead: { fields: ['name'] },
        customer: { fields: ['firstName'] },
        staff: { fields: ['firstname', 'lastname'] },
      },
    });
    const shown = sectionReader(strapi, ability, 'reminders');
    return rows.map((row) => shown(serializeSection('reminders', row)));
  },
});

export default remindersService;
export type RemindersService = ReturnType<typeof remindersService>;

import type { Core } from '@strapi/strapi';
import type { ReminderRow, TaskRow } from '../content-types/rows';
import type { MyWorkItem } from '../contracts';
import { CM_ACTION, UID, type CrmUid } from '../uids';
import { getService } from '../utils';
import { readableFields } from './leads/readable';
import type { Filter, UserAbility } from './visibility';

type Row = TaskRow | ReminderRow;

const PARENTS = {
  lead: { select: ['documentId', 'name'] },
  customer: { select: ['documentId', 'firstName', 'lastName'] },
};

/** Where an item sorts: its due moment (a task's day at midnight UTC); no date sorts last. */
const sortKey = (item: MyWorkItem) =>
  item.due === null
    ? Infinity
    : new Date(item.kind === 'task' ? `${item.due}T00:00:00.000Z` : item.due).getTime();

/** "My work": the caller's open tasks and pending reminders on the leads and customers they see. */
const myWorkService = ({ strapi }: { strapi: Core.Strapi }) => {
  const scoped = (ability: UserAbility, uid: CrmUid, mine: Filter) => {
    const visible = getService(strapi, 'visibility').readableRows(ability, uid);
    return visible ? { $and: [mine, visible] } : mine;
  };

  return {
    /** Overdue first, then by due date, at most `limit` items; `total` counts them all. */
    async list(ability: UserAbility, userId: number, { limit }: { limit: number }, now = new Date()) {
      const today = now.toISOString().slice(0, 10);
      const leadName = readableFields(strapi, ability, UID.lead)('name');
      const customerRead = readableFields(strapi, ability, UID.customer);
      // an item shows a task by its title and due date, a reminder by its message and time, and is
      // ordered by them: a kind whose fields the role may not read is left out (SPEC §3.1)
      const readsAll = (uid: string, fields: string[]) =>
        ability.can(CM_ACTION.read, uid) && fields.every(readableFields(strapi, ability, uid));
      const parents = (row: Row) => ({
        lead: row.lead
          ? { documentId: row.lead.documentId, name: leadName ? (row.lead.name ?? '') : '' }
          : null,
        customer: row.customer
          ? {
              documentId: row.customer.documentId,
              name: [
                customerRead('firstName') ? row.customer.firstName : null,
                customerRead('lastName') ? row.customer.lastName : null,
              ]
                .filter(Boolean)
                .join(' '),
            }
          : null,
      });
      const tasks = readsAll(UID.task, ['title', 'dueDate', 'status'])
        ? scoped(ability, UID.task, {
            assignedTo: { id: userId },
            $or: [{ status: { $ne: 'done' } }, { status: { $null: true } }],
          })
        : null;
      const reminders = readsAll(UID.reminder, ['message', 'remindAt', 'notified'])
        ? scoped(ability, UID.reminder, {
            staff: { id: userId },
            $or: [{ notified: false }, { notified: { $null: true } }],
          })
        : null;

      // the `limit` earliest of each kind hold the `limit` first of both together
      const and = (where: Filter | null, extra: Filter) => (where ? { $and: [where, extra] } : null);
      const find = async <R extends Row>(
        uid: string,
        where: Filter | null,
        select: string[],
        orderBy: string
      ): Promise<R[]> =>
        where
          ? strapi.db.query(uid).findMany({
              where,
              select,
              populate: PARENTS,
              orderBy: [{ [orderBy]: 'asc' }, { id: 'asc' }],
              limit,
            })
          : [];
      const count = async (uid: string, where: Filter | null): Promise<number> =>
        where ? strapi.db.query(uid).count({ where }) : 0;
      const [dated, undated, reminderRows, ...counts] = await Promise.all([
        find<TaskRow>(
          UID.task,
          and(tasks, { dueDate: { $notNull: true } }),
          ['documentId', 'title', 'dueDate'],
          'dueDate'
        ),
        find<TaskRow>(
          UID.task,
          and(tasks, { dueDate: { $null: true } }),
          ['documentId', 'title', 'dueDate'],
          'id'
        ),
        find<ReminderRow>(UID.reminder, reminders, ['documentId', 'message', 'remindAt'], 'remindAt'),
        count(UID.task, tasks),
        count(UID.reminder, reminders),
        count(UID.task, and(tasks, { dueDate: { $lt: today } })),
        count(UID.reminder, and(reminders, { remindAt: { $lt: now } })),
      ]);
      const [taskCount, reminderCount, overdueTasks, overdueReminders] = counts;
      const taskRows = [...dated, ...undated];

      const items: MyWorkItem[] = [
        ...taskRows.map((row) => ({
          kind: 'task' as const,
          documentId: row.documentId,
          title: row.title ?? '',
          due: row.dueDate ?? null,
          overdue: !!row.dueDate && row.dueDate < today,
          ...parents(row),
        })),
        ...reminderRows.map((row) => {
          const due = row.remindAt ? new Date(row.remindAt).toISOString() : null;
          return {
            kind: 'reminder' as const,
            documentId: row.documentId,
            title: row.message ?? '',
            due,
            overdue: !!due && new Date(due) < now,
            ...parents(row),
          };
        }),
      ];
      items.sort((a, b) => Number(b.overdue) - Number(a.overdue) || sortKey(a) - sortKey(b));
      const data = items.slice(0, limit);
      return {
        data,
        meta: { overdue: overdueTasks + overdueReminders, total: taskCount + reminderCount },
      };
    },
  };
};

export default myWorkService;
export type MyWorkService = ReturnType<typeof myWorkService>;

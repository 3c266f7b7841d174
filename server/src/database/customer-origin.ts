import type { Core } from '@strapi/strapi';
import { UID } from '../uids';
import type { JoinTable } from './batch-insert';

/** Activity rows that say a lead became this customer: they outlive the lead. */
const BECAME_ACTIONS = ['created_from_lead', 'lead_merged'];

const joinTableOf = (strapi: Core.Strapi, uid: string, field: string) =>
  (strapi.db.metadata.get(uid).attributes as Record<string, { joinTable?: JoinTable }>)[field]?.joinTable;

/**
 * A customer's `fromLead` (a private, hidden, non-writable column) says that a lead became it: set
 * by the conversion, it stays when that lead is deleted, so the customer, with the notes and files
 * the conversion copied, does not become everyone's (services/visibility.ts). At boot, customers
 * written by an earlier version get it from their links to a lead, and once from the activity
 * rows that recorded a conversion whose lead is gone.
 */
export const backfillCustomerOrigins = async (strapi: Core.Strapi) => {
  const meta = strapi.db.metadata.get(UID.customer);
  const column = (meta.attributes as Record<string, { columnName?: string }>).fromLead?.columnName;
  if (!column) return;
  const knex = strapi.db.connection;
  const linked = [joinTableOf(strapi, UID.customer, 'lead'), joinTableOf(strapi, UID.lead, 'customer')];
  const sources = linked.flatMap((link, i) =>
    link ? [knex(link.name).select(i === 0 ? link.joinColumn.name : link.inverseJoinColumn.name)] : []
  );
  const store = strapi.store({ type: 'plugin', name: 'crm' });
  const fromActivityDone = await store.get({ key: 'customer-origin-from-activity' });
  const activityLink = joinTableOf(strapi, UID.activity, 'customer');
  if (!fromActivityDone && activityLink) {
    const activity = strapi.db.metadata.get(UID.activity);
    const action =
      (activity.attributes as Record<string, { columnName?: string }>).action?.columnName ?? 'action';
    sources.push(
      knex(activityLink.name)
        .select(activityLink.inverseJoinColumn.name)
        .whereIn(
          activityLink.joinColumn.name,
          knex(activity.tableName).select('id').whereIn(action, BECAME_ACTIONS)
        )
    );
  }
  for (const ids of sources) {
    await knex(meta.tableName)
      .update({ [column]: true })
      .where((b) => b.whereNull(column).orWhere(column, false))
      .whereIn('id', ids);
  }
  if (!fromActivityDone) await store.set({ key: 'customer-origin-from-activity', value: true });
};

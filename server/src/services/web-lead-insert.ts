import type { Core } from '@strapi/strapi';
import { insertRows } from '../database/batch-insert';
import { emitCreatedAfterCommit } from '../database/entry-events';
import { mirrorValues } from '../database/lead-mirrors';
import { UID } from '../uids';
import type { ActivityRecord } from './activity';

/** A row the capture links, as the database query engine read it (all its columns). */
type LinkedRow = { id: number } & Record<string, unknown>;

/** What a capture writes on a new lead besides the form's fields (resolved by the caller). */
export interface WebLeadValues {
  /** The form's fields, already kept to those it may write (`formWritableFields`). */
  fields: Record<string, string | null>;
  customFields: Record<string, unknown>;
  status: LinkedRow | null;
  source: LinkedRow | null;
  assignee: LinkedRow | null;
  isPublic: boolean;
}

const TEXT_TYPES = ['string', 'text', 'email', 'richtext'];

/**
 * The form's fields a capture may write, on a new lead and on the open lead it completes alike:
 * the lead's public text attributes only. The form's fields are read and checked as text at the
 * edge (validation/web-lead); a configured field that is not a text attribute of the lead (a
 * relation, a number, a date, a flag, a conversion field) is never written by a form.
 */
export const formWritableFields = (strapi: Core.Strapi, fields: Record<string, string | null>) => {
  const attributes = strapi.getModel(UID.lead).attributes as Record<
    string,
    { type: string; private?: boolean }
  >;
  return Object.fromEntries(
    Object.entries(fields).filter(([name]) => {
      const attribute = attributes[name];
      return !!attribute && TEXT_TYPES.includes(attribute.type) && !attribute.private;
    })
  );
};

/**
 * Writes a new web lead the way the CSV import writes its leads, without the Document Service:
 * the lead with its mirror columns (database/lead-mirrors) in one insert, its status, source and
 * assignee links in one insert each (database/batch-insert), and Strapi's `entry.create` once the
 * surrounding transaction commits (database/entry-events). What the Document Service middlewares
 * would add for this write is the caller's to keep: the `created` activity row, returned here to
 * go into the capture's single insert of activity rows. The middlewares' other rules have nothing
 * to check on it: no request user (so no visibility or lock rule), no conversion field, no file,
 * custom-field values checked against the definitions offered on web forms.
 * Call it inside the capture's transaction.
 */
export const insertWebLead = async (
  strapi: Core.Strapi,
  values: WebLeadValues,
  actor: number | null
): Promise<{ lead: { id: number; documentId: string; name: string }; created: ActivityRecord }> => {
  const { fields } = values;
  const links = {
    leadStatus: values.status?.id ?? null,
    source: values.source?.id ?? null,
    assignedTo: values.assignee?.id ?? null,
  };
  // the columns that mirror these links, written with the lead itself (as the import's toRow does)
  const mirrors = mirrorValues(links);
  const [written] = await insertRows(strapi, UID.lead, [
    {
      data: { ...fields, ...mirrors, customFields: values.customFields, isPublic: values.isPublic },
      links,
    },
  ]);
  // the event's relations are what was just linked (read whole by the caller) or nothing yet
  await emitCreatedAfterCommit(strapi, UID.lead, [written.id], {
    leadStatus: values.status,
    source: values.source,
    assignedTo: values.assignee,
    tags: [],
    customer: null,
    attachments: [],
  });
  const name = String(fields.name);
  return {
    lead: { ...written, name },
    // the row the lead-activity middleware writes for every created lead
    created: { action: 'created', lead: written.documentId, leadId: written.id, actor, data: { name } },
  };
};

import type { Core } from '@strapi/strapi';
import { validationError } from '../errors';
import { crmConfig, getService } from '../utils';
import { UID } from '../uids';
import type { WebLeadInput } from '../validation/web-lead';
import { checkValues, type CustomFieldDefinition } from './custom-fields';
import type { LeadRow } from '../content-types/rows';
import type { ActivityRecord } from './activity';
import { isEmptyValue } from '../utils/values';
import { leadIdsWithEmail } from '../database/lead-email-index';
import { insertRows } from '../database/batch-insert';
import { formWritableFields, insertWebLead } from './web-lead-insert';

/**
 * Web-to-lead capture (SPEC §7): a site's contact form creates a lead with the configured
 * defaults, or completes the open lead that already has its email; consent is recorded; the
 * assignee hears of it after the commit.
 */
const webLeadsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => crmConfig(strapi, 'webLeads');

  /** Only custom fields offered on web forms are accepted, each checked against its type. */
  const checkCustomFields = async (values: Record<string, unknown>) => {
    const defs: CustomFieldDefinition[] = await strapi.db
      .query(UID.customField)
      .findMany({ where: { target: 'lead', active: true, webForm: true } });
    const { checked: accepted, errors } = checkValues(defs, values, 'is not a field of this form');
    if (errors.length) throw validationError(errors);
    return accepted;
  };

  /** The configured status, source and assignee, resolved once per submission (side by side). */
  const defaults = async () => {
    const { defaultStatus, defaultSource, defaultAssignee } = config();
    const [named, source, assignee] = await Promise.all([
      strapi.db.query(UID.leadStatus).findOne({ where: { name: defaultStatus, isCustomerStatus: false } }),
      strapi.db.query(UID.leadSource).findOne({ where: { name: defaultSource } }),
      defaultAssignee
        ? strapi.db.query('admin::user').findOne({ where: { id: defaultAssignee, isActive: true } })
        : null,
    ]);
    const status =
      named ??
      (await strapi.db
        .query(UID.leadStatus)
        .findOne({ where: { isCustomerStatus: false }, orderBy: { order: 'asc' } }));
    return { status, source, assignee };
  };

  /**
   * The most recent open lead (not converted, lost or junk) with this email, in one query: the
   * leads are picked by email alone through the email index (database/lead-email-index), whatever
   * the database's statistics say; the few that share an email are then sorted out here.
   */
  const openLeadWithEmail = async (email: string): Promise<LeadRow | null> => {
    const candidates: LeadRow[] = await strapi.db
      .query(UID.lead)
      .findMany({ where: { id: { $in: leadIdsWithEmail(strapi, email) } } });
    const [newest] = candidates
      .filter((lead) => !lead.dateConverted && !lead.lost && !lead.junk)
      .sort(
        (a, b) => new Date(b.createdAt ?? 0).getTime() - new Date(a.createdAt ?? 0).getTime() || b.id - a.id
      );
    return newest ?? null;
  };

  return {
    /** Captures one submission; a filled honeypot is accepted and dropped. */
    async capture(input: WebLeadInput) {
      if (input.honeypotFilled) return null;
      // independent reads, side by side
      const [customFields, { status, source, assignee }] = await Promise.all([
        checkCustomFields(input.customFields),
        defaults(),
      ]);
      const activity = getService(strapi, 'activity');
      // one rule for both paths: a new lead and the open lead a submission completes
      const fields = formWritableFields(strapi, input.fields);

      let created = false;
      const lead = await strapi.db.transaction(async () => {
        const rows: ActivityRecord[] = [];
        const existing =
          config().duplicates === 'update' && fields.email ? await openLeadWithEmail(fields.email) : null;
        let saved: Pick<LeadRow, 'id' | 'documentId'> & Record<string, unknown>;
        if (existing) {
          const current: Record<string, unknown> = existing;
          const filled = Object.fromEntries(
            Object.entries(fields).filter(
              ([k, v]) => !isEmptyValue(v) && isEmptyValue(current[k]) && k !== 'description'
            )
          );
          const mergedCustom = { ...customFields, ...(existing.customFields ?? {}) };
          const data: Record<string, unknown> = { ...filled, customFields: mergedCustom };
          await strapi.documents(UID.lead).update({ documentId: existing.documentId, data });
          saved = { ...existing, ...data };
          if (fields.description) {
            await insertRows(strapi, UID.note, [
              {
                data: { body: `Sent again through the web form:\n${fields.description}` },
                links: { lead: existing.id },
              },
            ]);
          }
          rows.push({
            action: 'web_form_resubmitted',
            lead: existing.documentId,
            leadId: existing.id,
            data: {},
          });
        } else {
          const made = await insertWebLead(
            strapi,
            {
              fields,
              customFields,
              status: status ?? null,
              source: source ?? null,
              assignee: assignee ?? null,
              isPublic: config().isPublic,
            },
            activity.currentActor()
          );
          saved = made.lead;
          created = true;
          rows.push(made.created, {
            action: 'captured_from_web_form',
            lead: saved.documentId,
            leadId: saved.id,
            data: {},
          });
        }
        if (input.consent) {
          rows.push({
            action: 'consent_given',
            lead: saved.documentId,
            leadId: saved.id,
            data: { text: input.consent.text, givenAt: new Date().toISOString(), through: 'web form' },
          });
        }
        // the new lead's `created` row and the capture's own rows, in one insert
        await activity.record(rows);
        return saved;
      });

      // Only a lead made now is announced: it is the default assignee's. A submission that completed
      // an existing lead would otherwise tell them the name of a lead they may not see (SPEC §3.1).
      if (created && assignee?.email) {
        await strapi
          .plugin('email')
          .service('email')
          .send({
            to: assignee.email,
            subject: `New web lead: ${lead.name}`,
            text: `${lead.name} filled in the contact form.`,
          })
          .catch((error: Error) => strapi.log.warn(`[crm] the new web lead notice failed: ${error.message}`));
      }
      return lead;
    },
  };
};

export default webLeadsService;
export type WebLeadsService = ReturnType<typeof webLeadsService>;

import type { Core } from '@strapi/strapi';
import type { CrmConfig } from '../config';
import { validationError } from '../errors';
import { getService } from '../utils';
import { UID } from '../uids';
import type { WebLeadInput } from '../validation/web-lead';
import { checkValues, type CustomFieldDefinition } from './custom-fields';
import type { DocumentRow as Row } from '../types';
import { isEmptyValue } from '../utils/values';

/**
 * Web-to-lead capture (SPEC §7): a site's contact form creates a lead with the configured
 * defaults, or completes the open lead that already has its email; consent is recorded; the
 * assignee hears of it after the commit.
 */
const webLeadsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.plugin('crm').config('webLeads') as CrmConfig['webLeads'];

  /** Only custom fields offered on web forms are accepted, each checked against its type. */
  const checkCustomFields = async (values: Record<string, unknown>) => {
    const defs: CustomFieldDefinition[] = await strapi.db
      .query(UID.customField)
      .findMany({ where: { target: 'lead', active: true, webForm: true } });
    const { checked: accepted, errors } = checkValues(defs, values, 'is not a field of this form');
    if (errors.length) throw validationError(errors);
    return accepted;
  };

  /** The configured status, source and assignee, resolved once per submission. */
  const defaults = async () => {
    const { defaultStatus, defaultSource, defaultAssignee } = config();
    const status =
      (await strapi.db
        .query(UID.leadStatus)
        .findOne({ where: { name: defaultStatus, isCustomerStatus: false } })) ??
      (await strapi.db
        .query(UID.leadStatus)
        .findOne({ where: { isCustomerStatus: false }, orderBy: { order: 'asc' } }));
    const source = await strapi.db.query(UID.leadSource).findOne({ where: { name: defaultSource } });
    const assignee = defaultAssignee
      ? await strapi.db.query('admin::user').findOne({ where: { id: defaultAssignee, isActive: true } })
      : null;
    return { status, source, assignee };
  };

  /**
   * The most recent open lead (not converted, lost or junk) with this email. The leads are looked
   * up by email alone, so that the database takes the index on LOWER(email) (database/lead-email-index)
   * whatever its statistics say; the few leads sharing an email are then sorted out here.
   */
  const openLeadWithEmail = async (email: string): Promise<Row | null> => {
    const candidates: Row[] = await strapi.db.query(UID.lead).findMany({
      where: { email: { $eqi: email } },
      select: ['id', 'dateConverted', 'lost', 'junk', 'createdAt'],
    });
    const [newest] = candidates
      .filter((lead) => !lead.dateConverted && !lead.lost && !lead.junk)
      .sort((a, b) => new Date(b.createdAt).getTime() - new Date(a.createdAt).getTime() || b.id - a.id);
    return newest ? strapi.db.query(UID.lead).findOne({ where: { id: newest.id } }) : null;
  };

  return {
    /** Captures one submission; a filled honeypot is accepted and dropped. */
    async capture(input: WebLeadInput) {
      if (input.honeypotFilled) return null;
      const customFields = await checkCustomFields(input.customFields);
      const { status, source, assignee } = await defaults();
      const activity = getService(strapi, 'activity');
      const { fields } = input;

      let created = false;
      const lead = await strapi.db.transaction(async () => {
        const existing =
          config().duplicates === 'update' && fields.email ? await openLeadWithEmail(fields.email) : null;
        let saved: Row;
        if (existing) {
          const filled = Object.fromEntries(
            Object.entries(fields).filter(
              ([k, v]) => !isEmptyValue(v) && isEmptyValue(existing[k]) && k !== 'description'
            )
          );
          const mergedCustom = { ...customFields, ...(existing.customFields ?? {}) };
          saved = (await strapi.documents(UID.lead).update({
            documentId: existing.documentId,
            data: { ...filled, customFields: mergedCustom } as Record<string, unknown>,
          })) as Row;
          if (fields.description) {
            await strapi.documents(UID.note).create({
              data: {
                body: `Sent again through the web form:\n${fields.description}`,
                lead: existing.documentId,
              } as Record<string, unknown>,
            });
          }
          await activity.record([{ action: 'web_form_resubmitted', lead: existing.documentId, data: {} }]);
        } else {
          saved = (await strapi.documents(UID.lead).create({
            data: {
              ...fields,
              customFields,
              leadStatus: status?.documentId,
              source: source?.documentId,
              assignedTo: assignee?.id ?? null,
              isPublic: config().isPublic,
            } as Record<string, unknown>,
          })) as Row;
          created = true;
          await activity.record([{ action: 'captured_from_web_form', lead: saved.documentId, data: {} }]);
        }
        if (input.consent) {
          await activity.record([
            {
              action: 'consent_given',
              lead: saved.documentId,
              data: { text: input.consent.text, givenAt: new Date().toISOString(), through: 'web form' },
            },
          ]);
        }
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

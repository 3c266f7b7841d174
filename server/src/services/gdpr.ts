import type { Core } from '@strapi/strapi';
import { onlyReadable, readableActivity, readableLeadFields } from './leads/readable';
import { SECTION_KINDS } from '../contracts';
import { getService } from '../utils';
import { CM_ACTION, UID } from '../uids';
import { DETAIL_POPULATE } from './leads/populate';
import { leadDetail, staff } from './leads/serialize';
import { SECTIONS, serializeSection } from './sections';
import { noteExcerpts, sectionReader } from './sections/readable';
import type { UserAbility } from './visibility';
import type { ActivityRow, CustomFieldRow, FileRow } from '../content-types/rows';

/** The lead fields that identify a person; status, source, value, location and dates stay (statistics). */
export const PERSONAL_FIELDS = [
  'name',
  'email',
  'phone',
  'address',
  'position',
  'website',
  'description',
] as const;

export const ERASED = '[erased]';

/** Replaces every occurrence of the given values inside a JSON-able value (activity data, texts). */
export const scrub = <T>(value: T, secrets: string[]): T => {
  if (typeof value === 'string') {
    return secrets.reduce<string>((text, secret) => text.split(secret).join(ERASED), value) as T;
  }
  if (Array.isArray(value)) return value.map((v) => scrub(v, secrets)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrub(v, secrets)])) as T;
  }
  return value;
};

/** A note's first words kept in its activity row are personal data: anonymization erases them. */
const eraseExcerpt = (data: Record<string, unknown>) =>
  typeof data.excerpt === 'string' ? { ...data, excerpt: ERASED } : data;

/** GDPR (SPEC §5): everything held about a lead, and its anonymization. */
const gdprService = ({ strapi }: { strapi: Core.Strapi }) => {
  const sectionRows = async (ability: UserAbility, leadId: number | string) =>
    Object.fromEntries(
      await Promise.all(
        SECTION_KINDS.map(async (kind) => {
          const spec = SECTIONS[kind];
          if (ability.cannot(CM_ACTION.read, spec.uid)) return [kind, []];
          const shown = sectionReader(strapi, ability, kind);
          // the role's read conditions on the type ("is creator", say) as on every other route
          const own = getService(strapi, 'visibility').readFilter(ability, spec.uid) ?? {
            id: { $null: true },
          };
          const rows = await strapi.documents(spec.uid).findMany({
            filters: { $and: [{ lead: { id: leadId } }, own] },
            sort: [{ createdAt: 'asc' }, { id: 'asc' }],
            populate: {
              lead: { fields: ['name'] },
              ...(spec.staffField ? { [spec.staffField.name]: { fields: ['firstname', 'lastname'] } } : {}),
            },
          });
          return [kind, rows.map((row) => shown(serializeSection(kind, row)))];
        })
      )
    );

  return {
    /** Every record about the lead: fields, custom fields, sections, activity, attachment metadata, consents. */
    async export(ability: UserAbility, userId: number, documentId: string) {
      const lead = await getService(strapi, 'visibility').findVisibleLead(
        ability,
        documentId,
        DETAIL_POPULATE
      );
      const activity: ActivityRow[] = await strapi.db.query(UID.activity).findMany({
        where: { lead: { id: lead.id } },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        populate: { actor: { select: ['id', 'firstname', 'lastname'] } },
      });
      await getService(strapi, 'activity').record([
        { action: 'exported', lead: documentId, actor: userId, data: {} },
      ]);
      const readable = readableLeadFields(strapi, ability);
      const excerptShown = await noteExcerpts(strapi, ability, activity);
      return {
        exportedAt: new Date().toISOString(),
        lead: onlyReadable(leadDetail(lead), readable),
        ...(await sectionRows(ability, lead.id)),
        consents: activity
          .filter((a) => a.action === 'consent_given')
          .map((a) => ({ ...a.data, at: a.createdAt })),
        activity: activity
          .map((row) => readableActivity(row, readable, { noteBodies: excerptShown(row) }))
          .map((a) => ({ action: a.action, data: a.data, actor: staff(a.actor), createdAt: a.createdAt })),
      };
    },

    /**
     * Erases the lead's personal fields, its personal custom-field values and its attachments, and
     * every trace of those values in its sections and activity rows; keeps the statistics.
     */
    async anonymize(ability: UserAbility, userId: number, documentId: string) {
      const visibility = getService(strapi, 'visibility');
      const lead = await visibility.findVisibleLead(ability, documentId, { attachments: true });
      const personalDefs: CustomFieldRow[] = await strapi.db
        .query(UID.customField)
        .findMany({ where: { target: 'lead', personal: true } });
      const personalSlugs = new Set(personalDefs.flatMap((d) => d.slug ?? []));
      const customFields = { ...(lead.customFields ?? {}) };
      const secrets = [
        ...PERSONAL_FIELDS.map((f) => lead[f]),
        ...[...personalSlugs].map((slug) => customFields[slug]),
      ]
        .flat()
        .filter((v): v is string => typeof v === 'string' && v.trim().length >= 3)
        .sort((a, b) => b.length - a.length);
      for (const slug of personalSlugs) delete customFields[slug];

      await strapi.db.transaction(async () => {
        // Straight to the rows: through the Document Service, the activity log would record the
        // erased values as the "old" side of a field change.
        await strapi.db.query(UID.lead).update({
          where: { id: lead.id },
          data: {
            ...Object.fromEntries(PERSONAL_FIELDS.map((f) => [f, null])),
            name: 'Anonymized lead',
            customFields,
            attachments: [],
          },
        });
        for (const spec of Object.values(SECTIONS)) {
          const rows = await strapi.db.query(spec.uid).findMany({ where: { lead: { id: lead.id } } });
          for (const row of rows) {
            const cleaned = scrub(Object.fromEntries(spec.fields.map((f) => [f, row[f]])), secrets);
            await strapi.db.query(spec.uid).update({ where: { id: row.id }, data: cleaned });
          }
        }
        const activity: ActivityRow[] = await strapi.db
          .query(UID.activity)
          .findMany({ where: { lead: { id: lead.id } } });
        for (const row of activity) {
          await strapi.db
            .query(UID.activity)
            .update({ where: { id: row.id }, data: { data: eraseExcerpt(scrub(row.data ?? {}, secrets)) } });
        }
        await getService(strapi, 'activity').record([
          { action: 'anonymized', lead: documentId, actor: userId, data: {} },
        ]);
      });
      // Files go after the commit: a storage provider cannot take part in the transaction.
      const files: FileRow[] = lead.attachments ?? [];
      for (const file of files) {
        await strapi.plugin('upload').service('upload').remove(file);
      }
      return getService(strapi, 'leadReader').findOne(ability, documentId);
    },
  };
};

export default gdprService;
export type GdprService = ReturnType<typeof gdprService>;

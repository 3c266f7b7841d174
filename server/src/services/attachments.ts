import type { Core } from '@strapi/strapi';
import { NotFoundError, validationError, type FieldError } from '../errors';
import { getService } from '../utils';
import { UID } from '../uids';
import type { UserAbility } from './visibility';

const FILE = 'plugin::upload.file';

/** A file as the multipart parser hands it over. */
export interface IncomingFile {
  originalFilename?: string | null;
  mimetype?: string | null;
  size: number;
}

type Row = Record<string, any> & { documentId: string }; // eslint-disable-line @typescript-eslint/no-explicit-any

export const attachment = (file: Row) => ({
  documentId: file.documentId,
  name: file.name,
  url: file.url,
  mime: file.mime,
  size: file.size,
  createdAt: file.createdAt,
});

const matches = (mime: string, pattern: string) =>
  pattern.endsWith('/*') ? mime.startsWith(pattern.slice(0, -1)) : mime === pattern;

/** A lead's attachments: files of Strapi's upload plugin, within the plugin's size and type limits. */
const attachmentsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const visibility = () => getService(strapi, 'visibility');
  const limits = () =>
    strapi.plugin('crm').config('attachments') as { maxSize: number; allowedTypes: string[] };

  return {
    /** The lead's files, newest first. */
    async list(ability: UserAbility, leadId: string) {
      const lead = await visibility().findVisibleLead(ability, leadId, { attachments: true });
      return ((lead.attachments ?? []) as Row[]).map(attachment).reverse();
    },

    /** Checks every file against the limits, naming each refused one, before anything is stored. */
    check(files: IncomingFile[]) {
      const { maxSize, allowedTypes } = limits();
      const errors: FieldError[] = [];
      if (files.length === 0) errors.push({ path: ['files'], message: 'must hold at least one file' });
      files.forEach((file, i) => {
        const name = file.originalFilename ?? `file ${i + 1}`;
        if (file.size > maxSize)
          errors.push({ path: ['files', String(i)], message: `"${name}" is larger than ${maxSize} bytes` });
        if (!allowedTypes.some((type) => matches(file.mimetype ?? '', type))) {
          errors.push({
            path: ['files', String(i)],
            message: `"${name}" is of a refused type (${file.mimetype ?? 'unknown'})`,
          });
        }
      });
      if (errors.length) throw validationError(errors);
    },

    /** Stores the files with the upload plugin and attaches them to a visible lead; logs it. */
    async add(ability: UserAbility, userId: number, leadId: string, files: IncomingFile[]) {
      const lead = await visibility().findVisibleLead(ability, leadId, { attachments: true });
      this.check(files);
      const uploaded = (await strapi.plugin('upload').service('upload').upload({ data: {}, files })) as Row[];
      const ids = [...((lead.attachments ?? []) as Row[]).map((f) => f.id), ...uploaded.map((f) => f.id)];
      await strapi.db.query(UID.lead).update({ where: { id: lead.id }, data: { attachments: ids } });
      await getService(strapi, 'activity').record(
        uploaded.map((file) => ({
          action: 'attachment_added',
          lead: leadId,
          actor: userId,
          data: { file: file.documentId, name: file.name },
        }))
      );
      return uploaded.map(attachment);
    },

    /** Removes a file from its lead and from storage, if the caller sees the lead; logs it. */
    async remove(ability: UserAbility, userId: number, fileId: string) {
      const notFound = () => new NotFoundError('Attachment not found');
      const file = (await strapi.db.query(FILE).findOne({ where: { documentId: fileId } })) as Row | null;
      if (!file) throw notFound();
      const owner = await strapi.db
        .query(UID.lead)
        .findOne({ where: { attachments: { id: file.id } }, select: ['documentId'] });
      if (!owner) throw notFound();
      await visibility()
        .findVisibleLead(ability, owner.documentId)
        .catch(() => Promise.reject(notFound()));
      await strapi.plugin('upload').service('upload').remove(file);
      await getService(strapi, 'activity').record([
        {
          action: 'attachment_deleted',
          lead: owner.documentId,
          actor: userId,
          data: { file: file.documentId, name: file.name },
        },
      ]);
      return attachment(file);
    },
  };
};

export default attachmentsService;
export type AttachmentsService = ReturnType<typeof attachmentsService>;

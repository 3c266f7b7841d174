import type { Core } from '@strapi/strapi';
import { ForbiddenError, NotFoundError, validationError, type FieldError } from '../../errors';
import { getService } from '../../utils';
import { UID } from '../../uids';
import type { Parent } from '../parents';
import type { UserAbility } from '../visibility';
import type { DocumentRow as Row } from '../../types';

const FILE = 'plugin::upload.file';

/** A file as the multipart parser hands it over. */
export interface IncomingFile {
  originalFilename?: string | null;
  mimetype?: string | null;
  size: number;
}

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

/** Attachments of a lead or a customer: files of Strapi's upload plugin, within the plugin's limits. */
const attachmentsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const parents = () => getService(strapi, 'parents');
  const uidOf = (parent: Parent) => (parent.type === 'lead' ? UID.lead : UID.customer);
  const limits = () =>
    strapi.plugin('crm').config('attachments') as { maxSize: number; allowedTypes: string[] };

  return {
    /** The files of a reachable lead or customer, newest first. */
    async list(ability: UserAbility, parent: Parent) {
      const owner = await parents().resolve(ability, parent, { attachments: true });
      return ((owner.attachments ?? []) as Row[]).map(attachment).reverse();
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

    /** Stores the files with the upload plugin and attaches them to a reachable lead or customer; logs it. */
    async add(ability: UserAbility, userId: number, parent: Parent, files: IncomingFile[]) {
      const owner = await parents().resolve(ability, parent, { attachments: true });
      this.assertCanChange(ability, parent, owner);
      this.check(files);
      const uploaded = (await strapi.plugin('upload').service('upload').upload({ data: {}, files })) as Row[];
      const ids = [...((owner.attachments ?? []) as Row[]).map((f) => f.id), ...uploaded.map((f) => f.id)];
      await strapi.db.query(uidOf(parent)).update({ where: { id: owner.id }, data: { attachments: ids } });
      await getService(strapi, 'activity').record(
        uploaded.map((file) => ({
          action: 'attachment_added',
          [parent.type]: parent.documentId,
          actor: userId,
          data: { file: file.documentId, name: file.name },
        }))
      );
      return uploaded.map(attachment);
    },

    /** Removes a file from its lead or customer and from storage, if the caller reaches it; logs it. */
    async remove(ability: UserAbility, userId: number, fileId: string) {
      const notFound = () => new NotFoundError('Attachment not found');
      const file = (await strapi.db.query(FILE).findOne({ where: { documentId: fileId } })) as Row | null;
      if (!file) throw notFound();
      const parent = await this.ownerOf(file.id);
      if (!parent) throw notFound();
      const owner = await parents()
        .resolve(ability, parent)
        .catch(() => Promise.reject(notFound()));
      this.assertCanChange(ability, parent, owner);
      await strapi.plugin('upload').service('upload').remove(file);
      await getService(strapi, 'activity').record([
        {
          action: 'attachment_deleted',
          [parent.type]: parent.documentId,
          actor: userId,
          data: { file: file.documentId, name: file.name },
        },
      ]);
      return attachment(file);
    },

    /** Seeing a record is not enough to change its files: the caller must be allowed to update it. */
    assertCanChange(ability: UserAbility, parent: Parent, owner: Row) {
      if (getService(strapi, 'visibility').checker(ability, uidOf(parent)).cannot.update(owner)) {
        throw new ForbiddenError('You may not change the attachments of this record');
      }
    },

    /** The lead or customer a file is attached to. */
    async ownerOf(fileId: number | string): Promise<Parent | null> {
      const where = { where: { attachments: { id: fileId } }, select: ['documentId'] };
      const lead = await strapi.db.query(UID.lead).findOne(where);
      if (lead) return { type: 'lead', documentId: lead.documentId };
      const customer = await strapi.db.query(UID.customer).findOne(where);
      return customer ? { type: 'customer', documentId: customer.documentId } : null;
    },
  };
};

export default attachmentsService;
export type AttachmentsService = ReturnType<typeof attachmentsService>;

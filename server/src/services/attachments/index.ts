import fs from 'node:fs/promises';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { forbiddenError, NotFoundError, validationError, type FieldError } from '../../errors';
import { crmConfig, getService } from '../../utils';
import { UID } from '../../uids';
import type { Parent } from '../parents';
import type { UserAbility } from '../visibility';
import type { Attachment } from '../../contracts';
import type { FileRow } from '../../content-types/rows';
import type { DocumentRow } from '../../types';
import { isoDate } from '../../utils/row-values';
import { isLocked, MESSAGES, stateOf } from '../../rules/lead';
import { readableFields } from '../leads/readable';
import { decideType } from './content-type';
import { PRIVATE_PROVIDER, privateStore } from './private-store';

export const FILE = 'plugin::upload.file';

/** A file as the multipart parser hands it over. */
export interface IncomingFile {
  originalFilename?: string | null;
  mimetype?: string | null;
  size: number;
  filepath: string;
}

export const attachment = (file: FileRow): Attachment => ({
  documentId: file.documentId,
  name: String(file.name ?? ''),
  url: String(file.url ?? ''),
  mime: String(file.mime ?? ''),
  size: Number(file.size ?? 0),
  createdAt: isoDate(file.createdAt) ?? '',
});

/** Where a private file is downloaded from: the plugin's route, after the visibility check. */
export const downloadPath = (documentId: string) => `/crm/attachments/${documentId}/file`;

/** The first bytes of a file: what its type is decided from. */
const headOf = async (filepath: string) => {
  const handle = await fs.open(filepath, 'r');
  try {
    const buffer = Buffer.alloc(4100);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
};

/** The extension the file is stored under: letters and digits only, from the client's name. */
const extensionOf = (name: string) => {
  const ext = path.extname(name).toLowerCase();
  return /^\.[a-z0-9]{1,10}$/.test(ext) ? ext : '';
};

/** Attachments of a lead or a customer: files of Strapi's upload plugin, within the plugin's limits. */
const attachmentsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const parents = () => getService(strapi, 'parents');
  const uidOf = (parent: Parent) => (parent.type === 'lead' ? UID.lead : UID.customer);
  const limits = () => crmConfig(strapi, 'attachments');

  return {
    /** The files of a reachable lead or customer, newest first. */
    async list(ability: UserAbility, parent: Parent) {
      const owner = await parents().resolve(ability, parent, { attachments: true });
      // a role whose read permission leaves out the attachments field sees none (SPEC §3.1)
      if (!readableFields(strapi, ability, uidOf(parent))('attachments')) return [];
      const files: FileRow[] = owner.attachments ?? [];
      return files.map(attachment).reverse();
    },

    /**
     * Checks every file against the limits and decides its type from its content (SPEC §5),
     * naming each refused one, before anything is stored; answers the type of each.
     */
    async check(files: IncomingFile[]) {
      const { maxSize, allowedTypes } = limits();
      const errors: FieldError[] = [];
      const types: string[] = [];
      if (files.length === 0) errors.push({ path: ['files'], message: 'must hold at least one file' });
      for (const [i, file] of files.entries()) {
        const name = file.originalFilename ?? `file ${i + 1}`;
        if (file.size > maxSize) {
          errors.push({ path: ['files', String(i)], message: `"${name}" is larger than ${maxSize} bytes` });
          continue;
        }
        const decision = await decideType(
          { head: await headOf(file.filepath), name, declared: file.mimetype ?? null },
          allowedTypes
        );
        if ('refused' in decision)
          errors.push({ path: ['files', String(i)], message: `"${name}" ${decision.refused}` });
        else types.push(decision.mime);
      }
      if (errors.length) throw validationError(errors);
      return types;
    },

    /**
     * Keeps the files in the private store, records them as upload-plugin files served by the
     * plugin's route, attaches them to a reachable lead or customer and logs it — all or nothing.
     */
    async add(ability: UserAbility, userId: number, parent: Parent, files: IncomingFile[]) {
      const owner = await parents().resolve(ability, parent, { attachments: true });
      this.assertCanChange(ability, parent, owner);
      const types = await this.check(files);
      const store = privateStore(strapi);
      const kept: { hash: string; ext: string }[] = [];
      try {
        const uploaded = await strapi.db.transaction(async () => {
          const rows: FileRow[] = [];
          for (const [i, file] of files.entries()) {
            const name = path.basename(file.originalFilename || `file-${i + 1}`);
            const stored = { hash: store.newHash(), ext: extensionOf(name) };
            await store.put(stored, file.filepath);
            kept.push(stored);
            const row = await strapi.documents(FILE).create({
              data: {
                name,
                ...stored,
                mime: types[i],
                size: Math.round(file.size / 10) / 100, // kB with two decimals, as the upload plugin stores it
                url: '',
                provider: PRIVATE_PROVIDER,
                folderPath: '/',
              },
            });
            rows.push(
              await strapi.db
                .query(FILE)
                .update({ where: { id: row.id }, data: { url: downloadPath(row.documentId) } })
            );
          }
          const before: FileRow[] = owner.attachments ?? [];
          const ids = [...before.map((f) => f.id), ...rows.map((f) => f.id)];
          await strapi.db
            .query(uidOf(parent))
            .update({ where: { id: owner.id }, data: { attachments: ids } });
          await getService(strapi, 'activity').record(
            rows.map((file) => ({
              action: 'attachment_added',
              [parent.type]: parent.documentId,
              actor: userId,
              data: { file: file.documentId, name: file.name },
            }))
          );
          return rows;
        });
        return uploaded.map(attachment);
      } catch (error) {
        await Promise.all(kept.map((stored) => store.remove(stored)));
        throw error;
      }
    },

    /** A file of a lead or customer the caller may see, with its content; else a 404 like a missing one. */
    async download(ability: UserAbility, fileId: string) {
      const notFound = () => new NotFoundError('Attachment not found');
      const file: FileRow | null = await strapi.db.query(FILE).findOne({ where: { documentId: fileId } });
      if (!file || file.provider !== PRIVATE_PROVIDER) throw notFound();
      const parent = await this.ownerOf(file.id);
      if (!parent) throw notFound();
      await parents()
        .resolve(ability, parent)
        .catch(() => Promise.reject(notFound()));
      if (!readableFields(strapi, ability, uidOf(parent))('attachments')) throw notFound();
      const store = privateStore(strapi);
      if (!(await store.exists(file))) throw notFound();
      return { file, content: store.read(file) };
    },

    /** Removes a file from its lead or customer and from storage, if the caller reaches it; logs it. */
    async remove(ability: UserAbility, userId: number, fileId: string) {
      const notFound = () => new NotFoundError('Attachment not found');
      const file: FileRow | null = await strapi.db.query(FILE).findOne({ where: { documentId: fileId } });
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
    assertCanChange(ability: UserAbility, parent: Parent, owner: DocumentRow) {
      const visibility = getService(strapi, 'visibility');
      if (visibility.checker(ability, uidOf(parent)).cannot.update(owner)) {
        throw forbiddenError('You may not change the attachments of this record');
      }
      // files are part of the lead: `lockConvertedLeads` holds for them as for its fields
      const locked = crmConfig(strapi, 'lockConvertedLeads');
      if (
        parent.type === 'lead' &&
        isLocked(stateOf(owner), { locked, readsAll: visibility.readsAllLeads(ability) })
      )
        throw forbiddenError(MESSAGES.locked);
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

import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { crmConfig } from '../../utils';

/** The upload plugin's `provider` of the files this store keeps: the media library shows it as such. */
export const PRIVATE_PROVIDER = 'crm-private';

/**
 * Where the files of leads and customers live (SPEC §5: never behind a public URL): a folder
 * outside the app's public folder, served only by `GET /crm/attachments/:id/file` after the
 * visibility check. The upload plugin keeps its row for each file (name, type, size, links), so
 * the media field, the media library's listing and deletions work as for any file.
 */
export const privateStore = (strapi: Core.Strapi) => {
  const configured = crmConfig(strapi, 'attachments').privateDir;
  const root = path.resolve(strapi.dirs.app.root, configured);
  const publicRoot = path.resolve(strapi.dirs.static.public);
  if (root === publicRoot || root.startsWith(`${publicRoot}${path.sep}`))
    throw new Error(`crm.attachments.privateDir (${root}) must not be inside the public folder`);
  // the stored name is ours (hash + extension): a client's file name never reaches the file system
  const pathOf = (file: { hash: string; ext?: string | null }) =>
    path.join(root, `${path.basename(file.hash)}${(file.ext ?? '').replace(/[^.\w]/g, '')}`);

  return {
    newHash: () => randomBytes(16).toString('hex'),

    /** Copies a file into the store (the source is left for its owner to clean). */
    async put(file: { hash: string; ext?: string | null }, source: string) {
      await fs.mkdir(root, { recursive: true });
      await fs.copyFile(source, pathOf(file));
    },

    /** Copies a stored file under another stored name (a lead's attachment given to its customer). */
    async copy(from: { hash: string; ext?: string | null }, to: { hash: string; ext?: string | null }) {
      await fs.copyFile(pathOf(from), pathOf(to));
    },

    read: (file: { hash: string; ext?: string | null }) => createReadStream(pathOf(file)),

    async exists(file: { hash: string; ext?: string | null }) {
      return fs.access(pathOf(file)).then(
        () => true,
        () => false
      );
    },

    /** Removes a stored file; one already gone is not an error. */
    async remove(file: { hash: string; ext?: string | null }) {
      await fs.rm(pathOf(file), { force: true });
    },
  };
};

export type PrivateStore = ReturnType<typeof privateStore>;

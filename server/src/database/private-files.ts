import fs from 'node:fs/promises';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { downloadPath, FILE } from '../services/attachments';
import { PRIVATE_PROVIDER, privateStore } from '../services/attachments/private-store';
import { fileLinks } from '../surfaces/files';
import { UID } from '../uids';

interface FileRow {
  id: number;
  documentId: string;
  hash: string;
  ext: string | null;
  url: string;
  provider: string;
  formats: Record<string, { url: string }> | null;
}

/** A file deleted anywhere (the media library, a lead's deletion) leaves the private store too. */
export const registerPrivateFileCleanup = (strapi: Core.Strapi) => {
  strapi.db.lifecycles.subscribe({
    models: [FILE],
    async afterDelete(event: { result?: FileRow | null }) {
      const file = event.result;
      if (file?.provider === PRIVATE_PROVIDER) await privateStore(strapi).remove(file);
    },
  } as never);
};

/**
 * Upgrade step: files that leads and customers got before attachments became private were stored
 * by the upload plugin's local provider under `public/uploads`, where anyone could fetch them.
 * Each is moved to the private store (its thumbnails deleted) and served by the plugin's route
 * from then on. Runs at each boot; once done, it finds nothing to move. Files of another provider
 * (a cloud bucket) cannot be moved from here: a warning names them.
 */
export const moveCrmFilesToPrivateStore = async (strapi: Core.Strapi) => {
  const links = fileLinks(strapi);
  const ids = (
    await strapi.db
      .connection(links.table)
      .distinct(links.fileId)
      .whereIn(links.type, [UID.lead, UID.customer])
  ).map((row: Record<string, number>) => Number(row[links.fileId]));
  if (!ids.length) return;
  const files = (await strapi.db.query(FILE).findMany({
    where: { id: { $in: ids }, provider: { $ne: PRIVATE_PROVIDER } },
  })) as FileRow[];
  const store = privateStore(strapi);
  const publicDir = path.resolve(strapi.dirs.static.public);
  const localPath = (url: string) => {
    const resolved = path.resolve(publicDir, `.${url.startsWith('/') ? url : `/${url}`}`);
    return resolved.startsWith(`${publicDir}${path.sep}`) ? resolved : null;
  };
  for (const file of files) {
    const source = file.provider === 'local' ? localPath(file.url) : null;
    if (!source) {
      strapi.log.warn(
        `[crm] the attachment ${file.documentId} (${file.provider}) is still public: move it by hand`
      );
      continue;
    }
    await store.put(file, source);
    await strapi.db.query(FILE).update({
      where: { id: file.id },
      data: {
        provider: PRIVATE_PROVIDER,
        url: downloadPath(file.documentId),
        formats: null,
        previewUrl: null,
      },
    });
    for (const url of [file.url, ...Object.values(file.formats ?? {}).map((format) => format.url)]) {
      const copy = localPath(url);
      if (copy) await fs.rm(copy, { force: true });
    }
  }
  if (files.length) strapi.log.info(`[crm] moved ${files.length} attachment(s) out of the public folder`);
};

import type { Core } from '@strapi/strapi';
import type { CrmConfig } from '../../config';
import {
  IMPORT_PREVIEW_ROWS,
  importErrorsCsv,
  type ImportOptions,
  type ImportPreview,
  type ImportProgress,
  type ImportRowError,
} from '../../contracts/imports';
import { NotFoundError } from '../../errors';
import type { DocumentRow as Row } from '../../types';
import { UID } from '../../uids';
import { getService } from '../../utils';
import type { UserAbility } from '../visibility';
import { autoMapping, resolveColumns } from './mapping';
import { decodeCsv, inspectCsv, readRecords } from './parse';
import { checkDefaults, loadReference, readRow } from './rows';

const SUPER_ADMIN_CODE = 'strapi-super-admin';

/** The job's columns a progress answer is made of. */
const PROGRESS_FIELDS = [
  'id',
  'documentId',
  'state',
  'fileName',
  'total',
  'processed',
  'created',
  'updated',
  'skipped',
  'refused',
  'rowErrors',
  'failure',
  'createdAt',
  'finishedAt',
];

export const progressOf = (job: Row): ImportProgress => ({
  id: job.documentId,
  state: job.state,
  total: job.total ?? 0,
  processed: job.processed ?? 0,
  created: job.created ?? 0,
  updated: job.updated ?? 0,
  skipped: job.skipped ?? 0,
  refused: job.refused ?? 0,
  errors: (job.rowErrors ?? []) as ImportRowError[],
  failure: job.failure ?? null,
  fileName: job.fileName ?? null,
  createdAt: new Date(job.createdAt).toISOString(),
  finishedAt: job.finishedAt ? new Date(job.finishedAt).toISOString() : null,
});

/**
 * CSV imports of leads (SPEC §8): a file is checked whole (UTF-8, CSV, limits, mapping, defaults)
 * before its job is stored; the job, its file and its progress live in the database, where the
 * worker of any instance picks it up (./worker.ts).
 */
const importsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.plugin('crm').config('import') as CrmConfig['import'];

  /** The file and options checked; a 400 before anything is written. */
  const prepare = async (content: Buffer, options: ImportOptions) => {
    const { maxBytes, maxRows } = config();
    const text = decodeCsv(content, maxBytes);
    const { headers, total } = await inspectCsv(text, maxRows);
    const ref = await loadReference(strapi);
    const mapping = options.mapping ?? autoMapping(headers, ref.definitions);
    const columns = resolveColumns(headers, mapping, ref.definitions);
    checkDefaults(options.defaults, ref);
    return { text, headers, total, ref, mapping, columns };
  };

  return {
    /** Stores the job (queued) with its file; the worker is nudged to start at once. */
    async create(userId: number, file: { name: string; content: Buffer }, options: ImportOptions) {
      const { text, total, mapping } = await prepare(file.content, options);
      const job = await strapi.db.query(UID.leadImport).create({
        data: {
          state: 'queued',
          fileName: file.name.slice(0, 255),
          csv: text,
          options: { mapping, defaults: options.defaults ?? {}, duplicates: options.duplicates ?? 'skip' },
          total,
          processed: 0,
          created: 0,
          updated: 0,
          skipped: 0,
          refused: 0,
          attempts: 0,
          rowErrors: [],
          importer: userId,
          createdBy: userId,
          updatedBy: userId,
        },
      });
      getService(strapi, 'importWorker').nudge();
      return { id: job.documentId as string };
    },

    /** The dry run: the mapping used and the first rows checked, nothing written. */
    async preview(content: Buffer, options: ImportOptions): Promise<ImportPreview> {
      const { text, headers, total, ref, mapping, columns } = await prepare(content, options);
      const rows: ImportPreview['rows'] = [];
      for await (const { row, cells } of readRecords(text)) {
        if (row === 1) continue;
        const { errors } = await readRow(row, cells, columns, ref, options.defaults);
        rows.push({ row, values: Object.fromEntries(headers.map((h, i) => [h, cells[i] ?? ''])), errors });
        if (rows.length >= IMPORT_PREVIEW_ROWS) break;
      }
      const mapped = new Set(Object.keys(mapping));
      return { headers, mapping, unmapped: headers.filter((h) => !mapped.has(h)), total, rows };
    },

    /** One job: the importer's own, or any for a Super Admin; anything else is a 404. */
    async findOne(
      user: { id: number; roles?: { code?: string }[] },
      _ability: UserAbility,
      documentId: string
    ) {
      const job = await strapi.db.query(UID.leadImport).findOne({
        where: { documentId },
        // not the file: it is read by the worker only, and progress is polled every second
        select: PROGRESS_FIELDS,
        populate: { importer: { select: ['id'] } },
      });
      const superAdmin = (user.roles ?? []).some((role) => role.code === SUPER_ADMIN_CODE);
      if (!job || (!superAdmin && job.importer?.id !== user.id)) throw new NotFoundError('Import not found');
      return job as Row;
    },

    progressOf,

    /** The refused rows as a CSV report. */
    errorsCsv(job: Row) {
      return importErrorsCsv((job.rowErrors ?? []) as ImportRowError[]);
    },
  };
};

export default importsService;
export type ImportsService = ReturnType<typeof importsService>;

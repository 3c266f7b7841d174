import type { Core } from '@strapi/strapi';
import type { CrmConfig } from '../../config';
import { errors } from '@strapi/utils';
import {
  IMPORT_LIMITS,
  IMPORT_PREVIEW_ROWS,
  importErrorsCsv,
  type ImportOptions,
  type ImportPreview,
  type ImportProgress,
  type ImportReport,
  type ImportRowError,
} from '../../contracts/imports';
import { NotFoundError, validationError } from '../../errors';
import type { DocumentRow as Row } from '../../types';
import { UID } from '../../uids';
import { getService } from '../../utils';
import { readableLeadFields } from '../leads/readable';
import type { UserAbility } from '../visibility';
import { autoMapping, resolveColumns } from './mapping';
import { decodeCsv, inspectCsv, readRecords } from './parse';
import { checkDefaults, loadReference, readRow } from './rows';
import { DUPLICATES_NEED_EMAIL, matchesOnEmail } from './write';

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
  'unlistedRows',
  'failure',
  'createdAt',
  'finishedAt',
];

/** How much of the refused rows the job's report lists. */
const reportOf = (job: Row): ImportReport => {
  const listed = (job.rowErrors ?? []) as ImportRowError[];
  const unlistedRows = job.unlistedRows ?? 0;
  return {
    errors: listed.length,
    unlistedRows,
    lastListedRow: unlistedRows ? (listed[listed.length - 1]?.row ?? null) : null,
  };
};

/**
 * A job's progress, polled every second: its counts, the first few errors (the whole list is the
 * errors.csv report) and how much of the refused rows the report lists, whatever the file's size.
 */
export const progressOf = (job: Row): ImportProgress => ({
  id: job.documentId,
  state: job.state,
  total: job.total ?? 0,
  processed: job.processed ?? 0,
  created: job.created ?? 0,
  updated: job.updated ?? 0,
  skipped: job.skipped ?? 0,
  refused: job.refused ?? 0,
  errors: ((job.rowErrors ?? []) as ImportRowError[]).slice(0, IMPORT_LIMITS.progressErrors),
  report: reportOf(job),
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

  /**
   * The file and options checked; a 400 before anything is written. Duplicates are matched on
   * email only for an importer who may read it (a 400 naming `duplicates` otherwise).
   */
  const prepare = async (content: Buffer, options: ImportOptions, ability: UserAbility) => {
    const { maxBytes, maxRows } = config();
    const text = decodeCsv(content, maxBytes);
    const { headers, total } = await inspectCsv(text, maxRows);
    const ref = await loadReference(strapi);
    const mapping = options.mapping ?? autoMapping(headers, ref.definitions);
    const columns = resolveColumns(headers, mapping, ref.definitions);
    checkDefaults(options.defaults, ref);
    const duplicates = options.duplicates ?? 'skip';
    if (matchesOnEmail(duplicates, mapping) && !readableLeadFields(strapi, ability)('email'))
      throw validationError([{ path: ['duplicates'], message: `"${duplicates}" ${DUPLICATES_NEED_EMAIL}` }]);
    return { text, headers, total, ref, mapping, columns };
  };

  /** The caller's queued and running jobs. */
  const unfinished = (userId: number) =>
    strapi.db
      .query(UID.leadImport)
      .count({ where: { importer: { id: userId }, state: { $in: ['queued', 'running'] } } });

  /**
   * The 429 of a caller who already has `import.maxUnfinishedPerUser` jobs queued or running: jobs
   * run one at a time, and one person's queue would hold everyone else's imports back.
   */
  const tooMany = (max: number, current: number) =>
    new errors.RateLimitError(
      `You already have ${max} import${max === 1 ? '' : 's'} queued or running: wait for one to finish`,
      { limit: max, unfinished: current }
    );

  return {
    /**
     * Stores the job (queued) with its file; the worker is nudged to start at once. The limit of
     * unfinished jobs is checked before the file is read and again once the job is stored (two
     * uploads at once: at least one of them sees the other and withdraws).
     */
    async create(
      userId: number,
      ability: UserAbility,
      file: { name: string; content: Buffer },
      options: ImportOptions
    ) {
      const max = config().maxUnfinishedPerUser;
      const before = await unfinished(userId);
      if (before >= max) throw tooMany(max, before);
      const { text, total, mapping } = await prepare(file.content, options, ability);
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
      const after = await unfinished(userId);
      if (after > max) {
        await strapi.db.query(UID.leadImport).delete({ where: { id: job.id } });
        throw tooMany(max, after - 1);
      }
      getService(strapi, 'importWorker').nudge();
      return { id: job.documentId as string };
    },

    /** The dry run: the mapping used and the first rows checked, nothing written. */
    async preview(content: Buffer, options: ImportOptions, ability: UserAbility): Promise<ImportPreview> {
      const { text, headers, total, ref, mapping, columns } = await prepare(content, options, ability);
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

    /** The refused rows as a CSV report (ending with a note when the job's cap cut it). */
    errorsCsv(job: Row) {
      return importErrorsCsv((job.rowErrors ?? []) as ImportRowError[], reportOf(job));
    },
  };
};

export default importsService;
export type ImportsService = ReturnType<typeof importsService>;

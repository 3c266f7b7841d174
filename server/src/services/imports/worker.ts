import { randomUUID } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type { CrmConfig } from '../../config';
import type { DuplicatePolicy, ImportDefaults, ImportMapping, ImportRowError } from '../../contracts/imports';
import type { DocumentRow as Row } from '../../types';
import { UID } from '../../uids';
import { readableLeadFields } from '../leads/readable';
import { getService } from '../../utils';
import type { UserAbility } from '../visibility';
import { resolveColumns } from './mapping';
import { readHeaders, readRecords } from './parse';
import { capRowErrors, loadReference, readRow, type Reference } from './rows';
import { DUPLICATES_NEED_EMAIL, matchesOnEmail, writeBatch, type Importer } from './write';

/** A claimed job resumed this many times (crashes, lost leases) without finishing is marked failed. */
const MAX_ATTEMPTS = 5;

/**
 * Lets the event loop serve requests between two batches. With SQLite (better-sqlite3 answers
 * synchronously) a job is otherwise one chain of promise callbacks that never yields to I/O: no
 * request, not even the upload's own answer or the progress polls, would be answered before the
 * last row.
 */
const yieldToRequests = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The job's refused-rows report after a batch: its refused rows appended whole while the list holds
 * at most `max` errors; from the first row that does not fit, every refused row is only counted
 * (`unlistedRows`), so the report lists every refused row up to its last one. The list is the same
 * array when nothing was added.
 */
export const listErrors = (
  job: { rowErrors?: unknown; unlistedRows?: number | null },
  refusedRows: ImportRowError[][],
  max: number
): { rowErrors: ImportRowError[]; unlistedRows: number } => {
  const listed = (job.rowErrors ?? []) as ImportRowError[];
  let unlistedRows = job.unlistedRows ?? 0;
  const added: ImportRowError[] = [];
  for (const errors of refusedRows) {
    if (!unlistedRows && listed.length + added.length + errors.length <= max) added.push(...errors);
    else unlistedRows += 1;
  }
  return { rowErrors: added.length ? [...listed, ...added] : listed, unlistedRows };
};

/** Rows checked between two turns of the event loop. */
const CHECK_CHUNK = 25;

/** Thrown when another instance took the job over: the batch is rolled back, nothing counted. */
class LeaseLost extends Error {}

interface JobOptions {
  mapping: ImportMapping;
  defaults: ImportDefaults;
  duplicates: DuplicatePolicy;
}

/**
 * The import worker of one instance. Jobs live in the database: each instance polls for a queued
 * job, or a running one whose lease expired (its instance stopped or died), and claims it with a
 * conditional UPDATE, so one instance runs it. Rows are written in batches, each in one transaction
 * with the job's counters and offset (`processed`): a batch is either written and counted, or
 * neither, and a resumed job starts after the last committed batch.
 */
const importWorker = ({ strapi }: { strapi: Core.Strapi }) => {
  const instance = randomUUID();
  const config = () => strapi.plugin('crm').config('import') as CrmConfig['import'];
  const jobs = () => strapi.db.query(UID.leadImport);
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let stopping = false;

  const leaseUntil = () => new Date(Date.now() + config().leaseMs);

  /** Claims one job for this instance; null when none is waiting or another instance won it. */
  const claim = async (): Promise<Row | null> => {
    const now = new Date();
    const candidates: Row[] = await jobs().findMany({
      where: {
        $or: [
          { state: 'queued' },
          { state: 'running', $or: [{ leaseUntil: { $null: true } }, { leaseUntil: { $lt: now } }] },
        ],
      },
      select: ['id', 'state', 'attempts'],
      orderBy: [{ id: 'asc' }],
      limit: 5,
    });
    for (const job of candidates) {
      // `attempts` is the job's version: of several instances reading it, one UPDATE matches.
      const { count } = await jobs().updateMany({
        where: { id: job.id, state: job.state, attempts: job.attempts ?? 0 },
        data: {
          state: 'running',
          leaseOwner: instance,
          leaseUntil: leaseUntil(),
          attempts: (job.attempts ?? 0) + 1,
        },
      });
      if (count === 1) return jobs().findOne({ where: { id: job.id }, populate: { importer: true } });
    }
    return null;
  };

  const finish = (job: Row, data: Record<string, unknown>) =>
    jobs().updateMany({
      where: { id: job.id, leaseOwner: instance },
      data: { ...data, finishedAt: new Date() },
    });

  /** The importer's rights now (a deactivated importer or a lost create right stops the job). */
  const importerOf = async (job: Row, { duplicates, mapping }: JobOptions): Promise<Importer | string> => {
    const user = job.importer?.id
      ? await strapi.db.query('admin::user').findOne({ where: { id: job.importer.id }, populate: ['roles'] })
      : null;
    if (!user || !user.isActive) return 'The importer is no longer an active staff member';
    const ability: UserAbility = await strapi.service('admin::permission').engine.generateUserAbility(user);
    if (ability.cannot('plugin::content-manager.explorer.create', UID.lead))
      return 'The importer may no longer create leads';
    if (matchesOnEmail(duplicates, mapping) && !readableLeadFields(strapi, ability)('email'))
      return `Duplicates "${duplicates}" ${DUPLICATES_NEED_EMAIL}`;
    return { user, ability, visible: getService(strapi, 'visibility').leadFilter(ability) };
  };

  /** One batch: its rows and the job's counters in one transaction, as the importer. */
  const commitBatch = async (
    job: Row,
    importer: Importer,
    batch: { row: number; cells: string[] }[],
    read: (row: number, cells: string[]) => ReturnType<typeof readRow>,
    ref: Reference,
    duplicates: DuplicatePolicy
  ) => {
    const request = {
      state: { user: importer.user, userAbility: importer.ability, auth: { strategy: { name: 'admin' } } },
    };
    // The rows are checked before the transaction (the checks read no table), a few at a time with
    // the event loop served in between: a batch of refused rows is otherwise one long task.
    const checked: Awaited<ReturnType<typeof readRow>>[] = [];
    for (let i = 0; i < batch.length; i += CHECK_CHUNK) {
      const chunk = batch.slice(i, i + CHECK_CHUNK);
      checked.push(...(await Promise.all(chunk.map(({ row, cells }) => read(row, cells)))));
      await yieldToRequests();
    }
    const work = () =>
      strapi.db.transaction(async () => {
        const counts = { created: 0, updated: 0, skipped: 0, refused: 0 };
        const refusedRows: ImportRowError[][] = [];
        const valid = batch.flatMap(({ row }, i) => {
          const input = checked[i].input;
          return input ? [{ row, input }] : [];
        });
        const written = await writeBatch(strapi, importer, ref, valid, duplicates);
        for (const outcome of [...checked.flatMap((c) => (c.input ? [] : [c.errors])), ...written]) {
          if (Array.isArray(outcome)) {
            counts.refused += 1;
            refusedRows.push(capRowErrors(outcome));
          } else counts[outcome] += 1;
        }
        refusedRows.sort((a, b) => (a[0]?.row ?? 0) - (b[0]?.row ?? 0));
        const report = listErrors(job as Parameters<typeof listErrors>[0], refusedRows, config().maxErrors);
        const { count } = await jobs().updateMany({
          where: { id: job.id, leaseOwner: instance, processed: job.processed },
          data: {
            processed: job.processed + batch.length,
            created: job.created + counts.created,
            updated: job.updated + counts.updated,
            skipped: job.skipped + counts.skipped,
            refused: job.refused + counts.refused,
            // the list is rewritten only while it grows, and never beyond `import.maxErrors`
            ...(report.rowErrors === job.rowErrors ? {} : { rowErrors: report.rowErrors }),
            unlistedRows: report.unlistedRows,
            leaseUntil: leaseUntil(),
          },
        });
        if (count !== 1) throw new LeaseLost();
        Object.assign(job, {
          processed: job.processed + batch.length,
          created: job.created + counts.created,
          updated: job.updated + counts.updated,
          skipped: job.skipped + counts.skipped,
          refused: job.refused + counts.refused,
          ...report,
        });
      });
    await strapi.requestContext.run(request as never, async () => {
      await work();
    });
  };

  /** Runs a claimed job from its committed offset to the end, or until this instance stops. */
  const run = async (job: Row) => {
    if ((job.attempts ?? 0) > MAX_ATTEMPTS) {
      await finish(job, {
        state: 'failed',
        failure: `Interrupted ${MAX_ATTEMPTS} times; stopped after ${job.processed} rows`,
      });
      return;
    }
    const options = job.options as JobOptions;
    const importer = await importerOf(job, options);
    if (typeof importer === 'string') {
      await finish(job, { state: 'failed', failure: importer });
      return;
    }
    const ref = await loadReference(strapi);
    let columns;
    try {
      columns = resolveColumns(await readHeaders(job.csv), options.mapping, ref.definitions);
    } catch (error) {
      await finish(job, {
        state: 'failed',
        failure: `The mapping no longer fits: ${(error as Error).message}`,
      });
      return;
    }
    const read = (row: number, cells: string[]) => readRow(row, cells, columns, ref, options.defaults);
    const size = config().batchSize;
    let batch: { row: number; cells: string[] }[] = [];
    for await (const { row, cells } of readRecords(job.csv)) {
      // the header is row 1; rows up to the committed offset were written by an earlier run
      if (row === 1 || row - 1 <= job.processed) continue;
      batch.push({ row, cells });
      if (batch.length < size) continue;
      if (stopping) return release(job);
      await commitBatch(job, importer, batch, read, ref, options.duplicates);
      batch = [];
      await yieldToRequests();
    }
    if (batch.length) {
      if (stopping) return release(job);
      await commitBatch(job, importer, batch, read, ref, options.duplicates);
    }
    await finish(job, { state: 'done', csv: null, leaseUntil: null });
  };

  /** A stopping instance hands its job back at once (the next instance need not wait for the lease). */
  const release = async (job: Row) => {
    await jobs().updateMany({
      where: { id: job.id, leaseOwner: instance },
      data: { leaseUntil: null, leaseOwner: null },
    });
  };

  const tick = async () => {
    if (running || stopping) return;
    running = (async () => {
      try {
        for (let job = await claim(); job && !stopping; job = stopping ? null : await claim()) {
          try {
            await run(job);
          } catch (error) {
            if (error instanceof LeaseLost) continue;
            strapi.log.error(`[crm] import ${job.documentId} stopped: ${(error as Error).message}`);
            // resumable: the lease is handed back and the next tick retries from the committed offset
            await release(job).catch(() => undefined);
            break;
          }
        }
      } catch (error) {
        strapi.log.warn(`[crm] the import worker could not look for jobs: ${(error as Error).message}`);
      } finally {
        running = null;
      }
    })();
    await running;
  };

  return {
    /** This instance's id, as written in the jobs it holds. */
    instance,
    /** Looks for work every `import.pollIntervalMs`. */
    start() {
      stopping = false;
      // The first look waits one interval: at boot the admin's permission engine (which the
      // importer's rights come from) is not ready before every plugin has bootstrapped.
      if (!timer) timer = setInterval(() => void tick(), config().pollIntervalMs);
    },
    /** Stops polling, lets the current batch commit and hands the job back. */
    async stop() {
      stopping = true;
      if (timer) clearInterval(timer);
      timer = null;
      await running;
    },
    /** A job was just queued: look for it without waiting for the next poll. */
    nudge() {
      if (timer && !stopping) setImmediate(() => void tick());
    },
    /** One round of claiming and running jobs (the timer calls it; tests too). */
    tick,
  };
};

export default importWorker;
export type ImportWorker = ReturnType<typeof importWorker>;

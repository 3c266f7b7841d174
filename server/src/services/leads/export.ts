import { once } from 'node:events';
import { PassThrough, type Readable } from 'node:stream';
import type { Core } from '@strapi/strapi';
import { UID } from '../../uids';
import { getService } from '../../utils';
import type { LeadListQuery } from '../../validation/lead-query';
import type { Filter, UserAbility } from '../visibility';
import { BOM, csvLine } from './csv';
import { SUMMARY_POPULATE } from './populate';
import { readableLeadFields } from './readable';
import type { CustomFieldRow, Selected } from '../../content-types/rows';
import { staffName } from '../../contracts/reference';
import { record, row, rows, type Row } from '../../utils/row-values';
import { staff } from './serialize';

/** Leads read per query: the stream holds one batch at a time, whatever the list's size. */
export const EXPORT_BATCH_SIZE = 500;

/** The standard columns, in the order of the lead form; each reads one answer key of a lead. */
const COLUMNS: [key: string, cell: (lead: Row) => unknown][] = [
  ['documentId', (lead) => lead.documentId],
  ['name', (lead) => lead.name],
  ['status', (lead) => row(lead.leadStatus)?.name],
  ['source', (lead) => row(lead.source)?.name],
  ['assignedTo', (lead) => (lead.assignedTo ? staffName(staff(lead.assignedTo)) : null)],
  [
    'tags',
    (lead) =>
      rows(lead.tags)
        .map((tag) => tag.name)
        .join(', '),
  ],
  ...[
    'position',
    'email',
    'website',
    'phone',
    'value',
    'company',
    'address',
    'city',
    'state',
    'country',
    'zip',
    'description',
    'isPublic',
    'contactedToday',
    'lastContactAt',
    'lost',
    'junk',
    'dateConverted',
    'createdAt',
    'updatedAt',
  ].map((key): [string, (lead: Row) => unknown] => [
    key,
    key === 'value' ? (lead) => (lead.value == null ? null : Number(lead.value)) : (lead) => lead[key],
  ]),
];

/** A custom-field value in one cell: a list joined, the rest as stored. */
const customCell = (value: unknown) => (Array.isArray(value) ? value.join(', ') : value);

type SortKey = { field: string; order: 'asc' | 'desc' };

/**
 * The where-clause of the rows that come after `last` in the order `keys` (ending with the unique
 * id). NULLs sort as the database puts them: after every value in PostgreSQL, before in SQLite
 * and MySQL, so a nullable sort field still walks every lead exactly once.
 */
export const keysetAfter = (keys: SortKey[], last: Record<string, unknown>, nullsLast: boolean): Filter => {
  const equal = ({ field }: SortKey) =>
    last[field] == null ? { [field]: { $null: true } } : { [field]: { $eq: last[field] } };
  const beyond = ({ field, order }: SortKey): Filter | null => {
    const forwardIsUp = order === 'asc';
    // whether NULLs come at the end of this walk
    const nullsAtEnd = nullsLast === forwardIsUp;
    if (last[field] == null) return nullsAtEnd ? null : { [field]: { $notNull: true } };
    const next = { [field]: { [forwardIsUp ? '$gt' : '$lt']: last[field] } };
    return nullsAtEnd ? { $or: [next, { [field]: { $null: true } }] } : next;
  };
  const branches = keys.flatMap((key, i) => {
    const step = beyond(key);
    return step ? [{ $and: [...keys.slice(0, i).map(equal), step] }] : [];
  });
  return { $or: branches };
};

/** The CSV export of a leads list (SPEC §9): the list's query, every page, readable fields only. */
const leadExport = ({ strapi }: { strapi: Core.Strapi }) => {
  /** The columns `ability` may read: the standard ones, then each active lead custom field by slug. */
  const columnsFor = async (ability: UserAbility) => {
    const readable = readableLeadFields(strapi, ability);
    const columns = COLUMNS.filter(([key]) => readable(key));
    if (!readable('customFields')) return columns;
    const definitions: Selected<CustomFieldRow, 'slug'>[] = await strapi.db.query(UID.customField).findMany({
      where: { target: 'lead', active: true },
      select: ['slug'],
      orderBy: [{ id: 'asc' }],
    });
    const taken = new Set(columns.map(([key]) => key));
    return [
      ...columns,
      ...definitions.map(({ slug }): [string, (lead: Row) => unknown] => [
        taken.has(slug) ? `customFields.${slug}` : slug,
        (lead) => customCell(record(lead.customFields)[slug]),
      ]),
    ];
  };

  return {
    /**
     * The list `query` as CSV (UTF-8 with a BOM), streamed: leads are read in keyset batches of
     * `batchSize` (EXPORT_BATCH_SIZE) in the list's order, each written before the next is read, and reading
     * waits while the client is slower than the database. Errors in the query (bad filters)
     * throw before the stream starts.
     */
    async csv(
      ability: UserAbility,
      userId: number,
      query: LeadListQuery,
      { batchSize = EXPORT_BATCH_SIZE }: { batchSize?: number } = {}
    ): Promise<Readable> {
      const { sort: keys, ids } = await getService(strapi, 'leadReader').walk(ability, userId, query);
      const columns = await columnsFor(ability);
      const nullsLast = strapi.db.dialect.client === 'postgres';
      const stream = new PassThrough();

      const write = async (text: string) => {
        if (!stream.write(text)) await Promise.race([once(stream, 'drain'), once(stream, 'close')]);
      };

      const produce = async () => {
        await write(BOM + csvLine(columns.map(([key]) => key)));
        let last: Row | null = null;
        while (!stream.destroyed) {
          const page = await ids(last ? keysetAfter(keys, last, nullsLast) : null, batchSize);
          if (!page.length) break;
          const leads = await strapi.documents(UID.lead).findMany({
            filters: { id: { $in: page } },
            populate: SUMMARY_POPULATE,
          });
          const byId = new Map(leads.map((lead) => [Number(lead.id), lead]));
          const ordered = page.flatMap((id) => byId.get(id) ?? []);
          await write(ordered.map((lead) => csvLine(columns.map(([, cell]) => cell(lead)))).join(''));
          if (page.length < batchSize || !ordered.length) break;
          last = ordered[ordered.length - 1];
        }
        stream.end();
      };

      produce().catch((error: Error) => {
        strapi.log.error(`[crm] the CSV export stopped: ${error.message}`);
        stream.destroy(error);
      });
      return stream;
    },
  };
};

export default leadExport;
export type LeadExport = ReturnType<typeof leadExport>;

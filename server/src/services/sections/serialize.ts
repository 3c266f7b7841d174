/** Section records (notes, tasks, reminders, opportunities) as the API answers them: the contracts' shapes. */
import type { SectionKind, SectionRecords } from '../../contracts';
import { isoDate, number, row as rowOf, text, type Row } from '../../utils/row-values';
import { staff } from '../leads/serialize';

/** The parent (populated with its name) and timestamps every section record carries. */
const common = (row: Row) => {
  const lead = rowOf(row.lead);
  const customer = rowOf(row.customer);
  return {
    documentId: row.documentId,
    lead: lead ? { documentId: lead.documentId, name: String(lead.name ?? '') } : null,
    customer: customer
      ? { documentId: customer.documentId, firstName: String(customer.firstName ?? '') }
      : null,
    createdAt: isoDate(row.createdAt) ?? '',
    updatedAt: isoDate(row.updatedAt) ?? '',
  };
};

const SERIALIZERS: { [K in SectionKind]: (row: Row) => SectionRecords[K] } = {
  notes: (row) => ({ ...common(row), body: String(row.body ?? ''), author: staff(row.author) }),
  tasks: (row) => ({
    ...common(row),
    title: String(row.title ?? ''),
    dueDate: text(row.dueDate),
    status: row.status === 'open' || row.status === 'done' ? row.status : null,
    assignedTo: staff(row.assignedTo),
  }),
  reminders: (row) => ({
    ...common(row),
    remindAt: isoDate(row.remindAt) ?? '',
    message: String(row.message ?? ''),
    notified: typeof row.notified === 'boolean' ? row.notified : null,
    staff: staff(row.staff),
  }),
  opportunities: (row) => ({
    ...common(row),
    name: String(row.name ?? ''),
    value: number(row.value),
    stage: text(row.stage),
    closeDate: text(row.closeDate),
  }),
};

/** A section record of `kind` as the API answers it. */
export const serializeSection = <K extends SectionKind>(kind: K, row: Row): SectionRecords[K] =>
  SERIALIZERS[kind](row);

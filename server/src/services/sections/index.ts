import type { Core } from '@strapi/strapi';
import { forbiddenError, NotFoundError, validationError } from '../../errors';
import { getService } from '../../utils';
import { UID, type CrmUid } from '../../uids';
import type { SectionKind } from '../../validation/sections';
import { serializeSection } from './serialize';
import type { Parent, ReachedParent } from '../parents';
import type { UserAbility } from '../visibility';
import type { DocumentRow as Row, DocumentData as Data } from '../../types';

interface SectionSpec {
  uid: CrmUid;
  singular: string;
  /** The staff relation of the record, and whether the caller fills it (a note's author). */
  staffField?: { name: string; setToCaller?: boolean };
  fields: string[];
}

/** How many characters of a note its activity row keeps. */
export const EXCERPT_LENGTH = 80;

/**
 * What an activity row about a section record says of it at a glance: a note's first words (cut
 * at a word, with an ellipsis). A note is personal data: anonymization erases the excerpt too.
 */
export const activityExcerpt = (uid: string, row: object | null | undefined) => {
  const body = row && 'body' in row ? row.body : undefined;
  if (uid !== UID.note || typeof body !== 'string') return {};
  const text = body.replace(/\s+/g, ' ').trim();
  if (!text) return {};
  if (text.length <= EXCERPT_LENGTH) return { excerpt: text };
  const cut = text.slice(0, EXCERPT_LENGTH);
  const atWord = cut.lastIndexOf(' ');
  return { excerpt: `${(atWord > EXCERPT_LENGTH / 2 ? cut.slice(0, atWord) : cut).trimEnd()}…` };
};

export const SECTIONS: Record<SectionKind, SectionSpec> = {
  notes: {
    uid: UID.note,
    singular: 'note',
    staffField: { name: 'author', setToCaller: true },
    fields: ['body'],
  },
  tasks: {
    uid: UID.task,
    singular: 'task',
    staffField: { name: 'assignedTo' },
    fields: ['title', 'dueDate', 'status'],
  },
  reminders: {
    uid: UID.reminder,
    singular: 'reminder',
    staffField: { name: 'staff' },
    fields: ['remindAt', 'message', 'notified'],
  },
  opportunities: {
    uid: UID.opportunity,
    singular: 'opportunity',
    fields: ['name', 'value', 'stage', 'closeDate'],
  },
};

const populateOf = (spec: SectionSpec) => ({
  lead: { fields: ['name'] },
  customer: { fields: ['firstName', 'lastName'] },
  ...(spec.staffField ? { [spec.staffField.name]: { fields: ['firstname', 'lastname'] } } : {}),
});

const notFound = (spec: SectionSpec) =>
  new NotFoundError(`${spec.singular[0].toUpperCase()}${spec.singular.slice(1)} not found`);

/** Activity rows go to the record the section hangs off. */
const logOn = (parent: Parent | null) => (parent ? { [parent.type]: parent.documentId } : {});

/**
 * The sections of a lead's or a customer's profile (notes, tasks, reminders, opportunities).
 * Every access resolves the parent first (a lead through the visibility service): a section of a
 * record the caller cannot reach is a 404, on the item routes too.
 */
const sectionsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const visibility = () => getService(strapi, 'visibility');
  const parents = () => getService(strapi, 'parents');
  const activity = () => getService(strapi, 'activity');

  const checkStaff = async (spec: SectionSpec, input: Data, parent: Parent | null, userId: number) => {
    const field = spec.staffField;
    if (!field || field.setToCaller || input[field.name] === undefined || input[field.name] === null) return;
    const message = await getService(strapi, 'staff').assignmentError(
      input[field.name],
      parent ?? undefined,
      userId
    );
    if (message) throw validationError([{ path: [field.name], message }]);
  };

  /** The record and its parent, if the caller reaches that parent; else a 404 naming the record. */
  const findItem = async (kind: SectionKind, ability: UserAbility, documentId: string) => {
    const spec = SECTIONS[kind];
    // with its creator: what Strapi's "is creator" condition reads, when a role sets it on a section type
    const row = await strapi.documents(spec.uid).findOne({
      documentId,
      populate: { ...populateOf(spec), createdBy: { fields: ['id'] } },
    });
    if (!row) throw notFound(spec);
    const parent = parents().of(row);
    if (parent)
      await parents()
        .resolve(ability, parent)
        .catch(() => Promise.reject(notFound(spec)));
    // one that hangs off nothing (made in the Content Manager without a lead or customer) is seen
    // only by those who see every lead, as on Strapi's own surfaces (visibility.hangingFilter)
    else if (!visibility().readsAllLeads(ability)) throw notFound(spec);
    return { spec, row, parent };
  };

  /**
   * Whether the caller may change (or delete) `row`: the role's own conditions on the section type
   * (set in the role editor: "is creator", say), as the Content Manager checks them; and a note
   * belongs to its author: others who see the lead read it, only managers may change it.
   */
  const mayChange = (
    kind: SectionKind,
    ability: UserAbility,
    userId: number,
    row: Row,
    action: 'update' | 'delete'
  ) => {
    const spec = SECTIONS[kind];
    if (visibility().checker(ability, spec.uid).cannot[action](row)) {
      throw forbiddenError(
        `Your role may not ${action === 'update' ? 'change' : 'delete'} this ${spec.singular}`
      );
    }
    if (kind === 'notes' && row.author?.id !== userId && !visibility().readsAllLeads(ability)) {
      throw forbiddenError('Only its author or a manager may change this note');
    }
  };

  /**
   * The part of `input` the role may write on the section type (its create or update fields), as
   * the Content Manager keeps it: a field the role may not write is left as it is.
   */
  const permitted = async (
    spec: SectionSpec,
    ability: UserAbility,
    input: Data,
    row?: Row
  ): Promise<Data> => {
    const checker = visibility().checker(ability, spec.uid);
    return row ? checker.sanitizeUpdateInput(row)(input) : checker.sanitizeCreateInput(input);
  };

  return {
    /** One page of a lead's or customer's section, newest first. */
    async list(
      kind: SectionKind,
      ability: UserAbility,
      parent: Parent,
      { page, pageSize }: { page: number; pageSize: number },
      userId: number
    ) {
      await parents().resolve(ability, parent);
      const spec = SECTIONS[kind];
      // the role's read conditions on the section type, as the Content Manager's list applies them
      const readable = visibility().readFilter(ability, spec.uid) ?? { id: { $null: true } };
      const filters = { $and: [{ [parent.type]: { documentId: parent.documentId } }, readable] };
      const [rows, total] = await Promise.all([
        strapi.documents(spec.uid).findMany({
          filters,
          sort: [{ createdAt: 'desc' }, { id: 'desc' }],
          start: (page - 1) * pageSize,
          limit: pageSize,
          populate: populateOf(spec),
        }),
        strapi.documents(spec.uid).count({ filters }),
      ]);
      const managesNotes = kind === 'notes' && visibility().readsAllLeads(ability);
      return {
        // a note says whether the caller may change it (its author or a manager), for the UI to offer it
        data: rows.map((row) => ({
          ...serializeSection(kind, row),
          ...(kind === 'notes' ? { canChange: managesNotes || row.author?.id === userId } : {}),
        })),
        meta: { pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total } },
      };
    },

    /** Adds a record to a reachable lead or customer, and logs it there. */
    async create(
      kind: SectionKind,
      ability: UserAbility,
      userId: number,
      parent: ReachedParent,
      given: Data
    ) {
      const spec = SECTIONS[kind];
      const input = await permitted(spec, ability, given);
      await checkStaff(spec, input, parent, userId);
      const field = spec.staffField;
      // A note's author is the caller; a reminder is for the caller unless it names someone.
      const staffValue = field?.setToCaller
        ? userId
        : (input[field?.name ?? ''] ?? (kind === 'reminders' ? userId : undefined));
      const row = await strapi.documents(spec.uid).create({
        data: {
          ...input,
          ...(field && staffValue !== undefined ? { [field.name]: staffValue } : {}),
          [parent.type]: parent.documentId,
          createdBy: userId,
          updatedBy: userId,
        },
        populate: populateOf(spec),
      });
      await activity().record([
        {
          action: `${spec.singular}_added`,
          ...logOn(parent),
          actor: userId,
          data: { [spec.singular]: row.documentId, ...activityExcerpt(spec.uid, row) },
        },
      ]);
      return serializeSection(kind, row);
    },

    /** Changes a record of a reachable lead or customer (a note: its author or a manager only) and logs it. */
    async update(kind: SectionKind, ability: UserAbility, userId: number, documentId: string, given: Data) {
      const { spec, row, parent } = await findItem(kind, ability, documentId);
      mayChange(kind, ability, userId, row, 'update');
      const input = await permitted(spec, ability, given, row);
      await checkStaff(spec, input, parent, userId);
      const data: Data = { ...input, updatedBy: userId };
      const updated = await strapi
        .documents(spec.uid)
        .update({ documentId, data, populate: populateOf(spec) });
      // Deleted by someone else since `findItem`.
      if (!updated) throw notFound(spec);
      const changed = Object.keys(input).filter((k) => JSON.stringify(row[k]) !== JSON.stringify(updated[k]));
      if (parent && changed.length) {
        await activity().record([
          {
            action: `${spec.singular}_updated`,
            ...logOn(parent),
            actor: userId,
            data: { [spec.singular]: documentId, fields: changed, ...activityExcerpt(spec.uid, updated) },
          },
        ]);
      }
      return serializeSection(kind, updated);
    },

    /** Deletes a record of a reachable lead or customer (a note: its author or a manager only) and logs it. */
    async remove(kind: SectionKind, ability: UserAbility, userId: number, documentId: string) {
      const { spec, row, parent } = await findItem(kind, ability, documentId);
      mayChange(kind, ability, userId, row, 'delete');
      await strapi.documents(spec.uid).delete({ documentId });
      if (parent) {
        await activity().record([
          {
            action: `${spec.singular}_deleted`,
            ...logOn(parent),
            actor: userId,
            data: { [spec.singular]: documentId },
          },
        ]);
      }
      return serializeSection(kind, row);
    },
  };
};

export default sectionsService;
export type SectionsService = ReturnType<typeof sectionsService>;

export { serializeSection };

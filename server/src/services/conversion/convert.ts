import { asConversion } from '../../rules/conversion-scope';
import type { Core } from '@strapi/strapi';
import { conflictError, forbiddenError, validationError, type FieldError } from '../../errors';
import { getService } from '../../utils';
import { UID } from '../../uids';
import type { ConversionInput, CustomerInput } from '../../validation/conversion';
import type { CustomFieldDefinition } from '../custom-fields';
import { DETAIL_POPULATE } from '../leads/populate';
import { leadDetail } from '../leads/serialize';
import {
  checkCarriedFieldsReadable,
  checkCustomerFieldsWritable,
  checkFollowUpTaskWritable,
  privateFilesOf,
  readableConversion,
} from './field-rights';
import type { UserAbility } from '../visibility';
import { planMerges, type PlannedMerges } from './merge';
import type { PortalLogin } from './portal';
import { customerSummary } from './prefill';
import { CUSTOMER_POPULATE, customerDetail } from './serialize';
import type { FileRow } from '../../content-types/rows';
import type { DocumentRow as Row, DocumentData as Data } from '../../types';
import { isEmptyValue } from '../../utils/values';
import { customerIdWithEmail, isDuplicateCustomerEmail } from '../../database/customer-email';
import { insertRows, type Attribute } from '../../database/batch-insert';
import { downloadPath, FILE } from '../attachments';
import { privateStore, PRIVATE_PROVIDER } from '../attachments/private-store';
import { lockConversions } from '../../database/conversion-lock';
import { retryOnDeadlock } from '../../database/retry';
import { insertUnlessDuplicate } from '../../database/savepoint';
import { emitCreatedAfterCommit, emitUpdatedAfterCommit } from '../../database/entry-events';
import { replaceToOneLinks } from '../../database/to-one-links';
import { customerFullName } from '../../document-middlewares/customer-full-name';
import { claimLead } from './lead-state';
import { columnOf } from '../../database/columns';

/**
 * What a conversion reads of its lead: all its answer shows but its customer (it has none yet: the
 * answer names the one the conversion gives it), and the relations the lead's and the new
 * customer's events carry read whole, as those events' populate would read them again.
 */
const LEAD_POPULATE = {
  ...Object.fromEntries(Object.entries(DETAIL_POPULATE).filter(([relation]) => relation !== 'customer')),
  leadStatus: true,
  source: true,
  assignedTo: true,
  tags: true,
  attachments: true,
};

/** The steps written inside the conversion's transaction, in order. */
export const STEPS = [
  'claim',
  'custom-field-definitions',
  'customer',
  'login',
  'notes',
  'opportunities',
  'attachments',
  'task',
  'lead',
  'activity',
] as const;
export type Step = (typeof STEPS)[number];

/** The staff member converting: their id, and their name for the new customer's `createdBy`. */
interface Caller {
  id: number;
  firstname?: string | null;
  lastname?: string | null;
}

/** A lead the caller may see, with what the conversion reads of it (`findLead`). */
type ConvertibleLead = Row;

/**
 * Lead → customer (SPEC §6). Everything is checked first; then one transaction claims the lead
 * (a conditional update: of concurrent conversions exactly one wins, the others get 409), writes
 * the customer, its custom-field definitions and values, its portal login, the copied notes, the
 * follow-up task, the lead's new state and the activity rows. The welcome email and the webhooks
 * go out only after the commit.
 */
const conversionService = ({ strapi }: { strapi: Core.Strapi }) => {
  /**
   * Test seams: `beforeTransaction` is awaited once the checks passed, `afterStep` after each step
   * inside the transaction (a test throws from it to prove the rollback); `answered` says what the
   * lead in the answer was made of.
   */
  const hooks: {
    beforeTransaction?: () => unknown;
    afterStep?: (step: Step) => unknown;
    answered?: (lead: 'as read, converted' | 'read again') => unknown;
  } = {};

  /**
   * The definitions a `custom` merge needs on customers: reused by slug, else created like the
   * lead's. Those the request did not find before (`known`) are looked for again inside the
   * transaction, after the conversions' lock: a conversion that created one a moment ago has
   * committed it.
   */
  const ensureCustomerDefinitions = async (plan: PlannedMerges, known: Set<string>) => {
    const missing = plan.custom.map(({ def }) => def.slug).filter((slug) => !known.has(slug));
    if (!missing.length) return;
    const existing = await strapi.db.query(UID.customField).findMany({
      where: { slug: { $in: missing }, target: 'customer' },
      select: ['slug'],
    });
    for (const row of existing) known.add(row.slug);
    for (const { def } of plan.custom) {
      if (known.has(def.slug)) continue;
      const { name, slug, type, options, personal } = def as CustomFieldDefinition;
      // Two conversions may create the same definition at once: the second one reuses the first's.
      await insertUnlessDuplicate(strapi, () =>
        strapi.documents(UID.customField).create({
          data: {
            name,
            slug,
            type,
            options,
            personal,
            target: 'customer',
            required: false,
            active: true,
          } as Data,
        })
      );
    }
  };

  /**
   * The lead's notes, copied to the customer with their authors: read in one query (the notes
   * through their lead link, each with its author link), written in one insert (and one per link
   * table), whatever their number.
   */
  const copyNotes = async (leadId: number, customerId: number) => {
    const attributes = strapi.db.metadata.get(UID.note).attributes as Record<string, Attribute>;
    const lead = attributes.lead.joinTable!;
    const author = attributes.author.joinTable!;
    const body = columnOf(strapi, UID.note, 'body');
    const notes: { body: unknown; author: number | null }[] = await strapi.db.transaction(({ trx }) =>
      trx(`${strapi.db.metadata.get(UID.note).tableName} as n`)
        .join(`${lead.name} as l`, `l.${lead.joinColumn.name}`, 'n.id')
        .leftJoin(`${author.name} as a`, `a.${author.joinColumn.name}`, 'n.id')
        .where(`l.${lead.inverseJoinColumn.name}`, leadId)
        .select({ body: `n.${body}`, author: `a.${author.inverseJoinColumn.name}` })
        .orderBy('n.id', 'asc')
    );
    await insertRows(
      strapi,
      UID.note,
      notes.map((note) => ({
        data: { body: note.body },
        links: { customer: customerId, author: note.author == null ? null : Number(note.author) },
      }))
    );
    return notes.length;
  };

  /** The lead's opportunities, copied to the customer (the lead keeps its own, SPEC §6). */
  const copyOpportunities = async (leadId: number, customerId: number, userId: number) => {
    const opportunities = await strapi.db.query(UID.opportunity).findMany({
      where: { lead: { id: leadId } },
      select: ['name', 'value', 'stage', 'closeDate'],
      orderBy: { id: 'asc' },
    });
    await insertRows(
      strapi,
      UID.opportunity,
      opportunities.map(({ name, value, stage, closeDate }: Row) => ({
        data: { name, value, stage, closeDate, createdBy: userId, updatedBy: userId },
        links: { customer: customerId },
      }))
    );
    return opportunities.length;
  };

  /**
   * The lead's attachments, given to the customer as copies: a file record and a stored copy each,
   * so that every file has one owner and follows that owner's visibility (the customer's for the
   * copy, the lead's for the original), and removing one leaves the other. Answers what was
   * stored, for the caller to remove if the transaction rolls back.
   */
  const copyAttachments = async (leadId: number, customer: Row, kept: { hash: string; ext: string }[]) => {
    const privateFiles = await privateFilesOf(strapi, leadId);
    if (!privateFiles.length) return 0;
    const store = privateStore(strapi);
    const copies: number[] = [];
    for (const file of privateFiles) {
      const stored = { hash: store.newHash(), ext: file.ext ?? '' };
      await store.copy(file, stored);
      kept.push(stored);
      const row = (await strapi.documents(FILE).create({
        data: {
          name: file.name,
          ...stored,
          mime: file.mime,
          size: file.size,
          url: '',
          provider: PRIVATE_PROVIDER,
          folderPath: '/',
        } as Data,
      })) as Row;
      await strapi.db
        .query(FILE)
        .update({ where: { id: row.id }, data: { url: downloadPath(row.documentId) } });
      copies.push(row.id);
    }
    const current: FileRow[] =
      (await strapi.db.query(UID.customer).load({ id: customer.id }, 'attachments')) ?? [];
    await strapi.db.query(UID.customer).update({
      where: { id: customer.id },
      data: { attachments: [...current.map((file) => file.id), ...copies] },
    });
    return copies.length;
  };

  /** Checks what needs the database, naming each bad path; returns the customer being merged into, if any. */
  const checkAgainstDatabase = async (
    ability: UserAbility,
    lead: Row,
    input: ConversionInput,
    definitions: CustomFieldDefinition[],
    userId: number
  ) => {
    const errors: FieldError[] = [];
    const { plan, errors: mergeErrors } = planMerges(
      definitions,
      lead.customFields ?? {},
      input.customFields
    );
    errors.push(...mergeErrors);
    /** The customer to merge into; `undefined` when it is not one the caller may merge into. */
    const findExisting = async (): Promise<Row | null | undefined> => {
      if (!input.existingCustomerId) return null;
      const found = await strapi.db.query(UID.customer).findOne({
        where: { documentId: input.existingCustomerId },
        populate: { user: true },
      });
      // a customer the caller may not see is answered as one that does not exist (SPEC §3.1)
      const visible =
        found && (await getService(strapi, 'visibility').seesRow(ability, UID.customer, { id: found.id }));
      return visible ? found : undefined;
    };
    const [assignmentError, existing] = await Promise.all([
      // the task goes on the customer, which its assignee sees through this lead
      getService(strapi, 'staff').assignmentError(
        input.followUpTask?.assignedTo,
        { type: 'lead', documentId: lead.documentId },
        userId
      ),
      findExisting(),
    ]);
    if (existing === undefined)
      errors.push({ path: ['existingCustomerId'], message: 'is not an existing customer' });
    if (assignmentError) errors.push({ path: ['followUpTask', 'assignedTo'], message: assignmentError });
    if (errors.length) throw validationError(errors);
    return { plan, existing: existing ?? null };
  };

  /**
   * The 409 for a customer email that is taken (SPEC §6): with the customer to merge into when the
   * caller may see it; without a word of it when they may not (SPEC §3.1: the email is unique
   * across all customers, so only that it is taken can be said).
   */
  const emailTaken = async (ability: UserAbility, email: string, customer: Row | null) => {
    const visible =
      customer &&
      (await getService(strapi, 'visibility').seesRow(ability, UID.customer, { id: customer.id }));
    return visible
      ? conflictError(
          `A customer with the email ${email} already exists: send its id as existingCustomerId to merge this lead into it`,
          { existingCustomer: customerSummary(customer as never) }
        )
      : conflictError(
          `The email ${email} already belongs to a customer you cannot see: ask a manager to merge this lead`
        );
  };

  /**
   * The new customer, written without the Document Service (whose create reads and counts every
   * target first, then reads the row back): one insert and its tag and lead links. What its
   * middlewares would add is added here — the full name; the email's uniqueness is the database's
   * index (a race answers the same 409) — and its `entry.create` is emitted once the conversion
   * wrote all of it.
   */
  const createCustomer = async (
    lead: Row,
    data: CustomerInput,
    values: Record<string, unknown>,
    userId: number,
    now: Date
  ) => {
    const [row] = await insertRows(strapi, UID.customer, [
      {
        data: {
          ...data,
          fullName: customerFullName(data),
          fromLead: true,
          customFields: values,
          createdBy: userId,
          updatedBy: userId,
          createdAt: now,
          updatedAt: now,
        },
        links: { lead: lead.id },
        many: { tags: (lead.tags ?? []).map((tag: Row) => tag.id as number) },
      },
    ]);
    return { ...data, ...row, customFields: values, createdAt: now, updatedAt: now } as Row;
  };

  /**
   * The lead's status and customer links (its flags and status column were written by the claim),
   * without the Document Service (whose update reads the lead around the write several times over
   * for its middlewares); `entry.update` goes out after the commit, with the relations the caller
   * `knows` as they are not read again.
   */
  const linkConverted = async (
    leadId: number,
    customerStatus: Row,
    customerId: number,
    known: Record<string, unknown>
  ) => {
    await replaceToOneLinks(strapi, UID.lead, leadId, {
      leadStatus: customerStatus.id,
      customer: customerId,
    });
    await emitUpdatedAfterCommit(strapi, UID.lead, [leadId], { ...known, leadStatus: customerStatus });
  };

  const customerData = (input: ConversionInput, plan: PlannedMerges): CustomerInput => ({
    ...input.customer,
    ...Object.fromEntries(plan.database.map(({ target, value }) => [target, value])),
  });

  return {
    hooks,

    /** The lead a conversion starts from, resolved once per request (404 when out of reach). */
    findLead: (ability: UserAbility, documentId: string): Promise<ConvertibleLead> =>
      // all the lead's answer shows: unless someone writes the lead meanwhile, it is answered from
      // this read and what the conversion changed (see claimLead)
      getService(strapi, 'visibility').findVisibleLead(
        ability,
        documentId,
        LEAD_POPULATE
      ) as Promise<ConvertibleLead>,

    /** Converts a visible, updatable, not yet converted lead; answers the customer and the updated lead. */
    async convert(ability: UserAbility, caller: Caller, lead: ConvertibleLead, input: ConversionInput) {
      const userId = caller.id;
      const visibility = getService(strapi, 'visibility');
      const { documentId } = lead;
      if (visibility.checker(ability).cannot.update(lead))
        throw forbiddenError('You may not update this lead');
      if (lead.dateConverted) throw conflictError('This lead is already converted');

      // the reads the checks need, side by side (each on its own connection)
      const [allDefinitions, customerStatus]: [CustomFieldDefinition[], Row] = await Promise.all([
        strapi.db.query(UID.customField).findMany({ where: { target: { $in: ['lead', 'customer'] } } }),
        strapi.db.query(UID.leadStatus).findOne({ where: { isCustomerStatus: true } }),
      ]);
      const definitions = allDefinitions.filter((def) => def.target === 'lead');
      const customerSlugs = allDefinitions.filter((def) => def.target === 'customer').map((def) => def.slug);
      await checkCarriedFieldsReadable(strapi, ability, lead, definitions, {
        createsCustomer: !input.existingCustomerId,
      });
      const { plan, existing } = await checkAgainstDatabase(ability, lead, input, definitions, userId);
      const data = customerData(input, plan);
      checkCustomerFieldsWritable(
        ability,
        { ...data },
        {
          merging: !!existing,
          customFields: plan.custom.length > 0,
          tags: (lead.tags ?? []).length > 0,
        }
      );
      if (input.followUpTask) checkFollowUpTaskWritable(ability, input.followUpTask);
      const duplicateId = !existing && data.email ? await customerIdWithEmail(strapi, data.email) : null;
      if (duplicateId !== null) {
        const duplicate = await strapi.db.query(UID.customer).findOne({ where: { id: duplicateId } });
        throw await emailTaken(ability, data.email!, duplicate);
      }
      const activity = getService(strapi, 'activity');
      const portal = getService(strapi, 'portal');
      const now = new Date();

      // files copied to the customer's attachments: removed again if the transaction rolls back
      const storedCopies: { hash: string; ext: string }[] = [];
      const dropCopies = () =>
        Promise.all(storedCopies.splice(0).map((stored) => privateStore(strapi).remove(stored)));
      await hooks.beforeTransaction?.();
      let unchangedSinceRead = false;
      const { customer, login } = await retryOnDeadlock(() =>
        asConversion(() =>
          strapi.db.transaction(async () => {
            await dropCopies();
            const step = async (name: Step) => hooks.afterStep?.(name);
            await lockConversions(strapi, {
              creatingDefinitions: plan.custom.some(({ def }) => !customerSlugs.includes(def.slug)),
            });

            const claim = await claimLead(strapi, { lead, customerStatus, userId, now });
            unchangedSinceRead = claim.unchangedSinceRead;
            await step('claim');

            await ensureCustomerDefinitions(plan, new Set(customerSlugs));
            await step('custom-field-definitions');

            const values: Record<string, unknown> = { ...(existing?.customFields ?? {}) };
            for (const { def, value } of plan.custom)
              if (!existing || isEmptyValue(values[def.slug])) values[def.slug] = value;
            const saved = existing
              ? ((await strapi.documents(UID.customer).update({
                  documentId: existing.documentId,
                  data: {
                    ...Object.fromEntries(
                      Object.entries(data).filter(([k, v]) => !isEmptyValue(v) && isEmptyValue(existing![k]))
                    ),
                    customFields: values,
                    // a lead became it: it stays the lead's when the lead is gone
                    fromLead: true,
                    updatedBy: userId,
                  } as Data,
                })) as Row)
              : await createCustomer(lead, data, values, userId, now);
            await step('customer');

            let login: PortalLogin | null = null;
            if (input.login.enabled && !existing?.user) {
              login = await portal.ensureLogin(data.email!, input.login.password, saved.id);
              // a new customer's entry.create, read after the commit, carries the login already
              if (existing)
                await strapi
                  .documents(UID.customer)
                  .update({ documentId: saved.documentId, data: { user: login.id } as Data });
              else await replaceToOneLinks(strapi, UID.customer, saved.id, { user: login.id });
            }
            await step('login');

            const copied = {
              notes: input.transferNotes ? await copyNotes(lead.id, saved.id) : 0,
              opportunities: 0,
              attachments: 0,
            };
            await step('notes');

            copied.opportunities = await copyOpportunities(lead.id, saved.id, userId);
            await step('opportunities');

            copied.attachments = await copyAttachments(lead.id, saved, storedCopies);
            if (!existing)
              // after the commit, the new customer as written: what it is known to be left empty
              // is not read back
              await emitCreatedAfterCommit(strapi, UID.customer, [saved.id], {
                // the lead's, as read whole at the start: the customer was given those
                tags: lead.tags ?? [],
                ...(copied.attachments ? {} : { attachments: [] }),
                ...(login ? {} : { user: null }),
              });
            await step('attachments');

            if (input.followUpTask) {
              const { title, dueDate = null, assignedTo = null } = input.followUpTask;
              // one insert and its links; the assignee was checked with the rest of the input
              await insertRows(strapi, UID.task, [
                {
                  data: { title, dueDate, status: 'open', createdBy: userId, updatedBy: userId },
                  links: { customer: saved.id, assignedTo },
                },
              ]);
            }
            await step('task');

            await linkConverted(
              lead.id,
              customerStatus,
              saved.id,
              // the relations the conversion leaves, as read at the start, if nobody wrote the lead since
              unchangedSinceRead
                ? {
                    source: lead.source ?? null,
                    assignedTo: lead.assignedTo ?? null,
                    tags: lead.tags ?? [],
                    attachments: lead.attachments ?? [],
                  }
                : {}
            );
            await step('lead');

            const summary = customerSummary(saved as never);
            await activity.record([
              ...claim.changes.map((entry) => ({
                ...entry,
                lead: documentId,
                leadId: lead.id,
                actor: userId,
              })),
              {
                action: 'converted',
                lead: documentId,
                actor: userId,
                leadId: lead.id,
                data: {
                  customer: summary,
                  mergedIntoExisting: !!existing,
                  portalLogin: !!login,
                  copied,
                },
              },
              ...(lead.email && data.email && lead.email.toLowerCase() !== data.email.toLowerCase()
                ? [
                    {
                      action: 'email_changed_on_conversion',
                      lead: documentId,
                      leadId: lead.id,
                      actor: userId,
                      data: { from: lead.email, to: data.email },
                    },
                  ]
                : []),
              {
                action: existing ? 'lead_merged' : 'created_from_lead',
                customer: saved.documentId,
                customerId: saved.id as number,
                actor: userId,
                data: { lead: { documentId, name: lead.name } },
              },
            ]);
            await step('activity');
            return { customer: saved, login };
          })
        )
      ).catch(async (error: unknown) => {
        await dropCopies();
        // Another conversion created a customer with this email first (the database's unique
        // index decides the race): the same 409 as the sequential check, and nothing written.
        if (!data.email || !isDuplicateCustomerEmail(error)) throw error;
        const winnerId = await customerIdWithEmail(strapi, data.email);
        const winner =
          winnerId === null ? null : await strapi.db.query(UID.customer).findOne({ where: { id: winnerId } });
        throw await emailTaken(ability, data.email, winner);
      });

      if (login?.created && input.login.sendWelcomeEmail) {
        await portal.sendWelcome(login, data.firstName).catch(async (error: Error) => {
          strapi.log.warn(`[crm] the welcome email to ${login.email} failed: ${error.message}`);
          await activity.record([
            {
              action: 'welcome_email_failed',
              lead: documentId,
              actor: userId,
              data: { to: login.email, error: error.message },
            },
          ]);
        });
      }

      const [customerRow, leadRead] = await Promise.all([
        existing
          ? strapi
              .documents(UID.customer)
              .findOne({ documentId: customer.documentId, populate: CUSTOMER_POPULATE })
          : // the customer this conversion made is answered from what it wrote (nobody else could
            // write it before the commit): no second read of it and of its four relations
            {
              ...customer,
              tags: lead.tags ?? [],
              user: login ? { id: login.id, email: login.email } : null,
              lead: { documentId, name: lead.name },
              createdBy: caller,
            },
        unchangedSinceRead
          ? null
          : strapi.documents(UID.lead).findOne({ documentId, populate: DETAIL_POPULATE }),
      ]);
      await hooks.answered?.(unchangedSinceRead ? 'as read, converted' : 'read again');
      const leadRow = leadRead ?? {
        // the lead as the request read it, which nobody wrote since (the claim applied on that
        // condition), with what the conversion wrote: no second read of it and its seven relations
        ...lead,
        lost: false,
        junk: false,
        dateConverted: now,
        updatedAt: now,
        leadStatus: customerStatus,
        customer: customerRow,
      };
      const result = { customer: customerDetail(customerRow as Row), lead: leadDetail(leadRow as Row) };
      strapi.eventHub.emit('lead.converted', { lead: result.lead, customer: result.customer });
      if (!existing) strapi.eventHub.emit('customer.created', { customer: result.customer });
      // the webhooks carry the whole records; the caller reads what their role may read
      return readableConversion(strapi, ability, result);
    },
  };
};

export default conversionService;
export type ConversionService = ReturnType<typeof conversionService>;

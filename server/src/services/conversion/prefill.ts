import type { Core } from '@strapi/strapi';
import { CUSTOMER_CONTACT_FIELDS } from '../../content-types/customer/fields';
import type { ConversionPrefill, TargetKind } from '../../contracts';
import { conflictError } from '../../errors';
import { readableLeadFields } from '../leads/readable';
import { getService } from '../../utils';
import { UID } from '../../uids';
import { CUSTOMER_TARGETS, type CustomerInput, type CustomerTarget } from '../../validation/conversion';
import type { UserAbility } from '../visibility';
import { suggestedTarget } from './merge';

/** Copied from the lead as they are; the name is split into first and last name. */
const COPIED = CUSTOMER_CONTACT_FIELDS.filter((f) => f !== 'firstName' && f !== 'lastName');

/** "Mary Ann de la Cruz" → first name "Mary", last name "Ann de la Cruz": every word is kept. */
export const splitName = (name: string) => {
  const [firstName = '', ...rest] = name.trim().split(/\s+/);
  return { firstName, lastName: rest.join(' ') };
};

export const customerSummary = (
  customer: {
    documentId: string;
    firstName: string;
    lastName?: string | null;
    email?: string | null;
    company?: string | null;
  } | null
) =>
  customer
    ? {
        documentId: customer.documentId,
        firstName: customer.firstName,
        lastName: customer.lastName ?? null,
        email: customer.email ?? null,
        company: customer.company ?? null,
      }
    : null;

/** GET /crm/leads/:id/conversion: what the conversion dialog starts from (SPEC §6). */
const prefillService = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** The prefilled customer, the lead's custom fields with a suggested merge, the targets and any customer with this email. */
  async prefill(ability: UserAbility, documentId: string): Promise<ConversionPrefill> {
    const lead = await getService(strapi, 'visibility').findVisibleLead(ability, documentId);
    if (lead.dateConverted) throw conflictError('This lead is already converted');

    // Field-level permissions: a field the caller may not read is not shown through the prefill either.
    const readable = readableLeadFields(strapi, ability);
    const customer: CustomerInput = {
      ...(readable('name') ? splitName(lead.name) : { firstName: '', lastName: '' }),
      ...Object.fromEntries(COPIED.map((field) => [field, readable(field) ? (lead[field] ?? null) : null])),
    } as CustomerInput;
    const values: Record<string, unknown> = readable('customFields') ? (lead.customFields ?? {}) : {};
    const definitions = await getService(strapi, 'customFields').definitions('lead');
    const customFields = definitions.map((def): ConversionPrefill['customFields'][number] => {
      const value = values[def.slug] ?? null;
      const target = value === null ? undefined : suggestedTarget(def, value);
      return {
        slug: def.slug,
        name: def.name,
        type: def.type,
        value,
        suggestedMerge: value === null ? 'skip' : target ? 'database' : 'custom',
        ...(target ? { suggestedTarget: target } : {}),
      };
    });
    const existing =
      lead.email && readable('email')
        ? await strapi.db.query(UID.customer).findOne({ where: { email: { $eqi: lead.email } } })
        : null;
    return {
      customer,
      customFields,
      targets: (Object.entries(CUSTOMER_TARGETS) as [CustomerTarget, TargetKind][]).map(([field, type]) => ({
        field,
        type,
      })),
      // only a customer the caller may see is offered for a merge (SPEC §3.1)
      existingCustomer:
        existing &&
        (await getService(strapi, 'visibility').seesRow(ability, UID.customer, { id: existing.id }))
          ? customerSummary(existing)
          : null,
      // the dialog states the rule before the user types a password
      passwordPolicy: { minLength: strapi.plugin('crm').config('password.minLength') as number },
    };
  },
});

export default prefillService;
export type PrefillService = ReturnType<typeof prefillService>;

import type { Core } from '@strapi/strapi';
import { NotFoundError } from '../errors';
import { crmConfig, getService } from '../utils';
import { UID } from '../uids';
import type { DocumentRow as Row } from '../types';

/** The logged-in customer's own profile (SPEC §7): found by their users-permissions user only. */
const meService = ({ strapi }: { strapi: Core.Strapi }) => {
  const portal = () => crmConfig(strapi, 'portal');

  const mine = async (userId: number | undefined): Promise<Row> => {
    const customer = userId
      ? await strapi.db.query(UID.customer).findOne({ where: { user: { id: userId } } })
      : null;
    if (!customer) throw new NotFoundError('No customer profile belongs to this account');
    return customer;
  };

  const profile = (customer: Row) => ({
    documentId: customer.documentId,
    ...Object.fromEntries(portal().profileFields.map((f) => [f, customer[f] ?? null])),
  });

  return {
    /** The caller's customer record, limited to the configured fields; 404 when there is none. */
    async find(userId: number | undefined) {
      return profile(await mine(userId));
    },

    /** Changes the caller's own editable fields and logs it on the customer. */
    async update(userId: number | undefined, changes: Record<string, unknown>) {
      const customer = await mine(userId);
      const updated = (await strapi.documents(UID.customer).update({
        documentId: customer.documentId,
        data: changes,
      })) as Row;
      const fields = Object.keys(changes).filter((k) => customer[k] !== updated[k]);
      if (fields.length) {
        await getService(strapi, 'activity').record([
          { action: 'profile_updated_by_customer', customer: customer.documentId, data: { fields } },
        ]);
      }
      return profile(updated);
    },
  };
};

export default meService;
export type MeService = ReturnType<typeof meService>;

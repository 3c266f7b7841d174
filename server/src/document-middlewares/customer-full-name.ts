import type { Core, Modules } from '@strapi/strapi';
import { asPlugin } from '../surfaces/caller';
import { UID } from '../uids';

interface NameParts {
  firstName?: unknown;
  lastName?: unknown;
}

/** "Ada" + "Lovelace" → "Ada Lovelace": what the Content Manager titles a customer by. */
export const customerFullName = ({ firstName, lastName }: NameParts): string | null => {
  const words = [firstName, lastName]
    .filter((part): part is string => typeof part === 'string')
    .map((part) => part.trim())
    .filter(Boolean);
  return words.length ? words.join(' ').slice(0, 255) : null;
};

const WRITES = ['create', 'update', 'clone'];

/**
 * A customer's `fullName` follows its first and last name on every path that writes customers
 * (the conversion, the Content Manager, the customer's own `PUT /api/crm/me`, scripts): whatever a
 * write says about `fullName` itself is replaced by the names the row ends up with.
 */
export const customerFullNameRule =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    if (context.uid !== UID.customer || !WRITES.includes(context.action)) return next();
    const params = context.params as { documentId?: string; data?: Record<string, unknown> };
    const data = params.data;
    if (!data) return next();
    const names = 'firstName' in data || 'lastName' in data;
    if (context.action === 'create') {
      data.fullName = customerFullName(data);
      return next();
    }
    if (!names && !('fullName' in data)) return next();
    const current = params.documentId
      ? ((await asPlugin(() =>
          strapi.db.query(UID.customer).findOne({
            where: { documentId: params.documentId },
            select: ['firstName', 'lastName'],
          })
        )) as NameParts | null)
      : null;
    data.fullName = customerFullName({
      firstName: 'firstName' in data ? data.firstName : current?.firstName,
      lastName: 'lastName' in data ? data.lastName : current?.lastName,
    });
    return next();
  };

/**
 * Boot: customers written before `fullName` existed (or by a raw query) get it filled, in pages,
 * straight on the rows (no activity to log, no rule to run: the names do not change).
 */
export const fillCustomerFullNames = async (strapi: Core.Strapi) => {
  const query = strapi.db.query(UID.customer);
  let after = 0;
  for (;;) {
    const rows = (await query.findMany({
      where: { fullName: { $null: true }, id: { $gt: after } },
      select: ['id', 'firstName', 'lastName'],
      orderBy: { id: 'asc' },
      limit: 500,
    })) as ({ id: number } & NameParts)[];
    for (const row of rows) {
      const fullName = customerFullName(row);
      if (fullName) await query.update({ where: { id: row.id }, data: { fullName } });
    }
    if (rows.length < 500) return;
    after = rows[rows.length - 1].id;
  }
};

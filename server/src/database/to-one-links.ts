import type { Core } from '@strapi/strapi';
import type { Attribute } from './batch-insert';
import { replaceLinksTogether, type ToOneLink } from './together';

/**
 * Points to-one relations of one row (`leadStatus`, `customer`…) at new targets: per relation, its
 * link row deleted and the new one inserted — one statement for all of them on PostgreSQL, two a
 * relation elsewhere, where the Document Service's update reads the row, compares and reorders its
 * links in six. Inside the current transaction when there is one. Like `insertRows`, nothing of
 * the Document Service runs (no middleware, no event): the caller writes what they would have
 * written and emits the event itself.
 */
export const replaceToOneLinks = async (
  strapi: Core.Strapi,
  uid: string,
  id: number,
  links: Record<string, number | null>
) => {
  const attributes = strapi.db.metadata.get(uid).attributes as Record<string, Attribute>;
  const toOne: ToOneLink[] = Object.entries(links).map(([field, target]) => {
    const attribute = attributes[field];
    const joinTable = attribute?.joinTable;
    if (!joinTable || !['manyToOne', 'oneToOne'].includes(attribute.relation ?? ''))
      throw new Error(`replaceToOneLinks: ${uid}.${field} is not a to-one relation through a link table`);
    if (joinTable.inverseOrderColumnName)
      throw new Error(`replaceToOneLinks: ${uid}.${field} keeps an order on its target's side`);
    return {
      table: joinTable.name,
      rowColumn: joinTable.joinColumn.name,
      targetColumn: joinTable.inverseJoinColumn.name,
      orderColumn: joinTable.orderColumnName,
      target,
    };
  });
  await strapi.db.transaction(({ trx }) => replaceLinksTogether(strapi, trx, id, toOne));
};

/**
 * Bulk writes of built rows (lib/rows.js) straight into Strapi's tables, in batches, through the
 * app's own knex. Table, column and link-table names come from Strapi's metadata, never guessed.
 */
const UID = {
  lead: 'plugin::crm.lead',
  customer: 'plugin::crm.customer',
  note: 'plugin::crm.note',
};

/** The lead's mirror columns (server/src/database/lead-mirrors.ts): built link list → attribute. */
const MIRRORS = [
  ['status', 'statusMirror'],
  ['source', 'sourceMirror'],
  ['assignee', 'assigneeMirror'],
];

/** The column of attribute `key` of a model (scalar, or a relation stored as a foreign key). */
const columnOf = (meta, key) => {
  const attribute = meta.attributes[key];
  const column = attribute?.columnName ?? attribute?.joinColumn?.name;
  if (!column) throw new Error(`${meta.uid} has no column for "${key}"`);
  return column;
};

const toColumns = (meta, row) =>
  Object.fromEntries(Object.entries(row).map(([key, value]) => [columnOf(meta, key), value]));

/** The link table of a relation attribute: its name, owner column, target column and order column. */
const linkOf = (meta, attribute) => {
  const joinTable = meta.attributes[attribute]?.joinTable;
  if (!joinTable) throw new Error(`${meta.uid}.${attribute} is not stored in a link table`);
  return {
    table: joinTable.name,
    from: joinTable.joinColumn.name,
    to: joinTable.inverseJoinColumn.name,
    order: joinTable.orderColumnName ?? null,
  };
};

/** Rows per INSERT: SQLite caps compound selects at 500 and bound values at 32766, PostgreSQL at 65535. */
const batchSize = (client, columns) =>
  Math.max(1, Math.min(client === 'sqlite' ? 500 : 1000, Math.floor(30000 / Math.max(1, columns))));

const insertRows = async (trx, client, table, rows) => {
  if (!rows.length) return;
  const size = batchSize(client, Object.keys(rows[0]).length);
  for (let i = 0; i < rows.length; i += size) await trx(table).insert(rows.slice(i, i + size));
};

const linkRows = (link, pairs) =>
  pairs.map(({ from, to, order }) => ({
    [link.from]: from,
    [link.to]: to,
    ...(link.order ? { [link.order]: order ?? 1 } : {}),
  }));

/** A writer bound to the app's metadata: `write(trx, built)` stores one chunk of built leads. */
const createWriter = (strapi) => {
  const client = strapi.db.dialect.client;
  const meta = {
    lead: strapi.db.metadata.get(UID.lead),
    customer: strapi.db.metadata.get(UID.customer),
    note: strapi.db.metadata.get(UID.note),
  };
  const links = {
    status: linkOf(meta.lead, 'leadStatus'),
    source: linkOf(meta.lead, 'source'),
    assignee: linkOf(meta.lead, 'assignedTo'),
    tags: linkOf(meta.lead, 'tags'),
    leadCustomer: linkOf(meta.lead, 'customer'),
    customerLead: linkOf(meta.customer, 'lead'),
    noteLead: linkOf(meta.note, 'lead'),
    noteAuthor: linkOf(meta.note, 'author'),
  };
  const pairs = (list) => list.map(({ lead, target, order }) => ({ from: lead, to: target, order }));
  const put = (trx, table, rows) => insertRows(trx, client, table, rows);

  return {
    client,
    tables: { lead: meta.lead.tableName, customer: meta.customer.tableName, note: meta.note.tableName },

    async write(trx, built) {
      // the plugin's mirror columns of the status, source and assignee links (lead-mirrors.ts),
      // written with the rows, as the plugin's own bulk inserts set them
      const mirrored = {};
      for (const [name, attribute] of MIRRORS) {
        const column = meta.lead.attributes[attribute]?.columnName;
        if (!column) continue;
        for (const { lead, target } of built[name]) (mirrored[lead] ??= {})[column] = target;
      }
      await put(
        trx,
        meta.lead.tableName,
        built.leads.map((row) => ({ ...toColumns(meta.lead, row), ...mirrored[row.id] }))
      );
      for (const name of ['status', 'source', 'assignee', 'tags'])
        await put(trx, links[name].table, linkRows(links[name], pairs(built[name])));
      await put(
        trx,
        meta.customer.tableName,
        built.customers.map(({ row }) => toColumns(meta.customer, row))
      );
      const customerPairs = built.customers.map(({ lead, row }) => ({ lead, customer: row.id }));
      await put(
        trx,
        links.leadCustomer.table,
        linkRows(
          links.leadCustomer,
          customerPairs.map((p) => ({ from: p.lead, to: p.customer }))
        )
      );
      await put(
        trx,
        links.customerLead.table,
        linkRows(
          links.customerLead,
          customerPairs.map((p) => ({ from: p.customer, to: p.lead }))
        )
      );
      await put(
        trx,
        meta.note.tableName,
        built.notes.map(({ row }) => toColumns(meta.note, row))
      );
      await put(
        trx,
        links.noteLead.table,
        linkRows(
          links.noteLead,
          built.notes.map(({ lead, row }) => ({ from: row.id, to: lead }))
        )
      );
      await put(
        trx,
        links.noteAuthor.table,
        linkRows(
          links.noteAuthor,
          built.notes.map(({ author, row }) => ({ from: row.id, to: author }))
        )
      );
    },

    /** PostgreSQL sequences do not follow explicit ids: move them past the largest id. */
    async syncSequences(knex) {
      if (client !== 'postgres') return;
      for (const table of Object.values(this.tables)) {
        await knex.raw(
          `SELECT setval(pg_get_serial_sequence(?, 'id'), (SELECT COALESCE(MAX(id), 1) FROM ??))`,
          [table, table]
        );
      }
    },
  };
};

/** The largest id of a table (0 when empty). */
const maxId = async (knex, table) => Number((await knex(table).max('id as max').first())?.max ?? 0);

module.exports = { createWriter, columnOf, linkOf, maxId, UID };

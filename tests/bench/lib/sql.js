/**
 * The bare SQL that answers a page of the leads list: what a developer would hand-write for it,
 * run through the app's own knex and database driver. It is the floor the plugin is measured
 * against, and the reference its rows are checked against.
 *
 * A page is: the page's leads (filtered and ordered on the leads table alone, the links tested
 * with EXISTS) joined to their status, source and assignee (one query), the total (one query,
 * alongside), then the page's tags (one query) — what GET /crm/leads answers.
 */
const { columnOf, linkOf } = require('./insert');

const createBareSql = (strapi) => {
  const knex = strapi.db.connection;
  const meta = (uid) => strapi.db.metadata.get(uid);
  const lead = meta('plugin::crm.lead');
  const status = meta('plugin::crm.lead-status');
  const source = meta('plugin::crm.lead-source');
  const user = meta('admin::user');
  const tag = meta('plugin::crm.tag');
  const col = (m, key) => columnOf(m, key);
  const links = {
    status: linkOf(lead, 'leadStatus'),
    source: linkOf(lead, 'source'),
    assignee: linkOf(lead, 'assignedTo'),
    tags: linkOf(lead, 'tags'),
  };
  const L = (key) => `l.${col(lead, key)}`;

  /** `EXISTS (a row of the link table for this lead whose target is in ids)`, as a knex callback. */
  const linked = (link, ids) =>
    function () {
      this.select(knex.raw('1'))
        .from(link.table)
        .whereColumn(`${link.table}.${link.from}`, 'l.id')
        .whereIn(`${link.table}.${link.to}`, ids);
    };

  /**
   * The where-clause of a spec: { userId, readsAll, customerStatusIds, statusIds?, sourceId?, q? }.
   * Visibility (created by, assigned to, or public), the default exclusion (not the customer
   * status unless statuses are filtered, not lost, not junk), the filters and the search.
   */
  const where = (qb, spec) => {
    qb.where(L('lost'), false).where(L('junk'), false);
    if (spec.statusIds) qb.whereExists(linked(links.status, spec.statusIds));
    else qb.whereNotExists(linked(links.status, spec.customerStatusIds));
    if (spec.sourceId) qb.whereExists(linked(links.source, [spec.sourceId]));
    if (!spec.readsAll) {
      qb.where((b) =>
        b
          .where(L('createdBy'), spec.userId)
          .orWhere(L('isPublic'), true)
          .orWhereExists(linked(links.assignee, [spec.userId]))
      );
    }
    if (spec.q) {
      const like = `%${spec.q.toLowerCase()}%`;
      qb.where((b) => {
        for (const key of ['name', 'email', 'company', 'phone'])
          b.orWhereRaw('LOWER(??) LIKE ?', [L(key), like]);
      });
    }
    return qb;
  };

  return {
    /** One page for `spec` ({ ...where spec, page, pageSize }): { documentIds, total, rows }. */
    async page(spec) {
      const ids = where(knex(`${lead.tableName} as l`).select('l.*'), spec)
        .orderBy([
          { column: L('createdAt'), order: 'desc' },
          { column: 'l.id', order: 'desc' },
        ])
        .limit(spec.pageSize)
        .offset((spec.page - 1) * spec.pageSize);
      const P = (key) => `p.${col(lead, key)}`;
      const rows = knex
        .from(ids.as('p'))
        .leftJoin(`${links.status.table} as ls`, `ls.${links.status.from}`, 'p.id')
        .leftJoin(`${status.tableName} as s`, 's.id', `ls.${links.status.to}`)
        .leftJoin(`${links.source.table} as lso`, `lso.${links.source.from}`, 'p.id')
        .leftJoin(`${source.tableName} as so`, 'so.id', `lso.${links.source.to}`)
        .leftJoin(`${links.assignee.table} as la`, `la.${links.assignee.from}`, 'p.id')
        .leftJoin(`${user.tableName} as u`, 'u.id', `la.${links.assignee.to}`)
        .select(
          'p.*',
          `s.${col(status, 'documentId')} as status_document_id`,
          `s.${col(status, 'name')} as status_name`,
          `s.${col(status, 'color')} as status_color`,
          `s.${col(status, 'order')} as status_order`,
          `s.${col(status, 'isCustomerStatus')} as status_is_customer`,
          `so.${col(source, 'documentId')} as source_document_id`,
          `so.${col(source, 'name')} as source_name`,
          `u.id as assignee_id`,
          `u.${col(user, 'firstname')} as assignee_firstname`,
          `u.${col(user, 'lastname')} as assignee_lastname`
        )
        .orderBy([
          { column: P('createdAt'), order: 'desc' },
          { column: 'p.id', order: 'desc' },
        ]);
      const count = where(knex(`${lead.tableName} as l`).count({ total: '*' }), spec);
      const [page, [{ total }]] = await Promise.all([rows, count]);
      const tags = page.length
        ? await knex(`${links.tags.table} as lt`)
            .join(`${tag.tableName} as t`, 't.id', `lt.${links.tags.to}`)
            .whereIn(
              `lt.${links.tags.from}`,
              page.map((r) => r.id)
            )
            .orderBy([`lt.${links.tags.from}`, `lt.${links.tags.order}`])
            .select(
              `lt.${links.tags.from} as lead_id`,
              `t.${col(tag, 'documentId')}`,
              `t.${col(tag, 'name')}`
            )
        : [];
      return {
        documentIds: page.map((r) => r[col(lead, 'documentId')]),
        total: Number(total),
        rows: page.map((r) => ({ ...r, tags: tags.filter((t) => t.lead_id === r.id) })),
      };
    },
  };
};

module.exports = { createBareSql };

/**
 * The bare SQL that answers a page of the leads list: what a developer would hand-write for it,
 * run through the app's own knex and database driver. It is the floor the plugin is measured
 * against, and the reference its rows are checked against.
 *
 * A page is: the page's lead ids (filtered and ordered on the leads table alone, the links tested
 * with EXISTS) joined to those leads and their status, source and assignee (one query: a deep
 * page skips index entries, not whole rows, as the plugin's does), the total counted to the
 * cap only (`SELECT count(*) FROM (SELECT 1 … LIMIT cap + 1)`, one query, alongside), then the
 * page's tags (one query) — what GET /crm/leads answers. A keyset page starts at a row comparison
 * `(created_at, id) < (…)` instead of an offset. A board column is a page of 20 cards with the
 * column's capped count, the sum of the values of the leads it counts (its first `cap`, newest
 * first) and the cards' next open tasks. With `viaMirrors`, the status, source and assignee are
 * read from the plugin's mirror columns on the leads table (the timed runs); without, from the
 * link tables (the reference answer).
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
  /** Whether the plugin keeps its mirror columns of the status, source and assignee links. */
  const mirrors = ['statusMirror', 'sourceMirror', 'assigneeMirror'].every(
    (k) => lead.attributes[k]?.columnName
  );

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
    // timed runs read the plugin's mirror columns of the links (as a developer who knows the
    // schema would); the reference answer every side is checked against reads the links themselves
    const m = spec.viaMirrors && mirrors;
    if (spec.statusIds) {
      if (m) qb.whereIn(L('statusMirror'), spec.statusIds);
      else qb.whereExists(linked(links.status, spec.statusIds));
    } else if (m) {
      qb.where((b) => b.whereNotIn(L('statusMirror'), spec.customerStatusIds).orWhereNull(L('statusMirror')));
    } else qb.whereNotExists(linked(links.status, spec.customerStatusIds));
    if (spec.sourceId) {
      if (m) qb.where(L('sourceMirror'), spec.sourceId);
      else qb.whereExists(linked(links.source, [spec.sourceId]));
    }
    if (!spec.readsAll) {
      qb.where((b) => {
        b.where(L('createdBy'), spec.userId).orWhere(L('isPublic'), true);
        if (m) b.orWhere(L('assigneeMirror'), spec.userId);
        else b.orWhereExists(linked(links.assignee, [spec.userId]));
      });
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

  const task = meta('plugin::crm.task');
  const taskLead = linkOf(task, 'lead');

  /** The number of leads of `spec`, counted to `cap` (null: exactly). */
  const count = async (spec, cap) => {
    if (cap == null) {
      const [{ total }] = await where(knex(`${lead.tableName} as l`).count({ total: '*' }), spec);
      return { total: Number(total) };
    }
    const inner = where(knex(`${lead.tableName} as l`).select(knex.raw('1')), spec).limit(cap + 1);
    const [{ total }] = await knex.count({ total: '*' }).from(inner.as('c'));
    return Number(total) > cap ? { total: cap, totalCapped: true } : { total: Number(total) };
  };

  /** The earliest open task (by due date, undated last) of each of `leadIds`. */
  const nextTasks = async (leadIds) => {
    if (!leadIds.length) return new Map();
    const due = `t.${col(task, 'dueDate')}`;
    const rows = await knex(`${task.tableName} as t`)
      .join(`${taskLead.table} as tl`, `tl.${taskLead.from}`, 't.id')
      .whereIn(`tl.${taskLead.to}`, leadIds)
      .where(`t.${col(task, 'status')}`, 'open')
      .orderByRaw(`CASE WHEN ?? IS NULL THEN 1 ELSE 0 END, ??, ??`, [due, due, 't.id'])
      .select(
        `tl.${taskLead.to} as lead_id`,
        `t.${col(task, 'documentId')} as document_id`,
        `t.${col(task, 'title')} as title`,
        `${due} as due_date`
      );
    const next = new Map();
    for (const row of rows) if (!next.has(row.lead_id)) next.set(row.lead_id, row);
    return next;
  };

  return {
    count,
    /**
     * One page for `spec` ({ ...where spec, page, pageSize, cap?, after? }): { documentIds, total,
     * totalCapped, rows, last }. `after` ({ createdAt, id }) reads the page after that row.
     */
    async page(spec) {
      // the page's ids first, read from the index alone where one serves the order (a deep page
      // skips index entries, not whole rows), then those leads joined to what a row shows
      const ids = where(knex(`${lead.tableName} as l`).select('l.id'), spec);
      if (spec.after) {
        ids.whereRaw('(??, ??) < (?, ?)', [L('createdAt'), 'l.id', spec.after.createdAt, spec.after.id]);
      }
      ids
        .orderBy([
          { column: L('createdAt'), order: 'desc' },
          { column: 'l.id', order: 'desc' },
        ])
        .limit(spec.pageSize)
        .offset(spec.after ? 0 : (spec.page - 1) * spec.pageSize);
      const P = (key) => `p.${col(lead, key)}`;
      const rows = knex
        .from(ids.as('i'))
        .join(`${lead.tableName} as p`, 'p.id', 'i.id')
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
      const [page, counted] = await Promise.all([
        rows,
        count(spec, spec.cap === undefined ? 10_000 : spec.cap),
      ]);
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
      const last = page[page.length - 1];
      return {
        documentIds: page.map((r) => r[col(lead, 'documentId')]),
        ...counted,
        rows: page.map((r) => ({ ...r, tags: tags.filter((t) => t.lead_id === r.id) })),
        last: last && { createdAt: last[col(lead, 'createdAt')], id: last.id },
      };
    },

    /**
     * The board for `spec` ({ ...where spec, columns: [{ id, name }], pageSize, cap }): per column
     * its first cards (as a page, with their next tasks), capped count and sum of values.
     */
    async board(spec) {
      return Promise.all(
        spec.columns.map(async (column) => {
          const columnSpec = { ...spec, statusIds: [column.id], page: 1 };
          // the sum of the leads the capped count counts: the column's first `cap` leads, newest first
          const summed = where(knex(`${lead.tableName} as l`).select({ v: L('value') }), columnSpec)
            .orderBy([
              { column: L('createdAt'), order: 'desc' },
              { column: 'l.id', order: 'desc' },
            ])
            .limit(spec.cap === undefined ? 10_000 : spec.cap);
          const [page, [{ sum }]] = await Promise.all([
            this.page(columnSpec),
            knex.sum({ sum: 'c.v' }).from(summed.as('c')),
          ]);
          const tasks = await nextTasks(page.rows.map((r) => r.id));
          return {
            name: column.name,
            documentIds: page.documentIds,
            total: page.total,
            totalCapped: !!page.totalCapped,
            value: Number(sum ?? 0),
            tasks: page.rows.map((r) => tasks.get(r.id)?.document_id ?? null),
          };
        })
      );
    },
  };
};

module.exports = { createBareSql };

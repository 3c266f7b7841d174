/** SPEC §9 POST /crm/leads/bulk: each lead checked as if changed alone; hidden ids never revealed. */
import type { Core } from '@strapi/strapi';
import { countRows, createLead, references } from '../helpers/leads';
import { http, startStrapi, stopStrapi } from '../helpers/strapi';
import { createRole, createStaff, type Staff } from '../helpers/users';

const LEAD = 'plugin::crm.lead';
const ACTIVITY = 'plugin::crm.activity';
const READ = 'plugin::content-manager.explorer.read';
const UPDATE = 'plugin::content-manager.explorer.update';
/** A well-formed documentId that no lead has. */
const MISSING = 'zz0000000000000000000000';

let strapi: Core.Strapi;
let seller: Staff;
let otherSeller: Staff;
let manager: Staff;
let readOnly: Staff;
let fieldRestricted: Staff;
let creatorFields: Staff;
let refs: Awaited<ReturnType<typeof references>>;
let vip: string;
let hot: string;

let sequence = 0;
const named = (prefix: string) => `${prefix} ${++sequence}`;

const stored = (documentId: string) =>
  strapi.db.query(LEAD).findOne({
    where: { documentId },
    populate: { leadStatus: true, assignedTo: true, tags: true },
  });

const activityOf = async (documentId: string) =>
  (
    await strapi.db.query(ACTIVITY).findMany({
      where: { lead: { documentId } },
      orderBy: { id: 'asc' },
      populate: { actor: true },
    })
  ).map((row: { action: string; data: unknown; actor: { id: number } | null }) => ({
    action: row.action,
    data: row.data,
    actor: row.actor?.id ?? null,
  }));

/** Everything a refused request could have changed. */
const snapshot = async () =>
  JSON.stringify([await countRows(strapi, ACTIVITY), await countRows(strapi, LEAD)]);

const bulk = (user: Staff, body: unknown) => user.post('/crm/leads/bulk').send(body as object);

beforeAll(async () => {
  strapi = await startStrapi();
  seller = await createStaff(strapi, 'Sales Staff');
  otherSeller = await createStaff(strapi, 'Sales Staff');
  manager = await createStaff(strapi, 'Sales Manager');
  refs = await references(strapi);
  readOnly = await createStaff(strapi, (await createRole(strapi, [{ action: READ, subject: LEAD }])).id);
  fieldRestricted = await createStaff(
    strapi,
    (
      await createRole(strapi, [
        { action: READ, subject: LEAD },
        { action: UPDATE, subject: LEAD, properties: { fields: ['name', 'isPublic'] } },
      ])
    ).id
  );
  // every field on the leads they created, only the name on the others
  creatorFields = await createStaff(
    strapi,
    (
      await createRole(strapi, [
        { action: READ, subject: LEAD },
        { action: UPDATE, subject: LEAD, properties: { fields: ['name'] } },
      ])
    ).id,
    {
      extraRoles: [
        (await createRole(strapi, [{ action: UPDATE, subject: LEAD, conditions: ['admin::is-creator'] }])).id,
      ],
    }
  );
  vip = (await strapi.documents('plugin::crm.tag').create({ data: { name: 'bulk-vip' } })).documentId;
  hot = (await strapi.documents('plugin::crm.tag').create({ data: { name: 'bulk-hot' } })).documentId;
});

afterAll(async () => {
  await stopStrapi(strapi);
});

describe('POST /crm/leads/bulk: which leads', () => {
  it('changes the visible leads and refuses hidden and missing ids alike, as 404s', async () => {
    const own = await createLead(strapi, { name: named('Own Olive'), createdBy: seller.id });
    const shared = await createLead(strapi, {
      name: named('Public Pia'),
      createdBy: otherSeller.id,
      isPublic: true,
    });
    const hidden = await createLead(strapi, { name: named('Hidden Hal'), createdBy: otherSeller.id });

    const res = await bulk(seller, {
      action: 'status',
      ids: [own.documentId, hidden.documentId, shared.documentId, MISSING],
      value: refs.status.Contacted,
    });

    expect(res.status).toBe(200);
    expect(res.body.data.done).toEqual([own.documentId, shared.documentId]);
    expect(res.body.data.refused).toEqual([
      { id: hidden.documentId, status: 404, message: 'Lead not found' },
      { id: MISSING, status: 404, message: 'Lead not found' },
    ]);
    expect(JSON.stringify(res.body)).not.toContain('Hidden Hal');
    expect((await stored(own.documentId)).leadStatus.name).toBe('Contacted');
    expect((await stored(shared.documentId)).leadStatus.name).toBe('Contacted');
    expect((await stored(hidden.documentId)).leadStatus.name).toBe('New');
    expect(await activityOf(hidden.documentId)).toEqual([expect.objectContaining({ action: 'created' })]);
  });

  it('writes each lead’s activity exactly as the single-lead route does', async () => {
    const single = await createLead(strapi, { name: named('Single Sam'), createdBy: seller.id });
    const viaBulk = await createLead(strapi, { name: named('Bulk Bea'), createdBy: seller.id });
    const put = await seller.put(`/crm/leads/${single.documentId}`).send({ status: refs.status.Qualified });
    expect(put.status).toBe(200);
    const res = await bulk(seller, {
      action: 'status',
      ids: [viaBulk.documentId],
      value: refs.status.Qualified,
    });
    expect(res.body.data.done).toEqual([viaBulk.documentId]);

    const logged = (await activityOf(viaBulk.documentId)).slice(1);
    expect(logged).toEqual((await activityOf(single.documentId)).slice(1));
    expect(logged).toEqual([
      {
        action: 'status_changed',
        data: {
          from: { documentId: refs.status.New, name: 'New' },
          to: { documentId: refs.status.Qualified, name: 'Qualified' },
        },
        actor: seller.id,
      },
    ]);
  });

  it('refuses converted leads for status, lost and junk (409) and still changes the others', async () => {
    const open = await createLead(strapi, { name: named('Open Otto'), createdBy: manager.id });
    const converted = await createLead(strapi, {
      name: named('Converted Cleo'),
      createdBy: manager.id,
      status: refs.status.Customer,
      dateConverted: new Date(),
    });
    for (const body of [
      { action: 'status', value: refs.status.Proposal },
      { action: 'lost', value: true },
      { action: 'junk', value: true },
    ]) {
      const res = await bulk(manager, { ...body, ids: [converted.documentId, open.documentId] });
      expect(res.status).toBe(200);
      expect(res.body.data.done).toEqual([open.documentId]);
      expect(res.body.data.refused).toEqual([
        { id: converted.documentId, status: 409, message: expect.any(String) },
      ]);
    }
    const after = await stored(converted.documentId);
    expect(after).toMatchObject({ lost: false, junk: false, leadStatus: { name: 'Customer' } });
    expect(await stored(open.documentId)).toMatchObject({
      lost: true,
      junk: true,
      leadStatus: { name: 'Proposal' },
    });
  });

  it('refuses a converted lead to staff who do not see every lead, as the single route does', async () => {
    const converted = await createLead(strapi, {
      name: named('Locked Lou'),
      createdBy: seller.id,
      status: refs.status.Customer,
      dateConverted: new Date(),
    });
    const res = await bulk(seller, { action: 'public', ids: [converted.documentId], value: true });
    const single = await seller.put(`/crm/leads/${converted.documentId}`).send({ isPublic: true });
    expect(res.body.data.refused).toEqual([
      { id: converted.documentId, status: single.status, message: expect.stringContaining('converted') },
    ]);
    expect(single.status).toBe(403);
  });
});

describe('POST /crm/leads/bulk: each action', () => {
  it('assigns and unassigns, logging the assignment', async () => {
    const lead = await createLead(strapi, { name: named('Assigned Ann'), createdBy: manager.id });
    const res = await bulk(manager, { action: 'assign', ids: [lead.documentId], value: seller.id });
    expect(res.body.data).toEqual({ done: [lead.documentId], refused: [] });
    expect((await stored(lead.documentId)).assignedTo.id).toBe(seller.id);
    const back = await bulk(manager, { action: 'assign', ids: [lead.documentId], value: null });
    expect(back.body.data.done).toEqual([lead.documentId]);
    expect((await stored(lead.documentId)).assignedTo).toBeNull();
    expect((await activityOf(lead.documentId)).map((a) => a.action)).toEqual([
      'created',
      'assigned',
      'assigned',
    ]);
  });

  it('makes leads public and private', async () => {
    const lead = await createLead(strapi, { name: named('Private Pat'), createdBy: manager.id });
    await bulk(manager, { action: 'public', ids: [lead.documentId], value: true });
    expect((await stored(lead.documentId)).isPublic).toBe(true);
    await bulk(manager, { action: 'public', ids: [lead.documentId], value: false });
    expect((await stored(lead.documentId)).isPublic).toBe(false);
    expect((await activityOf(lead.documentId)).slice(1)).toEqual([
      { action: 'field_changed', data: { field: 'isPublic', from: false, to: true }, actor: manager.id },
      { action: 'field_changed', data: { field: 'isPublic', from: true, to: false }, actor: manager.id },
    ]);
  });

  it('marks and unmarks lost and junk', async () => {
    const lead = await createLead(strapi, { name: named('Flag Flo'), createdBy: manager.id });
    for (const [action, value] of [
      ['lost', true],
      ['lost', false],
      ['junk', true],
    ] as const) {
      const res = await bulk(manager, { action, ids: [lead.documentId], value });
      expect(res.body.data.done).toEqual([lead.documentId]);
    }
    expect(await stored(lead.documentId)).toMatchObject({ lost: false, junk: true });
    expect((await activityOf(lead.documentId)).map((a) => a.action)).toEqual([
      'created',
      'marked_lost',
      'unmarked_lost',
      'marked_junk',
    ]);
  });

  it('adds and removes tags, keeping the others', async () => {
    const lead = await createLead(strapi, { name: named('Tagged Tom'), createdBy: manager.id, tags: [vip] });
    await bulk(manager, { action: 'tags.add', ids: [lead.documentId], value: [hot, vip] });
    const names = async () =>
      (await stored(lead.documentId)).tags.map((t: { name: string }) => t.name).sort();
    expect(await names()).toEqual(['bulk-hot', 'bulk-vip']);
    await bulk(manager, { action: 'tags.remove', ids: [lead.documentId], value: [vip] });
    expect(await names()).toEqual(['bulk-hot']);
    expect((await activityOf(lead.documentId)).map((a) => a.data)).toEqual([
      expect.anything(),
      { field: 'tags', from: ['bulk-vip'], to: expect.arrayContaining(['bulk-vip', 'bulk-hot']) },
      { field: 'tags', from: expect.arrayContaining(['bulk-vip', 'bulk-hot']), to: ['bulk-hot'] },
    ]);
  });

  it('deletes the leads the caller may delete, refusing hidden ones as 404', async () => {
    const own = await createLead(strapi, { name: named('Doomed Dan'), createdBy: seller.id });
    const hidden = await createLead(strapi, { name: named('Safe Sue'), createdBy: otherSeller.id });
    const res = await bulk(seller, { action: 'delete', ids: [own.documentId, hidden.documentId] });
    expect(res.body.data).toEqual({
      done: [own.documentId],
      refused: [{ id: hidden.documentId, status: 404, message: 'Lead not found' }],
    });
    expect(await stored(own.documentId)).toBeNull();
    expect(await stored(hidden.documentId)).not.toBeNull();
    const deleted = await strapi.db.query(ACTIVITY).findMany({ where: { action: 'deleted' } });
    expect(deleted.map((row: { data: { documentId: string } }) => row.data.documentId)).toContain(
      own.documentId
    );
  });
});

describe('POST /crm/leads/bulk: permissions', () => {
  it('answers 401 without a login', async () => {
    const res = await http(strapi)
      .post('/crm/leads/bulk')
      .send({ action: 'delete', ids: [MISSING] });
    expect(res.status).toBe(401);
  });

  it('answers 403 to a role without read on leads', async () => {
    const nobody = await createStaff(strapi, (await createRole(strapi, [])).id);
    const res = await bulk(nobody, { action: 'delete', ids: [MISSING] });
    expect(res.status).toBe(403);
  });

  it.each([
    ['status', () => ({ action: 'status', value: refs.status.Contacted })],
    ['delete', () => ({ action: 'delete' })],
    ['lost', () => ({ action: 'lost', value: true })],
  ])('refuses %s to a role that only reads leads (403) and changes nothing', async (_label, body) => {
    const lead = await createLead(strapi, { name: named('Read Rita'), createdBy: manager.id });
    const before = await snapshot();
    const res = await bulk(readOnly, { ...body(), ids: [lead.documentId] });
    expect(res.status).toBe(403);
    expect(res.body.error.name).toBe('ForbiddenError');
    expect(await snapshot()).toBe(before);
  });

  it('refuses an action on a field the role may not update (403), allows one on a field it may', async () => {
    const lead = await createLead(strapi, { name: named('Field Fay'), createdBy: manager.id });
    const before = await snapshot();
    const assign = await bulk(fieldRestricted, {
      action: 'assign',
      ids: [lead.documentId],
      value: seller.id,
    });
    expect(assign.status).toBe(403);
    expect(await snapshot()).toBe(before);
    expect((await stored(lead.documentId)).assignedTo).toBeNull();

    const makePublic = await bulk(fieldRestricted, { action: 'public', ids: [lead.documentId], value: true });
    expect(makePublic.body.data.done).toEqual([lead.documentId]);
    expect((await stored(lead.documentId)).isPublic).toBe(true);
  });

  it('checks a field per lead when the role grants it on some leads only', async () => {
    const mine = await createLead(strapi, { name: named('Mine Mo'), createdBy: creatorFields.id });
    const theirs = await createLead(strapi, { name: named('Theirs Tess'), createdBy: manager.id });
    const res = await bulk(creatorFields, {
      action: 'assign',
      ids: [mine.documentId, theirs.documentId],
      value: seller.id,
    });
    expect(res.status).toBe(200);
    expect(res.body.data.done).toEqual([mine.documentId]);
    expect(res.body.data.refused).toEqual([
      { id: theirs.documentId, status: 403, message: expect.any(String) },
    ]);
    expect((await stored(theirs.documentId)).assignedTo).toBeNull();
  });
});

describe('POST /crm/leads/bulk: bad bodies', () => {
  it.each([
    ['an unknown action', { action: 'explode', ids: ['ID'] }, 'action'],
    ['no action', { ids: ['ID'] }, 'action'],
    ['no ids', { action: 'delete' }, 'ids'],
    ['an empty list of ids', { action: 'delete', ids: [] }, 'ids'],
    ['ids that are not a list', { action: 'delete', ids: 'ID' }, 'ids'],
    ['a duplicate id', { action: 'delete', ids: ['ID', 'ID'] }, 'ids'],
    ['a malformed id', { action: 'delete', ids: ['ID', '../etc'] }, 'ids'],
    ['a numeric id', { action: 'delete', ids: [5] }, 'ids'],
    ['501 ids', { action: 'delete', ids: Array.from({ length: 501 }, (_, i) => `id${i}`) }, 'ids'],
    ['a status without value', { action: 'status', ids: ['ID'] }, 'value'],
    ['a status that does not exist', { action: 'status', ids: ['ID'], value: MISSING }, 'value'],
    ['the customer status', { action: 'status', ids: ['ID'], value: 'CUSTOMER' }, 'value'],
    ['public as text', { action: 'public', ids: ['ID'], value: 'yes' }, 'value'],
    ['lost without value', { action: 'lost', ids: ['ID'] }, 'value'],
    ['an unknown tag', { action: 'tags.add', ids: ['ID'], value: ['VIP', MISSING] }, 'value'],
    ['no tags', { action: 'tags.remove', ids: ['ID'], value: [] }, 'value'],
    ['an assignee that is not staff', { action: 'assign', ids: ['ID'], value: 99999 }, 'value'],
    ['an assignee that is text', { action: 'assign', ids: ['ID'], value: 'sam' }, 'value'],
    ['no assignee', { action: 'assign', ids: ['ID'] }, 'value'],
    ['a value for delete', { action: 'delete', ids: ['ID'], value: true }, 'value'],
    ['an unknown key', { action: 'delete', ids: ['ID'], force: true }, 'force'],
  ])('answers 400 for %s, naming it, and changes nothing', async (_label, raw, path) => {
    const lead = await createLead(strapi, { name: named('Body Bo'), createdBy: manager.id });
    const body = JSON.parse(
      JSON.stringify(raw)
        .replace(/"ID"/g, JSON.stringify(lead.documentId))
        .replace('"CUSTOMER"', JSON.stringify(refs.status.Customer))
        .replace('"VIP"', JSON.stringify(vip))
    );
    const before = await snapshot();
    const res = await bulk(manager, body);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ data: null, error: { status: 400, name: 'ValidationError' } });
    expect(res.body.error.details.errors.map((e: { path: string[] }) => e.path[0])).toContain(path);
    expect(await snapshot()).toBe(before);
    expect(await stored(lead.documentId)).not.toBeNull();
  });
});

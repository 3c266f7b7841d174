import { attributeOf, onlyReadable, readableActivity } from '../../../../server/src/services/leads/readable';

const readsNameAndStatus = (key: string) =>
  ['name', 'leadStatus', 'documentId', 'createdAt'].includes(key === 'status' ? 'leadStatus' : key);

const bodies = { noteBodies: true };

describe('field-level read permissions (SPEC §3.1)', () => {
  it('reads a mirror column with the right on the relation it mirrors (a search or answer through it)', () => {
    expect(attributeOf('assigneeMirror')).toBe('assignedTo');
    expect(attributeOf('statusMirror')).toBe('leadStatus');
    expect(attributeOf('sourceMirror')).toBe('source');
    expect(attributeOf('status')).toBe('leadStatus');
  });

  it('keeps only the readable keys of a lead, its status under its answer name', () => {
    const lead = {
      documentId: 'a',
      name: 'Ann',
      status: { name: 'New' },
      email: 'a@x.test',
      value: 5,
      createdAt: 'd',
    };
    expect(onlyReadable(lead, readsNameAndStatus)).toEqual({
      documentId: 'a',
      name: 'Ann',
      status: { name: 'New' },
      createdAt: 'd',
    });
  });

  it("drops the old and new values of an unreadable field's change, keeping that it changed", () => {
    const row = { action: 'field_changed', data: { field: 'email', from: 'a@x.test', to: 'b@x.test' } };
    expect(readableActivity(row, readsNameAndStatus, bodies)).toEqual({
      action: 'field_changed',
      data: { field: 'email' },
    });
    const custom = { action: 'field_changed', data: { field: 'customFields.budget', from: 1, to: 2 } };
    expect(readableActivity(custom, readsNameAndStatus, bodies).data).toEqual({
      field: 'customFields.budget',
    });
    const assigned = { action: 'assigned', data: { from: null, to: { id: 1 } } };
    expect(readableActivity(assigned, readsNameAndStatus, bodies).data).toEqual({});
  });

  it("keeps a note's excerpt for those who read notes' bodies only", () => {
    const note = { action: 'note_added', data: { note: 'x', excerpt: 'Called, wants a quote' } };
    expect(readableActivity(note, readsNameAndStatus, bodies).data).toEqual(note.data);
    expect(readableActivity(note, readsNameAndStatus, { noteBodies: false }).data).toEqual({ note: 'x' });
  });

  it('leaves readable changes and other actions whole', () => {
    const row = { action: 'field_changed', data: { field: 'name', from: 'A', to: 'B' } };
    expect(readableActivity(row, readsNameAndStatus, bodies)).toEqual(row);
    const status = { action: 'status_changed', data: { from: { name: 'New' }, to: { name: 'Won' } } };
    expect(readableActivity(status, readsNameAndStatus, bodies)).toEqual(status);
    const note = { action: 'note_added', data: { note: 'x' } };
    expect(readableActivity(note, readsNameAndStatus, bodies)).toEqual(note);
    expect(readableActivity({ action: 'created', data: null }, readsNameAndStatus, bodies).data).toEqual({});
  });
});

import { serializeSection } from '../../../../server/src/services/sections/serialize';

const base = {
  id: 7,
  documentId: 'rec',
  createdAt: new Date('2026-01-02T03:04:05.000Z'),
  updatedAt: '2026-01-03T00:00:00.000Z',
  lead: { id: 1, documentId: 'lead', name: 'Ann', email: 'ann@x.test' },
};

describe('section records as the API answers them', () => {
  it('gives a note its body, author (names only) and parent', () => {
    const note = serializeSection('notes', {
      ...base,
      body: 'Called',
      author: { id: '3', firstname: 'Sam', lastname: null, email: 'sam@x.test' },
    });
    expect(note).toEqual({
      documentId: 'rec',
      body: 'Called',
      author: { id: 3, firstname: 'Sam', lastname: null },
      lead: { documentId: 'lead', name: 'Ann' },
      customer: null,
      createdAt: '2026-01-02T03:04:05.000Z',
      updatedAt: '2026-01-03T00:00:00.000Z',
    });
  });

  it('answers an opportunity value as a number (PostgreSQL hands decimals as strings)', () => {
    const opportunity = serializeSection('opportunities', { ...base, name: 'Deal', value: '12.50' });
    expect(opportunity).toMatchObject({ name: 'Deal', value: 12.5, stage: null, closeDate: null });
  });

  it('keeps only the known task statuses and fills what is missing with null', () => {
    expect(serializeSection('tasks', { ...base, title: 'Call', status: 'weird' })).toMatchObject({
      title: 'Call',
      status: null,
      dueDate: null,
      assignedTo: null,
    });
    expect(
      serializeSection('reminders', {
        documentId: 'r',
        remindAt: '2026-02-01T09:00:00.000Z',
        message: 'Ping',
        customer: { documentId: 'c', firstName: 'Bo' },
      })
    ).toMatchObject({
      notified: null,
      staff: null,
      lead: null,
      customer: { documentId: 'c', firstName: 'Bo' },
    });
  });
});

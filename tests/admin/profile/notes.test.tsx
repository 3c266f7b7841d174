import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { server } from '../../helpers/msw';
import { API, LEAD_ID, MIA, renderProfile, SAM, serveProfile } from './fixtures';

// The signed-in user is Sam (the admin panel's auth state, which the tests do not boot).
jest.mock('@strapi/strapi/admin', () => ({
  ...jest.requireActual('@strapi/strapi/admin'),
  useAuth: (_name: string, select: (state: { user: { id: number } }) => unknown) =>
    select({ user: { id: 3 } }),
}));

const note = (documentId: string, body: string, author = SAM) => ({
  documentId,
  body,
  author,
  lead: { documentId: LEAD_ID, name: 'Ada Lovelace' },
  customer: null,
  createdAt: '2026-11-02T09:30:00.000Z',
  updatedAt: '2026-11-02T09:30:00.000Z',
});

/** Serves the notes list (newest first) and records the bodies of the notes posted. */
const serveNotes = () => {
  const notes = [note('note-mia', 'Met at the fair', MIA), note('note-sam', 'Wants a quote')];
  const posted: unknown[] = [];
  server.use(
    http.get(`${API}/crm/leads/${LEAD_ID}/notes`, () =>
      HttpResponse.json({
        data: notes,
        meta: { pagination: { page: 1, pageSize: 10, pageCount: 1, total: notes.length } },
      })
    ),
    http.post(`${API}/crm/leads/${LEAD_ID}/notes`, async ({ request }) => {
      const body = (await request.json()) as { body: string };
      posted.push(body);
      notes.unshift(note(`note-${notes.length + 1}`, body.body));
      return HttpResponse.json({ data: notes[0] }, { status: 201 });
    })
  );
  return posted;
};

describe('the notes of the lead profile', () => {
  it('lists the notes with their author, and offers edit and delete on the user’s own only', async () => {
    serveProfile();
    serveNotes();
    renderProfile({ tab: 'notes' });

    const own = (await screen.findByText('Wants a quote')).closest('tr')!;
    const others = screen.getByText('Met at the fair').closest('tr')!;
    expect(within(own).getByText('Sam Seller')).toBeInTheDocument();
    expect(within(others).getByText('Mia Manager')).toBeInTheDocument();
    expect(within(own).getByRole('button', { name: 'Edit' })).toBeInTheDocument();
    expect(within(own).getByRole('button', { name: 'Delete' })).toBeInTheDocument();
    expect(within(others).queryByRole('button', { name: 'Edit' })).not.toBeInTheDocument();
    expect(within(others).queryByRole('button', { name: 'Delete' })).not.toBeInTheDocument();
  });

  it('offers edit and delete on a colleague’s note when the server says the user may change it', async () => {
    serveProfile();
    server.use(
      http.get(`${API}/crm/leads/${LEAD_ID}/notes`, () =>
        HttpResponse.json({
          data: [
            { ...note('note-mia', 'Met at the fair', MIA), canChange: true },
            { ...note('note-sam', 'Wants a quote'), canChange: false },
          ],
          meta: { pagination: { page: 1, pageSize: 10, pageCount: 1, total: 2 } },
        })
      )
    );
    renderProfile({ tab: 'notes' });

    const others = (await screen.findByText('Met at the fair')).closest('tr')!;
    const own = screen.getByText('Wants a quote').closest('tr')!;
    expect(within(others).getByRole('button', { name: 'Edit' })).toBeInTheDocument();
    expect(within(own).queryByRole('button', { name: 'Edit' })).not.toBeInTheDocument();
  });

  it('adds a note with POST and shows it in the list', async () => {
    serveProfile();
    const posted = serveNotes();
    renderProfile({ tab: 'notes' });

    await userEvent.click(await screen.findByRole('button', { name: 'Add a note' }));
    const dialog = await screen.findByRole('dialog', { name: 'New note' });
    await userEvent.type(within(dialog).getByLabelText(/^Note/), 'Called back');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(posted).toEqual([{ body: 'Called back' }]));
    expect(await screen.findByText('Called back')).toBeInTheDocument();
    expect(screen.queryByRole('dialog', { name: 'New note' })).not.toBeInTheDocument();
    expect(screen.getByText('The note was added.')).toBeInTheDocument();
  });

  it('shows the notes tab without add, edit or delete to a user who may only read notes', async () => {
    serveProfile();
    serveNotes();
    renderProfile({
      tab: 'notes',
      permissions: [
        { action: 'plugin::content-manager.explorer.read', subject: 'plugin::crm.lead' },
        { action: 'plugin::content-manager.explorer.read', subject: 'plugin::crm.note' },
      ],
    });

    expect(await screen.findByText('Wants a quote')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Add a note' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Edit' })).not.toBeInTheDocument();
    expect(screen.queryByRole('tab', { name: 'Tasks' })).not.toBeInTheDocument();
  });
});

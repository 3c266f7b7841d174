import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { server } from '../../helpers/msw';
import { API, LEAD_ID, renderProfile, serveProfile } from './fixtures';

const file = (documentId: string, name: string) => ({
  documentId,
  name,
  url: `/uploads/${name}`,
  mime: 'application/pdf',
  size: 2048,
  createdAt: '2026-11-02T09:30:00.000Z',
});

describe('the attachments of the lead profile', () => {
  it('uploads the chosen files as multipart `files` and lists them', async () => {
    serveProfile();
    const files = [file('file-1', 'brief.pdf')];
    const uploaded: string[] = [];
    server.use(
      http.get(`${API}/crm/leads/${LEAD_ID}/attachments`, () => HttpResponse.json({ data: files })),
      http.post(`${API}/crm/leads/${LEAD_ID}/attachments`, async ({ request }) => {
        const form = await request.formData();
        const added = form.getAll('files').map((part) => (part as File).name);
        uploaded.push(...added);
        files.unshift(...added.map((name, i) => file(`new-${i}`, name)));
        return HttpResponse.json({ data: files.slice(0, added.length) }, { status: 201 });
      })
    );
    renderProfile({ tab: 'attachments' });

    expect(await screen.findByRole('link', { name: /brief\.pdf/ })).toHaveAttribute(
      'href',
      'http://localhost:1337/uploads/brief.pdf'
    );
    expect(screen.getByText('2 MB')).toBeInTheDocument();

    await userEvent.upload(
      screen.getByLabelText('Files to upload'),
      new File(['%PDF'], 'quote.pdf', { type: 'application/pdf' })
    );

    await waitFor(() => expect(uploaded).toEqual(['quote.pdf']));
    expect(await screen.findByRole('link', { name: /quote\.pdf/ })).toBeInTheDocument();
    expect(screen.getByText('1 file was added.')).toBeInTheDocument();
  });
});

import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { server } from '../../helpers/msw';
import { API, LEAD_ID, renderProfile, serveProfile } from './fixtures';

const file = (documentId: string, name: string) => ({
  documentId,
  name,
  url: `/crm/attachments/${documentId}/file`,
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

    expect(await screen.findByRole('button', { name: 'Download brief.pdf' })).toBeInTheDocument();
    expect(screen.getByText('2 MB')).toBeInTheDocument();

    await userEvent.upload(
      screen.getByLabelText('Files to upload'),
      new File(['%PDF'], 'quote.pdf', { type: 'application/pdf' })
    );

    await waitFor(() => expect(uploaded).toEqual(['quote.pdf']));
    expect(await screen.findByRole('button', { name: 'Download quote.pdf' })).toBeInTheDocument();
    expect(screen.getByText('1 file was added.')).toBeInTheDocument();
  });

  it('downloads a file through the authenticated route (files are private), not a public link', async () => {
    serveProfile();
    const requested: string[] = [];
    server.use(
      http.get(`${API}/crm/leads/${LEAD_ID}/attachments`, () =>
        HttpResponse.json({ data: [file('file-9', 'contract.pdf')] })
      ),
      http.get(`${API}/crm/attachments/:id/file`, ({ params, request }) => {
        requested.push(`${params.id} ${request.headers.get('Authorization') ? 'with token' : 'anonymous'}`);
        return new HttpResponse(new Blob(['%PDF-1.4']), { headers: { 'Content-Type': 'application/pdf' } });
      })
    );
    const created: Blob[] = [];
    Object.assign(URL, {
      createObjectURL: (blob: Blob) => {
        created.push(blob);
        return 'blob:contract';
      },
      revokeObjectURL: () => undefined,
    });
    renderProfile({ tab: 'attachments' });

    expect(screen.queryByRole('link', { name: /contract\.pdf/ })).not.toBeInTheDocument();
    await userEvent.click(await screen.findByRole('button', { name: 'Download contract.pdf' }));

    await waitFor(() => expect(requested).toEqual(['file-9 with token']));
    await waitFor(() => expect(created).toHaveLength(1));
  });
});

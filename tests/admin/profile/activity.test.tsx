import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { server } from '../../helpers/msw';
import { API, LEAD_ID, MIA, NEW, QUALIFIED, renderProfile, SAM, serveProfile } from './fixtures';

const entry = (n: number, action: string, data: object, actor: object | null = SAM) => ({
  documentId: `act-${n}`,
  action,
  data,
  actor,
  createdAt: `2026-11-0${n}T10:00:00.000Z`,
});

describe('the activity log of the lead profile', () => {
  it('reads as who did what, from what to what, newest first, a page at a time', async () => {
    serveProfile();
    const pages: string[] = [];
    server.use(
      http.get(`${API}/crm/leads/${LEAD_ID}/activity`, ({ request }) => {
        const page = new URL(request.url).searchParams.get('page') ?? '1';
        pages.push(page);
        const data =
          page === '1'
            ? [
                entry(4, 'field_changed', { field: 'customFields.budget', from: 5000, to: null }),
                entry(3, 'assigned', { from: SAM, to: MIA }, MIA),
                entry(2, 'status_changed', { from: NEW, to: QUALIFIED }),
              ]
            : [entry(1, 'captured_from_web_form', {}, null)];
        return HttpResponse.json({
          data,
          meta: { pagination: { page: Number(page), pageSize: 20, pageCount: 2, total: 21 } },
        });
      })
    );
    renderProfile({ tab: 'activity' });

    const log = await screen.findByRole('list', { name: 'Activity' });
    const lines = within(log)
      .getAllByRole('listitem')
      .map((item) => item.firstChild?.textContent);
    expect(lines).toEqual([
      'Sam Seller changed Budget: 5000 → (empty)',
      'Mia Manager changed the assignee: Sam Seller → Mia Manager',
      'Sam Seller changed the status: New → Qualified',
    ]);

    await userEvent.click(screen.getByRole('button', { name: 'Next page' }));
    expect(await screen.findByText('The lead came in through the web form')).toBeInTheDocument();
    expect(pages).toEqual(['1', '2']);
  });
});

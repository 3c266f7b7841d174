import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { server } from '../../helpers/msw';
import { API, CUSTOMER, lead, LEAD_ID, renderProfile, SALES_STAFF, serveProfile } from './fixtures';

describe('the actions of the lead profile', () => {
  it('hides Delete and Anonymize from a Sales Staff member, and keeps Export', async () => {
    serveProfile();
    renderProfile({ tab: 'gdpr', permissions: SALES_STAFF });

    expect(await screen.findByRole('button', { name: 'Export as JSON' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Anonymize' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Delete' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Mark as lost' })).toBeInTheDocument();
  });

  it('offers Delete and Anonymize to a user holding them', async () => {
    serveProfile();
    renderProfile({ tab: 'gdpr' });

    expect(await screen.findByRole('button', { name: 'Anonymize' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Delete' })).toBeInTheDocument();
  });

  it('marks the lead as lost with {value:true}, then offers to undo it', async () => {
    serveProfile();
    const bodies: unknown[] = [];
    server.use(
      http.post(`${API}/crm/leads/${LEAD_ID}/lost`, async ({ request }) => {
        bodies.push(await request.json());
        return HttpResponse.json({ data: lead({ lost: true }) });
      })
    );
    renderProfile();

    await userEvent.click(await screen.findByRole('button', { name: 'Mark as lost' }));

    await waitFor(() => expect(bodies).toEqual([{ value: true }]));
    expect(await screen.findByRole('button', { name: 'Not lost' })).toBeInTheDocument();
    expect(screen.getByText('The lead is marked as lost.')).toBeInTheDocument();
  });

  it('goes back to the list it was opened from, its search, filters and view kept', async () => {
    serveProfile();
    renderProfile({ from: '?q=ad&view=board' });
    const back = await screen.findByRole('link', { name: 'Back to the leads' });
    expect(back).toHaveAttribute('href', '/plugins/crm?q=ad&view=board');
    await userEvent.click(back);
    expect(await screen.findByText('The leads list?q=ad&view=board')).toBeInTheDocument();
  });

  it('goes back to the default list when opened from elsewhere', async () => {
    serveProfile();
    renderProfile();
    expect(await screen.findByRole('link', { name: 'Back to the leads' })).toHaveAttribute(
      'href',
      '/plugins/crm'
    );
  });

  it('asks for confirmation before deleting, then goes back to the list', async () => {
    serveProfile();
    let deletes = 0;
    server.use(
      http.delete(`${API}/crm/leads/${LEAD_ID}`, () => {
        deletes += 1;
        return HttpResponse.json({ data: lead() });
      })
    );
    renderProfile();

    await userEvent.click(await screen.findByRole('button', { name: 'Delete' }));
    const dialog = await screen.findByRole('alertdialog');
    expect(within(dialog).getByText(/Ada Lovelace will be deleted/)).toBeInTheDocument();
    expect(deletes).toBe(0);

    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    expect(deletes).toBe(0);

    await userEvent.click(screen.getByRole('button', { name: 'Delete' }));
    await userEvent.click(
      within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Delete' })
    );

    expect(await screen.findByText('The leads list')).toBeInTheDocument();
    expect(deletes).toBe(1);
  });

  it('shows a converted lead with a link to its customer and without convert, lost or junk', async () => {
    serveProfile(
      lead({
        status: CUSTOMER,
        dateConverted: '2026-11-03T10:00:00.000Z',
        customer: {
          documentId: 'cust-1',
          firstName: 'Ada',
          lastName: 'Lovelace',
          email: null,
          company: null,
        },
      })
    );
    renderProfile();

    expect(await screen.findByRole('link', { name: 'Open the customer' })).toHaveAttribute(
      'href',
      '/content-manager/collection-types/plugin::crm.customer/cust-1'
    );
    expect(screen.queryByRole('button', { name: 'Convert to customer' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Mark as lost' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Mark as junk' })).not.toBeInTheDocument();
  });

  it('says so when the lead cannot be seen', async () => {
    serveProfile();
    server.use(
      http.get(`${API}/crm/leads/${LEAD_ID}`, () =>
        HttpResponse.json(
          {
            data: null,
            error: { status: 404, name: 'NotFoundError', message: 'Lead not found', details: {} },
          },
          { status: 404 }
        )
      )
    );
    renderProfile();

    expect(await screen.findByText('This lead does not exist, or you may not see it.')).toBeInTheDocument();
  });
});

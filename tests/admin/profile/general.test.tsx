import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { server } from '../../helpers/msw';
import {
  API,
  CUSTOMER,
  envelope,
  lead,
  LEAD_ID,
  MIA,
  renderProfile,
  SALES_STAFF,
  SAM,
  serveProfile,
} from './fixtures';

/** Records the bodies of `PUT /crm/leads/:id`; `answer` decides the response. */
const servePut = (answer: (body: Record<string, unknown>) => Response) => {
  const bodies: Record<string, unknown>[] = [];
  server.use(
    http.put(`${API}/crm/leads/${LEAD_ID}`, async ({ request }) => {
      const body = (await request.json()) as Record<string, unknown>;
      bodies.push(body);
      return answer(body);
    })
  );
  return bodies;
};

/** Replaces an input's text the way a paste does (typing each key re-renders the whole form). */
const fill = async (input: HTMLElement, text: string) => {
  await userEvent.clear(input);
  await userEvent.click(input);
  await userEvent.paste(text);
};

describe('the general tab of the lead profile', () => {
  it('shows the lead and saves only the changed fields with PUT', async () => {
    serveProfile();
    const bodies = servePut((body) =>
      HttpResponse.json({ data: lead({ company: body.company as string, assignedTo: MIA }) })
    );
    renderProfile();

    expect(await screen.findByRole('heading', { name: 'Ada Lovelace' })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: /^Status/ })).toHaveTextContent('New');
    expect(screen.getByLabelText(/^Name/)).toHaveValue('Ada Lovelace');
    expect(screen.getByLabelText('Email')).toHaveValue('ada@example.com');
    expect(screen.getByRole('button', { name: 'Save' })).toBeDisabled();

    await fill(screen.getByLabelText('Company'), 'Analytical Engines');
    await userEvent.click(screen.getByRole('combobox', { name: 'Assigned to' }));
    await userEvent.click(await screen.findByRole('option', { name: 'Mia Manager' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(bodies).toEqual([{ company: 'Analytical Engines', assignedTo: 4 }]));
    expect(await screen.findByText('The lead was saved.')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Save' })).toBeDisabled());
  });

  it('puts the messages of a 400 next to their fields', async () => {
    serveProfile();
    servePut(() =>
      HttpResponse.json(
        envelope(400, 'ValidationError', '2 errors occurred', {
          errors: [
            { path: ['email'], message: 'must be a valid email address' },
            { path: ['customFields', 'budget'], message: 'must be zero or more' },
          ],
        }),
        { status: 400 }
      )
    );
    renderProfile();

    await fill(await screen.findByLabelText('Email'), 'ada@');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('must be a valid email address')).toBeInTheDocument();
    expect(screen.getByLabelText('Email')).toHaveAccessibleDescription('must be a valid email address');
    expect(screen.getByLabelText('Budget')).toHaveAccessibleDescription('must be zero or more');
    expect(screen.getByText('Some fields need your attention.')).toBeInTheDocument();
  });

  it('keeps unsaved edits while another tab is open', async () => {
    serveProfile();
    server.use(
      http.get(`${API}/crm/leads/${LEAD_ID}/opportunities`, () =>
        HttpResponse.json({
          data: [],
          meta: { pagination: { page: 1, pageSize: 10, pageCount: 0, total: 0 } },
        })
      )
    );
    renderProfile();

    await fill(await screen.findByLabelText('City'), 'Paris');
    await userEvent.click(screen.getByRole('tab', { name: 'Opportunities' }));
    expect(await screen.findByText('No opportunity yet.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('tab', { name: 'General' }));

    expect(screen.getByLabelText('City')).toHaveValue('Paris');
    expect(screen.getByRole('button', { name: 'Save' })).toBeEnabled();
  });

  it('is read-only for a user who may not update leads', async () => {
    serveProfile();
    renderProfile({
      permissions: [{ action: 'plugin::content-manager.explorer.read', subject: 'plugin::crm.lead' }],
    });

    expect(await screen.findByLabelText(/^Name/)).toBeDisabled();
    expect(screen.queryByRole('button', { name: 'Save' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Mark as lost' })).not.toBeInTheDocument();
  });
});

describe('a converted lead under lockConvertedLeads', () => {
  const converted = () =>
    lead({
      status: CUSTOMER,
      dateConverted: '2026-11-03T10:00:00.000Z',
      customer: { documentId: 'cust-1', firstName: 'Ada', lastName: 'Lovelace', email: null, company: null },
    });
  const serveSettings = (editsConvertedLeads: boolean) =>
    server.use(
      http.get(`${API}/crm/staff`, () =>
        HttpResponse.json({
          data: [SAM, MIA],
          meta: {
            settings: {
              currency: 'USD',
              defaultStatus: 'New',
              defaultSource: 'Website',
              editsConvertedLeads,
            },
          },
        })
      )
    );

  it('is read-only, saying why, to who does not see every lead', async () => {
    serveProfile(converted());
    serveSettings(false);
    renderProfile({ permissions: SALES_STAFF });
    expect(
      await screen.findByText('This lead was converted: only users who see every lead may still edit it.')
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Save' })).not.toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /^Name/ })).toBeDisabled();
  });

  it('stays editable to who sees every lead', async () => {
    serveProfile(converted());
    serveSettings(true);
    renderProfile({ permissions: SALES_STAFF });
    expect(await screen.findByRole('button', { name: 'Save' })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /^Name/ })).toBeEnabled();
  });
});

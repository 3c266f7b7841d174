import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { LeadsPage } from '../../../admin/src/pages/LeadsPage';
import { server } from '../../helpers/msw';
import { render } from '../../helpers/render';
import { API, fill, serveLeads, summary } from './fixtures';

/** Records the bodies of `POST /crm/leads`; `answer` decides the response. */
const servePost = (answer: (body: Record<string, unknown>) => Response) => {
  const bodies: Record<string, unknown>[] = [];
  server.use(
    http.post(`${API}/crm/leads`, async ({ request }) => {
      const body = (await request.json()) as Record<string, unknown>;
      bodies.push(body);
      return answer(body);
    })
  );
  return bodies;
};

const openForm = async () => {
  await screen.findByRole('link', { name: 'Ada' });
  await userEvent.click(screen.getByRole('button', { name: 'New lead' }));
  const dialog = await screen.findByRole('dialog', { name: 'New lead' });
  // the defaults are preselected once the statuses and sources are read
  await waitFor(() =>
    expect(within(dialog).getByRole('combobox', { name: /^Status/ })).not.toHaveTextContent('Choose')
  );
  return dialog;
};

// a form of twenty fields, driven key by key on a loaded two-core machine
jest.setTimeout(120_000);

describe('the New lead form', () => {
  it("shows the seed's fields in the seed's order, Status and Source preselected from the config", async () => {
    serveLeads();
    render(<LeadsPage />);
    const dialog = await openForm();

    const labels = Array.from(dialog.querySelectorAll('label')).map((label) =>
      label.textContent?.replace('*', '').trim()
    );
    expect(labels).toEqual([
      'Status',
      'Source',
      'Assigned',
      'Tags',
      'Name',
      'Position',
      'Email address',
      'Website',
      'Phone',
      'Lead value (EUR)',
      'Company',
      'Address',
      'City',
      'State',
      'Country',
      'Zip code',
      'Description',
      'Public',
      'Contacted today',
      'Budget',
      'Industry',
    ]);
    // config: defaultStatus "Contacted", defaultSource "Referral"
    expect(within(dialog).getByRole('combobox', { name: /^Status/ })).toHaveTextContent('Contacted');
    expect(within(dialog).getByRole('combobox', { name: /^Source/ })).toHaveTextContent('Referral');
    expect(within(dialog).getByRole('combobox', { name: /^Status/ })).toHaveAttribute(
      'aria-required',
      'true'
    );
    expect(within(dialog).getByRole('combobox', { name: /^Source/ })).toHaveAttribute(
      'aria-required',
      'true'
    );
    // no one yet: said once (the empty choice), not twice (it and a placeholder)
    expect(within(dialog).getByRole('combobox', { name: /^Assigned/ }).textContent).toBe('Unassigned');
  });

  it('requires Status, Source, Name and required custom fields before sending anything', async () => {
    // configured defaults that match no status or source: nothing is preselected
    serveLeads({ settings: { currency: 'USD', defaultStatus: 'Gone', defaultSource: 'Gone' } });
    const bodies = servePost(() => HttpResponse.json({ data: null }, { status: 500 }));
    render(<LeadsPage />);
    await screen.findByRole('link', { name: 'Ada' });
    await userEvent.click(screen.getByRole('button', { name: 'New lead' }));
    const dialog = await screen.findByRole('dialog', { name: 'New lead' });
    // the first open status stands in for a configured one that is gone; the source stays empty
    await waitFor(() =>
      expect(within(dialog).getByRole('combobox', { name: /^Status/ })).toHaveTextContent('New')
    );
    expect(within(dialog).getByRole('combobox', { name: /^Source/ })).toHaveTextContent('Choose');

    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    expect(within(dialog).getByRole('combobox', { name: /^Source/ })).toHaveAccessibleDescription(
      'This field is required.'
    );
    expect(within(dialog).getByLabelText(/^Name/)).toHaveAccessibleDescription('This field is required.');
    expect(within(dialog).getByLabelText(/^Budget/)).toHaveAccessibleDescription('This field is required.');
    expect(within(dialog).getByRole('combobox', { name: /^Status/ })).not.toHaveAccessibleDescription(
      'This field is required.'
    );
    expect(bodies).toEqual([]);
  });

  it('sends typed custom-field values and Contacted today; the list reads again and the form closes', async () => {
    const { queries, leads } = serveLeads();
    const bodies = servePost((body) => {
      leads.unshift(summary(body.name as string));
      return HttpResponse.json(
        { data: { ...summary(body.name as string), customFields: {} } },
        { status: 201 }
      );
    });
    render(<LeadsPage />);
    const dialog = await openForm();

    await fill(userEvent, within(dialog).getByLabelText(/^Name/), 'Grace Hopper');
    await fill(userEvent, within(dialog).getByLabelText('Email address'), 'grace@example.com');
    await fill(userEvent, within(dialog).getByLabelText('Lead value (EUR)'), '2500');
    await fill(userEvent, within(dialog).getByLabelText(/^Budget/), '5000');
    await userEvent.click(within(dialog).getByRole('combobox', { name: 'Industry' }));
    await userEvent.click(await screen.findByRole('option', { name: 'Energy' }));
    await userEvent.click(within(dialog).getByRole('checkbox', { name: 'Contacted today' }));
    const before = queries.length;
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(bodies).toHaveLength(1));
    const { lastContactAt, ...body } = bodies[0];
    expect(body).toEqual({
      status: 'st-contacted',
      source: 'src-ref',
      name: 'Grace Hopper',
      email: 'grace@example.com',
      value: 2500,
      isPublic: false,
      contactedToday: true,
      customFields: { budget: 5000, industry: 'Energy' },
    });
    expect(Date.now() - new Date(lastContactAt as string).getTime()).toBeLessThan(60_000);
    expect(await screen.findByText('The lead Grace Hopper was created.')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'New lead' })).not.toBeInTheDocument());
    expect(await screen.findByRole('link', { name: 'Grace Hopper' })).toBeInTheDocument();
    expect(queries.length).toBeGreaterThan(before);
  });

  it("puts the server's 400 messages next to their fields and keeps the form open", async () => {
    serveLeads();
    servePost(() =>
      HttpResponse.json(
        {
          data: null,
          error: {
            status: 400,
            name: 'ValidationError',
            message: '2 errors occurred',
            details: {
              errors: [
                { path: ['email'], message: 'must be a valid email address' },
                { path: ['customFields', 'budget'], message: 'must be zero or more' },
              ],
            },
          },
        },
        { status: 400 }
      )
    );
    render(<LeadsPage />);
    const dialog = await openForm();

    await fill(userEvent, within(dialog).getByLabelText(/^Name/), 'Grace');
    await fill(userEvent, within(dialog).getByLabelText('Email address'), 'grace@');
    await fill(userEvent, within(dialog).getByLabelText(/^Budget/), '-1');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    expect(await within(dialog).findByText('must be a valid email address')).toBeInTheDocument();
    expect(within(dialog).getByLabelText('Email address')).toHaveAccessibleDescription(
      'must be a valid email address'
    );
    expect(within(dialog).getByLabelText(/^Budget/)).toHaveAccessibleDescription('must be zero or more');
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Some fields need your attention.');
  });
});

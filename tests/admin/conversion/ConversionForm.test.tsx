import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { delay, http, HttpResponse } from 'msw';
import { ConversionModal } from '../../../admin/src/components/conversion/ConversionModal';
import { server } from '../../helpers/msw';
import { render } from '../../helpers/render';
import { API, converted, envelope, LEAD_ID, prefill } from './fixtures';

const staffHandler = http.get(`${API}/crm/staff`, () =>
  HttpResponse.json({ data: [{ id: 7, firstname: 'Sam', lastname: 'Seller' }] })
);

/** Serves the prefill and records every conversion request; `answer` decides the response. */
const serve = (answer: () => Promise<Response> | Response, body = prefill()) => {
  const requests: unknown[] = [];
  server.use(
    staffHandler,
    http.get(`${API}/crm/leads/${LEAD_ID}/conversion`, () => HttpResponse.json(body)),
    http.post(`${API}/crm/leads/${LEAD_ID}/convert`, async ({ request }) => {
      requests.push(await request.json());
      return answer();
    })
  );
  return requests;
};

const renderDialog = () => {
  const onClose = jest.fn();
  const onConverted = jest.fn();
  render(<ConversionModal leadId={LEAD_ID} onClose={onClose} onConverted={onConverted} />);
  return { onClose, onConverted };
};

const submit = () => userEvent.click(screen.getByRole('button', { name: 'Convert to customer' }));

const choose = async (comboboxName: string, option: string) => {
  await userEvent.click(screen.getByRole('combobox', { name: comboboxName }));
  await userEvent.click(await screen.findByRole('option', { name: option }));
};

describe('the conversion dialog', () => {
  it('shows the prefill: customer fields, the custom fields with their values, the password policy', async () => {
    serve(() => HttpResponse.json(converted, { status: 201 }));
    renderDialog();

    expect(await screen.findByLabelText(/^First name/)).toHaveValue('Mary');
    expect(screen.getByLabelText('Last name')).toHaveValue('Ann de la Cruz');
    expect(screen.getByLabelText('Email')).toHaveValue('mary@cruz.example');
    expect(screen.getByLabelText('Phone')).toHaveValue('');
    const rows = screen.getAllByRole('row');
    expect(within(rows[1]).getByText('Budget')).toBeInTheDocument();
    expect(within(rows[1]).getByText('12000')).toBeInTheDocument();
    expect(within(rows[2]).getByText('+33 6 12 34 56 78')).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'How to merge Notes' })).toHaveAttribute(
      'aria-disabled',
      'true'
    );

    await userEvent.click(screen.getByRole('checkbox', { name: 'Create a portal login for this customer' }));
    expect(screen.getByText(/At least 12 characters/)).toBeInTheDocument();
  });

  it('sends the merge choices: one as custom field, one into a compatible customer field', async () => {
    const requests = serve(() => HttpResponse.json(converted, { status: 201 }));
    const { onConverted, onClose } = renderDialog();
    await screen.findByText('Mobile');

    await choose('How to merge Mobile', 'Into a customer field');
    // a phone number fits the phone and the description, never a name, the email or the website
    await userEvent.click(screen.getByRole('combobox', { name: 'Customer field for Mobile' }));
    const offered = (await screen.findAllByRole('option')).map((o) => o.textContent);
    expect(offered).toEqual(['Phone', 'Description']);
    await userEvent.click(screen.getByRole('option', { name: 'Phone' }));

    await userEvent.click(screen.getByRole('checkbox', { name: 'Create a portal login for this customer' }));
    await userEvent.type(screen.getByLabelText('Password'), 'a-long-secret-1');
    await userEvent.clear(screen.getByLabelText('City'));
    await submit();

    await waitFor(() => expect(onConverted).toHaveBeenCalled());
    expect(onClose).toHaveBeenCalled();
    expect(requests).toEqual([
      expect.objectContaining({
        customer: expect.objectContaining({ firstName: 'Mary', lastName: 'Ann de la Cruz', city: null }),
        customFields: [
          { slug: 'budget', merge: 'custom' },
          { slug: 'mobile', merge: 'database', target: 'phone' },
          { slug: 'notes', merge: 'skip' },
        ],
        login: { enabled: true, password: 'a-long-secret-1', sendWelcomeEmail: true },
        transferNotes: true,
      }),
    ]);
    expect(await screen.findByText('Mary Ann de la Cruz is now a customer.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Open the customer' })).toHaveAttribute(
      'href',
      '/content-manager/collection-types/plugin::crm.customer/customer-doc-1'
    );
  });

  it('says which value a merge into a customer field replaces', async () => {
    const { customer } = prefill().data;
    serve(
      () => HttpResponse.json(converted, { status: 201 }),
      prefill({ customer: { ...customer, phone: '+33 1 46 38 47' } })
    );
    renderDialog();
    await screen.findByText('Mobile');
    expect(screen.queryByText(/^Replaces/)).not.toBeInTheDocument();
    await choose('How to merge Mobile', 'Into a customer field');
    await choose('Customer field for Mobile', 'Phone');
    expect(screen.getByText('Replaces “+33 1 46 38 47” above')).toBeInTheDocument();
  });

  it('offers a number no name field: Budget goes into the description only', async () => {
    serve(() => HttpResponse.json(converted, { status: 201 }));
    renderDialog();
    await screen.findByText('Budget');
    await choose('How to merge Budget', 'Into a customer field');
    await userEvent.click(screen.getByRole('combobox', { name: 'Customer field for Budget' }));
    const offered = (await screen.findAllByRole('option')).map((o) => o.textContent);
    expect(offered).toEqual(['Description']);
  });

  it('puts each 400 message next to its field and stays open', async () => {
    serve(() =>
      HttpResponse.json(
        envelope(400, 'ValidationError', '3 errors occurred', {
          errors: [
            { path: ['customer', 'email'], message: 'must be a valid email' },
            { path: ['login', 'password'], message: 'must be at least 12 characters' },
            { path: ['customFields', '1', 'target'], message: 'does not fit the value' },
          ],
        }),
        { status: 400 }
      )
    );
    const { onClose } = renderDialog();
    await screen.findByText('Mobile');
    await choose('How to merge Mobile', 'Into a customer field');
    await userEvent.click(screen.getByRole('checkbox', { name: 'Create a portal login for this customer' }));
    await userEvent.type(screen.getByLabelText('Password'), 'short');
    await submit();

    expect(await screen.findByText('must be a valid email')).toBeInTheDocument();
    expect(screen.getByLabelText('Email')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription(/must be at least 12 characters/);
    expect(screen.getByText('does not fit the value')).toBeInTheDocument();
    expect(screen.getByText('Some fields need your attention.')).toBeInTheDocument();
    expect(onClose).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Convert to customer' })).toBeEnabled();
  });

  it('sends one request however often submit is pressed while it is in flight', async () => {
    let release: () => void = () => undefined;
    const requests = serve(async () => {
      await new Promise<void>((resolve) => (release = resolve));
      return HttpResponse.json(converted, { status: 201 });
    });
    const { onConverted } = renderDialog();
    await screen.findByText('Mobile');
    const button = screen.getByRole('button', { name: 'Convert to customer' });

    // three clicks before React re-renders the button as disabled
    act(() => {
      button.click();
      button.click();
      button.click();
    });
    await waitFor(() => expect(requests).toHaveLength(1));
    await waitFor(() => expect(screen.getByRole('button', { name: /Convert to customer/ })).toBeDisabled());
    await userEvent.click(screen.getByRole('button', { name: /Convert to customer/ }), {
      pointerEventsCheck: 0,
    });
    await delay(50);
    release();
    await waitFor(() => expect(onConverted).toHaveBeenCalledTimes(1));
    expect(requests).toHaveLength(1);
  });

  it('on a 409 for an existing customer says so and offers to merge into it', async () => {
    let calls = 0;
    const requests = serve(() =>
      ++calls === 1
        ? HttpResponse.json(
            envelope(409, 'ConflictError', 'A customer with the email mary@cruz.example already exists', {
              existingCustomer: {
                documentId: 'customer-old',
                firstName: 'Mary',
                lastName: 'Cruz',
                email: 'mary@cruz.example',
                company: null,
              },
            }),
            { status: 409 }
          )
        : HttpResponse.json(converted, { status: 201 })
    );
    const { onConverted } = renderDialog();
    await screen.findByText('Mobile');
    await submit();

    expect(
      await screen.findByText(
        'A customer already uses this email address: merge this lead into it below, or change the email.'
      )
    ).toBeInTheDocument();
    expect(screen.queryByText(/existingCustomerId/)).not.toBeInTheDocument();
    expect(
      screen.getByText('Mary Cruz (mary@cruz.example) already uses this email address.')
    ).toBeInTheDocument();
    expect(onConverted).not.toHaveBeenCalled();

    await userEvent.click(
      screen.getByRole('checkbox', { name: 'Merge this lead into the existing customer' })
    );
    await submit();
    await waitFor(() => expect(onConverted).toHaveBeenCalled());
    expect(requests[0]).not.toHaveProperty('existingCustomerId');
    expect(requests[1]).toMatchObject({ existingCustomerId: 'customer-old' });
  });

  it('warns up front when the prefill finds a customer with the same email', async () => {
    serve(
      () => HttpResponse.json(converted, { status: 201 }),
      prefill({
        existingCustomer: {
          documentId: 'customer-old',
          firstName: 'Mary',
          lastName: null,
          email: 'mary@cruz.example',
          company: 'Cruz',
        },
      })
    );
    renderDialog();
    expect(await screen.findByText('A customer with this email exists')).toBeInTheDocument();
    expect(
      screen.getByText('Mary (mary@cruz.example, Cruz) already uses this email address.')
    ).toBeInTheDocument();
  });

  it('explains when the lead cannot be converted any more', async () => {
    server.use(
      staffHandler,
      http.get(`${API}/crm/leads/${LEAD_ID}/conversion`, () =>
        HttpResponse.json(envelope(409, 'ConflictError', 'This lead is already converted'), { status: 409 })
      )
    );
    renderDialog();
    expect(await screen.findByText('This lead is already converted')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Convert to customer' })).not.toBeInTheDocument();
  });

  it('sends the follow-up task with its assignee', async () => {
    const requests = serve(() => HttpResponse.json(converted, { status: 201 }));
    renderDialog();
    await screen.findByText('Mobile');
    await userEvent.click(screen.getByRole('checkbox', { name: "Copy the lead's notes to the customer" }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'Add a follow-up task' }));
    await userEvent.type(screen.getByLabelText(/^Task/), 'Kick-off call');
    await userEvent.type(screen.getByLabelText('Due date'), '2026-12-01');
    await choose('Assigned to', 'Sam Seller');
    await submit();
    await waitFor(() => expect(requests).toHaveLength(1));
    expect(requests[0]).toMatchObject({
      transferNotes: false,
      followUpTask: { title: 'Kick-off call', dueDate: '2026-12-01', assignedTo: 7 },
      login: { enabled: false, sendWelcomeEmail: false },
    });
  });
});

import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { LeadsPage } from '../../../admin/src/pages/LeadsPage';
import { server } from '../../helpers/msw';
import { render } from '../../helpers/render';

const API = 'http://localhost:1337';
const NEW = { documentId: 'st-new', name: 'New', color: '#4945ff', order: 1, isCustomerStatus: false };
const WON = { documentId: 'st-won', name: 'Qualified', color: '#f29d41', order: 3, isCustomerStatus: false };

const lead = (name: string, status = NEW, extra: object = {}) => ({
  documentId: `doc-${name}`,
  name,
  company: `${name} Ltd`,
  email: `${name.toLowerCase()}@example.com`,
  phone: null,
  value: 1200,
  isPublic: true,
  lost: false,
  junk: false,
  dateConverted: null,
  createdAt: '2026-11-01T10:00:00.000Z',
  status,
  source: { documentId: 'src-web', name: 'Website' },
  assignedTo: { id: 3, firstname: 'Sam', lastname: 'Seller' },
  tags: [],
  ...extra,
});

/** Content Manager list routes hold `::`, which msw's path syntax would read as a parameter. */
const cm = (type: string) => new RegExp(`/content-manager/collection-types/plugin::crm\\.${type}(\\?|$)`);
const cmList = (results: object[]) => HttpResponse.json({ results, pagination: { page: 1, pageSize: 100 } });

/** The reference data and the list; returns the query string of every list request. */
const serve = () => {
  const listQueries: URLSearchParams[] = [];
  server.use(
    http.get(cm('lead-status'), () => cmList([NEW, WON])),
    http.get(cm('lead-source'), () => cmList([{ documentId: 'src-web', name: 'Website' }])),
    http.get(cm('tag'), () => cmList([])),
    http.get(cm('custom-field'), () => cmList([])),
    http.get(`${API}/crm/staff`, () =>
      HttpResponse.json({ data: [{ id: 3, firstname: 'Sam', lastname: 'Seller' }] })
    ),
    http.get(`${API}/crm/leads`, ({ request }) => {
      const params = new URL(request.url).searchParams;
      listQueries.push(params);
      const converted = params.get('includeConverted') === 'true';
      const data = [
        lead('Ada'),
        ...(converted ? [lead('Conrad', WON, { dateConverted: '2026-11-02' })] : []),
      ];
      return HttpResponse.json({
        data,
        meta: { pagination: { page: Number(params.get('page')), pageSize: 25, pageCount: 3, total: 60 } },
      });
    })
  );
  return listQueries;
};

// the design system's selects are slow to drive on a loaded two-core machine
jest.setTimeout(120_000);

describe('the Leads page', () => {
  it('lists the default leads with their status, assignee and contact links', async () => {
    const queries = serve();
    render(<LeadsPage />);

    const row = (await screen.findByRole('link', { name: 'Ada' })).closest('tr')!;
    expect(within(row).getByText('New')).toBeInTheDocument();
    expect(within(row).getByText('Sam Seller')).toBeInTheDocument();
    expect(within(row).getByRole('link', { name: 'ada@example.com' })).toHaveAttribute(
      'href',
      'mailto:ada@example.com'
    );
    expect(screen.getByText('60 leads')).toBeInTheDocument();
    expect(screen.getByText('Page 1 of 3')).toBeInTheDocument();
    expect(queries[0].toString()).toBe('page=1&pageSize=25&sort=createdAt%3Adesc');
  });

  it('shows converted leads only once the toggle asks for them', async () => {
    const queries = serve();
    render(<LeadsPage />);
    await screen.findByRole('link', { name: 'Ada' });
    expect(screen.queryByRole('link', { name: 'Conrad' })).not.toBeInTheDocument();

    await userEvent.click(screen.getByRole('checkbox', { name: 'Show converted leads' }));
    expect(await screen.findByRole('link', { name: 'Conrad' })).toBeInTheDocument();
    expect(queries.at(-1)?.get('includeConverted')).toBe('true');
  });

  it('searches, sorts, filters by assignee and pages through the API', async () => {
    const queries = serve();
    render(<LeadsPage />);
    await screen.findByRole('link', { name: 'Ada' });

    await userEvent.type(screen.getByRole('searchbox', { name: 'Search leads' }), 'ada{Enter}');
    await waitFor(() => expect(queries.at(-1)?.get('q')).toBe('ada'));

    await userEvent.click(screen.getByRole('button', { name: /^Name/ }));
    await waitFor(() => expect(queries.at(-1)?.get('sort')).toBe('name:asc'));
    await userEvent.click(screen.getByRole('button', { name: /^Name/ }));
    await waitFor(() => expect(queries.at(-1)?.get('sort')).toBe('name:desc'));

    await userEvent.click(screen.getByRole('combobox', { name: 'Assigned to' }));
    await userEvent.click(await screen.findByRole('option', { name: 'Me' }));
    await waitFor(() => expect(queries.at(-1)?.get('assignedTo')).toBe('me'));

    await userEvent.click(screen.getByRole('button', { name: 'Next page' }));
    await waitFor(() => expect(queries.at(-1)?.get('page')).toBe('2'));
    expect(queries.at(-1)?.get('q')).toBe('ada');
  });

  it('offers the New lead form only to those who may create leads', async () => {
    serve();
    const { unmount } = render(<LeadsPage />);
    await screen.findByRole('link', { name: 'Ada' });
    await userEvent.click(screen.getByRole('button', { name: 'New lead' }));
    expect(await screen.findByRole('dialog', { name: 'New lead' })).toBeInTheDocument();
    unmount();

    render(<LeadsPage />, {
      permissions: [{ action: 'plugin::content-manager.explorer.read', subject: 'plugin::crm.lead' }],
    });
    await screen.findByRole('link', { name: 'Ada' });
    expect(screen.queryByRole('button', { name: 'New lead' })).not.toBeInTheDocument();
  });
});

describe('the kanban board', () => {
  const board = () => [
    { status: NEW, total: 1, leads: [lead('Ada')] },
    { status: WON, total: 0, leads: [] },
  ];

  /** Drags a card onto a column the way the browser does, carrying the lead id in the transfer. */
  const drag = (card: HTMLElement, column: HTMLElement) => {
    const store = new Map<string, string>();
    const dataTransfer = {
      setData: (type: string, value: string) => store.set(type, value),
      getData: (type: string) => store.get(type) ?? '',
      get types() {
        return [...store.keys()];
      },
      effectAllowed: 'all',
    };
    fireEvent.dragStart(card, { dataTransfer });
    fireEvent.dragOver(column, { dataTransfer });
    fireEvent.drop(column, { dataTransfer });
  };

  it('moves a dropped card and saves the new status', async () => {
    serve();
    const puts: unknown[] = [];
    server.use(
      http.get(`${API}/crm/leads/board`, () => HttpResponse.json({ data: board() })),
      http.put(`${API}/crm/leads/doc-Ada`, async ({ request }) => {
        puts.push(await request.json());
        return HttpResponse.json({ data: lead('Ada', WON) });
      })
    );
    render(<LeadsPage />, { initialEntries: ['/?view=board'] });
    const card = (await screen.findByText('Ada')).closest('li')!;
    const qualified = screen.getByRole('group', { name: 'Qualified' });

    drag(card, qualified);

    expect(within(qualified).getByText('Ada')).toBeInTheDocument();
    expect(within(qualified).getByText('1 lead')).toBeInTheDocument();
    await waitFor(() => expect(puts).toEqual([{ status: 'st-won' }]));
  });

  it('puts the card back and says why when the server refuses', async () => {
    serve();
    server.use(
      http.get(`${API}/crm/leads/board`, () => HttpResponse.json({ data: board() })),
      http.put(`${API}/crm/leads/doc-Ada`, () =>
        HttpResponse.json(
          {
            data: null,
            error: { status: 409, name: 'ConflictError', message: 'Only a conversion makes a customer' },
          },
          { status: 409 }
        )
      )
    );
    render(<LeadsPage />, { initialEntries: ['/?view=board'] });
    const card = (await screen.findByText('Ada')).closest('li')!;
    drag(card, screen.getByRole('group', { name: 'Qualified' }));

    expect(
      await screen.findByText(/Ada could not be moved: Only a conversion makes a customer/)
    ).toBeInTheDocument();
    expect(within(screen.getByRole('group', { name: 'New' })).getByText('Ada')).toBeInTheDocument();
    expect(
      within(screen.getByRole('group', { name: 'Qualified' })).queryByText('Ada')
    ).not.toBeInTheDocument();
  });

  it('says why when the server refuses the board (a role that may not read statuses)', async () => {
    serve();
    const message = 'Your role may not read the status of leads, which the board is built on';
    server.use(
      http.get(`${API}/crm/leads/board`, () =>
        HttpResponse.json(
          { data: null, error: { status: 403, name: 'ForbiddenError', message, details: {} } },
          { status: 403 }
        )
      )
    );
    render(<LeadsPage />, { initialEntries: ['/?view=board'] });

    expect(await screen.findByText(message)).toBeInTheDocument();
    expect(screen.queryByRole('group', { name: 'New' })).not.toBeInTheDocument();
  });

  it('opens the conversion dialog instead of saving a drop on the customer column', async () => {
    serve();
    const CUSTOMER = {
      documentId: 'st-customer',
      name: 'Customer',
      color: '#328048',
      order: 5,
      isCustomerStatus: true,
    };
    const puts: unknown[] = [];
    server.use(
      http.get(`${API}/crm/leads/board`, () =>
        HttpResponse.json({ data: [...board(), { status: CUSTOMER, total: 0, leads: [] }] })
      ),
      http.get(`${API}/crm/leads/doc-Ada/conversion`, () =>
        HttpResponse.json({
          data: { customer: { firstName: 'Ada' }, customFields: [], targets: [], existingCustomer: null },
        })
      ),
      http.put(`${API}/crm/leads/doc-Ada`, () => {
        puts.push('put');
        return HttpResponse.json({ data: lead('Ada') });
      })
    );
    render(<LeadsPage />, { initialEntries: ['/?view=board&includeConverted=true'] });
    const card = (await screen.findByText('Ada')).closest('li')!;
    drag(card, screen.getByRole('group', { name: 'Customer' }));

    const dialog = await screen.findByRole('dialog', { name: 'Convert to customer' });
    expect(await within(dialog).findByLabelText(/^First name/)).toHaveValue('Ada');
    // the card stays where it was (behind the modal, hidden from the accessibility tree)
    expect(
      within(screen.getByRole('group', { name: 'New', hidden: true })).getByText('Ada')
    ).toBeInTheDocument();
    expect(puts).toEqual([]);
  });

  it('hides dragging and the move menu from those who may not update leads', async () => {
    serve();
    server.use(http.get(`${API}/crm/leads/board`, () => HttpResponse.json({ data: board() })));
    render(<LeadsPage />, {
      initialEntries: ['/?view=board'],
      permissions: [{ action: 'plugin::content-manager.explorer.read', subject: 'plugin::crm.lead' }],
    });
    const card = (await screen.findByText('Ada')).closest('li')!;
    expect(card).toHaveAttribute('draggable', 'false');
    expect(screen.queryByRole('button', { name: 'Move Ada to' })).not.toBeInTheDocument();
  });
});

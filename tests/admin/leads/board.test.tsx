import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { moveOnBoard } from '../../../admin/src/components/leads/moveOnBoard';
import { LeadsPage } from '../../../admin/src/pages/LeadsPage';
import type { BoardColumn } from '../../../server/src/contracts';
import { server } from '../../helpers/msw';
import { render } from '../../helpers/render';
import { API, card, CONTACTED, CUSTOMER, NEW, serveLeads } from './fixtures';

jest.setTimeout(120_000);

const DAY = 24 * 60 * 60 * 1000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY - 60_000).toISOString();

const board = (): BoardColumn[] => [
  {
    status: NEW,
    total: 12_000,
    totalCapped: true,
    value: 4500,
    leads: [
      card('Ada', {
        value: 1500,
        createdAt: daysAgo(3),
        lastContactAt: '2026-11-20T09:00:00.000Z',
        nextTask: { documentId: 't1', title: 'Call back', dueDate: '2999-01-15' },
      }),
      card('Bob', { value: 3000, assignedTo: null, createdAt: daysAgo(0.1) }),
    ],
  },
  { status: CONTACTED, total: 1, value: 250, leads: [card('Cy', { value: 250 })] },
  { status: CUSTOMER, total: 7, value: 99_000, leads: [card('Cora', { value: 99_000 })] },
];

/** Serves the board; returns the query of each board request. */
const serveBoard = (columns = board()) => {
  const queries: URLSearchParams[] = [];
  server.use(
    http.get(`${API}/crm/leads/board`, ({ request }) => {
      queries.push(new URL(request.url).searchParams);
      return HttpResponse.json({ data: columns });
    })
  );
  return queries;
};

const drag = (item: HTMLElement, column: HTMLElement) => {
  const store = new Map<string, string>();
  const dataTransfer = {
    setData: (type: string, value: string) => store.set(type, value),
    getData: (type: string) => store.get(type) ?? '',
    get types() {
      return [...store.keys()];
    },
    effectAllowed: 'all',
  };
  fireEvent.dragStart(item, { dataTransfer });
  fireEvent.dragOver(column, { dataTransfer });
  fireEvent.drop(column, { dataTransfer });
};

describe('the board columns and cards', () => {
  it('shows per column the count and the summed value in the configured currency ("+" on both when capped)', async () => {
    serveLeads();
    serveBoard();
    render(<LeadsPage />, { initialEntries: ['/?view=board&includeConverted=true'] });

    const fresh = await screen.findByRole('group', { name: 'New' });
    await within(fresh).findByText('Ada');
    expect(within(fresh).getByText('12,000+ leads')).toBeInTheDocument();
    expect(within(fresh).getByText('€4,500+')).toBeInTheDocument();
    const contacted = screen.getByRole('group', { name: 'Contacted' });
    expect(within(contacted).getByText('1 lead')).toBeInTheDocument();
    expect(within(contacted).getByText('€250')).toBeInTheDocument();
  });

  it('shows on a card its age, last contact and next task', async () => {
    serveLeads();
    serveBoard();
    render(<LeadsPage />, { initialEntries: ['/?view=board'] });

    const ada = (await screen.findByText('Ada')).closest('li')!;
    expect(within(ada).getByText(/Age 3 d/)).toBeInTheDocument();
    expect(within(ada).getByText(/Last contact Nov 20, 2026/)).toBeInTheDocument();
    expect(within(ada).getByText('Next: Call back (Jan 15, 2999)')).toBeInTheDocument();
    const bob = screen.getByText('Bob').closest('li')!;
    expect(within(bob).getByText(/Age 2 h/)).toBeInTheDocument();
    expect(within(bob).getByText(/Not contacted yet/)).toBeInTheDocument();
    expect(within(bob).getByText('Unassigned')).toBeInTheDocument();
    expect(within(bob).getByText('No open task')).toBeInTheDocument();
  });

  it('renders a board from a server that sends no value, cap or next task', async () => {
    serveLeads();
    const bare = board().map(({ status, total, leads }) => ({
      status,
      total,
      leads: leads.map(({ nextTask: _, ...lead }) => lead),
    }));
    serveBoard(bare as unknown as BoardColumn[]);
    render(<LeadsPage />, { initialEntries: ['/?view=board'] });

    const fresh = await screen.findByRole('group', { name: 'New' });
    expect(within(fresh).getByText('12,000 leads')).toBeInTheDocument();
    expect(fresh.querySelector('[data-column-value]')).toBeNull();
    expect(fresh.querySelector('[data-next-task]')).toBeNull();
    expect(within(fresh).queryByText('No open task')).not.toBeInTheDocument();
  });

  it('moves the value with the card and confirms the move', async () => {
    serveLeads();
    serveBoard();
    server.use(
      http.put(`${API}/crm/leads/doc-Ada`, () =>
        HttpResponse.json({ data: { ...card('Ada'), status: CONTACTED, customFields: {} } })
      )
    );
    render(<LeadsPage />, { initialEntries: ['/?view=board'] });
    const ada = (await screen.findByText('Ada')).closest('li')!;
    const contacted = screen.getByRole('group', { name: 'Contacted' });

    drag(ada, contacted);

    expect(within(contacted).getByText('€1,750')).toBeInTheDocument();
    expect(within(screen.getByRole('group', { name: 'New' })).getByText('€3,000+')).toBeInTheDocument();
    expect(await screen.findByText('Ada moved to Contacted.')).toBeInTheDocument();
  });

  it('keeps the customer column on the board, folded with its count, until opened', async () => {
    serveLeads();
    const queries = serveBoard();
    render(<LeadsPage />, { initialEntries: ['/?view=board'] });

    const customers = await screen.findByRole('group', { name: 'Customer' });
    // converted leads are asked for so that the column has its count, whatever the toggle says
    expect(queries[0].get('includeConverted')).toBe('true');
    expect(within(customers).getByText('7 leads')).toBeInTheDocument();
    expect(within(customers).getByText('€99,000')).toBeInTheDocument();
    expect(within(customers).queryByText('Cora')).not.toBeInTheDocument();

    await userEvent.click(within(customers).getByRole('button', { name: 'Show the cards' }));
    expect(within(customers).getByText('Cora')).toBeInTheDocument();
    // a converted lead is moved by nothing (SPEC §2): no drag, no "Move to" menu, unlike the others
    const cora = within(customers).getByText('Cora').closest('li')!;
    expect(cora).toHaveAttribute('draggable', 'false');
    expect(within(cora).queryByRole('button', { name: /^Move Cora to/ })).not.toBeInTheDocument();
    const cy = screen.getByText('Cy').closest('li')!;
    expect(cy).toHaveAttribute('draggable', 'true');
    expect(within(cy).getByRole('button', { name: /^Move Cy to/ })).toBeInTheDocument();
  });

  it('opens the conversion when a card is dropped on the folded customer column', async () => {
    serveLeads();
    serveBoard();
    server.use(
      http.get(`${API}/crm/leads/doc-Ada/conversion`, () =>
        HttpResponse.json({
          data: { customer: { firstName: 'Ada' }, customFields: [], targets: [], existingCustomer: null },
        })
      )
    );
    render(<LeadsPage />, { initialEntries: ['/?view=board'] });
    const ada = (await screen.findByText('Ada')).closest('li')!;

    drag(ada, screen.getByRole('group', { name: 'Customer' }));

    expect(await screen.findByRole('dialog', { name: 'Convert to customer' })).toBeInTheDocument();
  });
});

describe('moveOnBoard', () => {
  it('moves the lead value between the columns and leaves a column without value as it is', () => {
    const [fresh, contacted] = board();
    const moved = moveOnBoard(
      [fresh, { ...contacted, value: undefined as unknown as number }],
      'doc-Ada',
      CONTACTED.documentId
    );
    expect(moved[0]).toMatchObject({ total: 11_999, value: 3000 });
    expect(moved[1].total).toBe(2);
    expect(moved[1].value).toBeUndefined();
    const [a, b] = board();
    const back = moveOnBoard([a, b], 'doc-Cy', NEW.documentId);
    expect(back.map((c) => c.value)).toEqual([4750, 0]);
  });
});

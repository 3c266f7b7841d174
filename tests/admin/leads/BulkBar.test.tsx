import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { BulkBar } from '../../../admin/src/components/leads/BulkBar';
import { server } from '../../helpers/msw';
import { render } from '../../helpers/render';

const API = 'http://localhost:1337';
const LEAD = 'plugin::crm.lead';
const cm = (type: string) => new RegExp(`/content-manager/collection-types/plugin::crm\\.${type}(\\?|$)`);
const cmList = (results: object[]) => HttpResponse.json({ results, pagination: { page: 1, pageSize: 100 } });

/** Reference data, and the bulk route answering `answer`; returns the bodies it received. */
const serve = (answer: (body: { action: string; ids: string[] }) => object) => {
  const bodies: { action: string; ids: string[]; value?: unknown }[] = [];
  server.use(
    http.get(cm('lead-status'), () =>
      cmList([
        { documentId: 'st-new', name: 'New', isCustomerStatus: false },
        { documentId: 'st-won', name: 'Customer', isCustomerStatus: true },
      ])
    ),
    http.get(cm('tag'), () => cmList([{ documentId: 'tag-vip', name: 'vip' }])),
    http.get(`${API}/crm/staff`, () =>
      HttpResponse.json({ data: [{ id: 3, firstname: 'Sam', lastname: 'Seller' }] })
    ),
    http.post(`${API}/crm/leads/bulk`, async ({ request }) => {
      const body = (await request.json()) as { action: string; ids: string[] };
      bodies.push(body);
      return HttpResponse.json({ data: answer(body) });
    })
  );
  return bodies;
};

/** Lets the permission checks answer before asserting that something is absent. */
const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 200)));

const choose = async (menu: string, item: string) => {
  await userEvent.click(await screen.findByRole('button', { name: menu }));
  await userEvent.click(await screen.findByRole('menuitem', { name: item }));
};

describe('the bulk bar', () => {
  it('assigns the selection and lists what was refused', async () => {
    const bodies = serve(({ ids }) => ({
      done: ids.slice(0, 2),
      refused: [{ id: ids[2], status: 404, message: 'Lead not found' }],
    }));
    const onClear = jest.fn();
    render(<BulkBar selected={['a', 'b', 'c']} onClear={onClear} />);
    expect(await screen.findByText('3 leads selected')).toBeInTheDocument();

    await choose('Assign to', 'Sam Seller');

    await waitFor(() => expect(bodies).toEqual([{ action: 'assign', ids: ['a', 'b', 'c'], value: 3 }]));
    expect((await screen.findAllByText('2 updated, 1 refused')).length).toBeGreaterThan(0);
    const refused = screen.getByRole('list', { name: 'Refused leads' });
    expect(within(refused).getByText('c: Lead not found')).toBeInTheDocument();
    expect(onClear).toHaveBeenCalled();
  });

  it('unassigns, changes status (never to the customer status), tags and flags', async () => {
    const bodies = serve(({ ids }) => ({ done: ids, refused: [] }));
    render(<BulkBar selected={['a']} onClear={() => undefined} />);

    await choose('Assign to', 'Unassigned');
    await userEvent.click(await screen.findByRole('button', { name: 'Change status' }));
    expect(await screen.findByRole('menuitem', { name: 'New' })).toBeInTheDocument();
    expect(screen.queryByRole('menuitem', { name: 'Customer' })).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('menuitem', { name: 'New' }));
    await choose('Public / private', 'Make private');
    await choose('Lost / junk', 'Mark as junk');
    await choose('Add a tag', 'vip');
    await choose('Remove a tag', 'vip');

    await waitFor(() => expect(bodies).toHaveLength(6));
    expect(bodies.map(({ action, value }) => [action, value])).toEqual([
      ['assign', null],
      ['status', 'st-new'],
      ['public', false],
      ['junk', true],
      ['tags.add', ['tag-vip']],
      ['tags.remove', ['tag-vip']],
    ]);
    expect((await screen.findAllByText('1 updated, 0 refused')).length).toBeGreaterThan(0);
  });

  it('deletes only after a confirmation', async () => {
    const bodies = serve(({ ids }) => ({ done: ids, refused: [] }));
    render(<BulkBar selected={['a', 'b']} onClear={() => undefined} />);

    await userEvent.click(await screen.findByRole('button', { name: 'Delete' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Delete 2 leads?' });
    expect(bodies).toEqual([]);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Delete' }));

    await waitFor(() => expect(bodies).toEqual([{ action: 'delete', ids: ['a', 'b'] }]));
    expect((await screen.findAllByText('2 deleted, 0 refused')).length).toBeGreaterThan(0);
  });

  it('shows a failed request as an error', async () => {
    serve(() => ({}));
    server.use(
      http.post(`${API}/crm/leads/bulk`, () =>
        HttpResponse.json(
          {
            data: null,
            error: {
              status: 403,
              name: 'ForbiddenError',
              message: 'Your role may not delete leads',
              details: {},
            },
          },
          { status: 403 }
        )
      )
    );
    render(<BulkBar selected={['a']} onClear={() => undefined} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Delete' }));
    await userEvent.click(
      within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Delete' })
    );
    expect(await screen.findByText('Your role may not delete leads')).toBeInTheDocument();
  });

  it('offers only the actions the user may use', async () => {
    serve(({ ids }) => ({ done: ids, refused: [] }));
    const { unmount } = render(<BulkBar selected={['a']} onClear={() => undefined} />, {
      permissions: [
        { action: 'plugin::content-manager.explorer.read', subject: LEAD },
        { action: 'plugin::content-manager.explorer.delete', subject: LEAD },
      ],
    });
    expect(await screen.findByRole('button', { name: 'Delete' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Assign to' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Change status' })).not.toBeInTheDocument();
    unmount();

    render(<BulkBar selected={['a']} onClear={() => undefined} />, {
      permissions: [{ action: 'plugin::content-manager.explorer.read', subject: LEAD }],
    });
    await settle();
    expect(screen.queryByText('1 lead selected')).not.toBeInTheDocument();
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });

  it('shows nothing without a selection', async () => {
    serve(() => ({}));
    render(<BulkBar selected={[]} onClear={() => undefined} />);
    await settle();
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });
});

import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { MyWorkPage } from '../../../admin/src/pages/MyWorkPage';
import { server } from '../../helpers/msw';
import { render } from '../../helpers/render';
import { WORK } from './fixtures';

const API = 'http://localhost:1337';

it('lists the overdue task first, marked, links each item to its lead or customer, and completes a task', async () => {
  let work = WORK;
  const completed: unknown[] = [];
  server.use(
    http.get(`${API}/crm/my-work`, () =>
      HttpResponse.json({
        data: work,
        meta: { overdue: work.filter((i) => i.overdue).length, total: work.length },
      })
    ),
    http.put(`${API}/crm/tasks/:id`, async ({ params, request }) => {
      completed.push({ id: params.id, body: await request.json() });
      work = work.filter((i) => i.documentId !== params.id);
      return HttpResponse.json({ data: {} });
    })
  );
  render(<MyWorkPage />);

  const rows = (await screen.findAllByRole('row')).slice(1);
  expect(rows).toHaveLength(3);
  expect(rows[0]).toHaveTextContent('Call back');
  expect(within(rows[0]).getByText('Overdue')).toBeInTheDocument();
  expect(within(rows[1]).queryByText('Overdue')).not.toBeInTheDocument();
  expect(within(rows[0]).getByRole('link', { name: 'Mine Mona' })).toHaveAttribute(
    'href',
    '/plugins/crm/leads/lead-mona'
  );
  expect(within(rows[2]).getByRole('link', { name: 'Carl Client' })).toHaveAttribute(
    'href',
    '/content-manager/collection-types/plugin::crm.customer/cust-carl'
  );
  // reminders cannot be completed here
  expect(within(rows[1]).queryByRole('button')).not.toBeInTheDocument();
  expect(screen.getByText('3 open items, 1 overdue')).toBeInTheDocument();

  await userEvent.click(within(rows[0]).getByRole('button', { name: 'Complete "Call back"' }));
  await waitFor(() => expect(completed).toEqual([{ id: 'task-late', body: { status: 'done' } }]));
  await waitFor(() => expect(screen.queryByText('Call back')).not.toBeInTheDocument());
});

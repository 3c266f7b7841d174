import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { ImportModal } from '../../../admin/src/components/import/ImportModal';
import { server } from '../../helpers/msw';
import { render } from '../../helpers/render';

const API = 'http://localhost:1337';
const cm = (type: string) => new RegExp(`/content-manager/collection-types/plugin::crm\\.${type}(\\?|$)`);
const cmList = (results: object[]) => HttpResponse.json({ results, pagination: { page: 1, pageSize: 100 } });

const preview = {
  headers: ['Name', 'Email', 'Notes'],
  mapping: { Name: 'name', Email: 'email' },
  unmapped: ['Notes'],
  total: 3,
  rows: [
    { row: 2, values: { Name: 'Ann', Email: 'ann@example.com', Notes: '' }, errors: [] },
    {
      row: 3,
      values: { Name: 'Bob', Email: 'bad', Notes: '' },
      errors: [{ row: 3, path: 'email', message: 'must be a valid email address' }],
    },
  ],
};

const progress = (processed: number, state: string) => ({
  data: {
    id: 'job-1',
    state,
    total: 3,
    processed,
    created: processed === 3 ? 2 : 0,
    updated: 0,
    skipped: 0,
    refused: processed === 3 ? 1 : 0,
    errors: processed === 3 ? preview.rows[1].errors : [],
    failure: null,
    fileName: 'leads.csv',
    createdAt: '2026-11-30T10:00:00.000Z',
    finishedAt: null,
  },
});

it('auto-matches the columns, previews the rows with their errors, then follows the job to 100 %', async () => {
  const sent: { dryRun: boolean; mapping: unknown }[] = [];
  let polls = 0;
  server.use(
    http.get(cm('lead-status'), () =>
      cmList([{ documentId: 'st-new', name: 'New', order: 1, isCustomerStatus: false }])
    ),
    http.get(cm('lead-source'), () => cmList([{ documentId: 'src-web', name: 'Website' }])),
    http.get(cm('tag'), () => cmList([])),
    http.get(cm('custom-field'), () => cmList([])),
    http.get(`${API}/crm/staff`, () => HttpResponse.json({ data: [] })),
    http.post(`${API}/crm/leads/import`, async ({ request }) => {
      const options = JSON.parse(String((await request.formData()).get('options')));
      sent.push({ dryRun: !!options.dryRun, mapping: options.mapping });
      return options.dryRun
        ? HttpResponse.json({ data: preview })
        : HttpResponse.json({ data: { id: 'job-1' } }, { status: 202 });
    }),
    http.get(`${API}/crm/imports/job-1`, () => {
      polls += 1;
      return HttpResponse.json(polls < 2 ? progress(1, 'running') : progress(3, 'done'));
    })
  );
  render(<ImportModal onClose={jest.fn()} />);

  const file = new File(['Name,Email,Notes\nAnn,ann@example.com,\nBob,bad,\n'], 'leads.csv', {
    type: 'text/csv',
  });
  await userEvent.upload(screen.getByLabelText(/CSV file/), file);

  expect(await screen.findByText('Row 3: email must be a valid email address')).toBeInTheDocument();
  expect(screen.getByText('Row 2: ready')).toBeInTheDocument();
  expect(screen.getByRole('combobox', { name: 'Name' })).toHaveTextContent('Name');
  expect(screen.getByRole('combobox', { name: 'Email' })).toHaveTextContent('Email');
  expect(screen.getByRole('combobox', { name: 'Notes' })).toHaveTextContent('Do not import');

  await userEvent.click(screen.getByRole('button', { name: 'Start the import' }));
  // the bar tells its value to assistive technology (and to tests): 1 of 3 rows, then all
  const bar = screen.getByRole('progressbar', { name: 'Import progress' });
  await waitFor(() => expect(bar).toHaveAttribute('aria-valuenow', '33'));
  expect(sent).toEqual([
    { dryRun: true, mapping: undefined },
    { dryRun: false, mapping: { Name: 'name', Email: 'email' } },
  ]);
  await waitFor(() => expect(screen.getByText('100 % (3 of 3 rows)')).toBeInTheDocument(), { timeout: 5000 });
  expect(bar).toHaveAttribute('aria-valuenow', '100');
  expect(bar).toHaveAttribute('aria-valuetext', '100 %');
  expect(within(screen.getByRole('dialog')).getByRole('status')).toHaveTextContent(
    'Done: 2 created, 0 updated, 0 skipped, 1 refused.'
  );
  expect(screen.getByText('Done: 2 created, 0 updated, 0 skipped, 1 refused.')).toBeInTheDocument();
  expect(screen.getByRole('button', { name: 'Download the refused rows' })).toBeInTheDocument();
});

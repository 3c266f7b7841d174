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
    report: { errors: processed === 3 ? 1 : 0, unlistedRows: 0, lastListedRow: null },
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
  expect(screen.queryByText(/more refused rows after it are not listed/)).not.toBeInTheDocument();
});

const referenceData = () => [
  http.get(cm('lead-status'), () =>
    cmList([{ documentId: 'st-new', name: 'New', order: 1, isCustomerStatus: false }])
  ),
  http.get(cm('lead-source'), () => cmList([{ documentId: 'src-web', name: 'Website' }])),
  http.get(cm('tag'), () => cmList([])),
  http.get(cm('custom-field'), () => cmList([])),
  http.get(`${API}/crm/staff`, () => HttpResponse.json({ data: [] })),
];

const csvFile = () =>
  new File(['Name,Email,Notes\nAnn,ann@example.com,\nBob,bad,\n'], 'leads.csv', { type: 'text/csv' });

it('says when the job cut its report of refused rows, and which rows it leaves out', async () => {
  server.use(
    ...referenceData(),
    http.post(`${API}/crm/leads/import`, async ({ request }) => {
      const options = JSON.parse(String((await request.formData()).get('options')));
      return options.dryRun
        ? HttpResponse.json({ data: preview })
        : HttpResponse.json({ data: { id: 'job-1' } }, { status: 202 });
    }),
    http.get(`${API}/crm/imports/job-1`, () => {
      const done = progress(3, 'done');
      return HttpResponse.json({
        data: {
          ...done.data,
          total: 20_000,
          processed: 20_000,
          created: 0,
          refused: 20_000,
          report: { errors: 999, unlistedRows: 19_667, lastListedRow: 334 },
        },
      });
    })
  );
  render(<ImportModal onClose={jest.fn()} />);
  await userEvent.upload(screen.getByLabelText(/CSV file/), csvFile());
  await userEvent.click(await screen.findByRole('button', { name: 'Start the import' }));
  expect(
    await screen.findByText(
      'The report lists the refused rows up to row 334; 19667 more refused rows after it are not listed. Fix the listed rows, then import the rows after row 334 again.'
    )
  ).toBeInTheDocument();
  expect(screen.getByRole('button', { name: 'Download the refused rows' })).toBeInTheDocument();
});

it('keeps the duplicate policy changeable when the server refuses it, and checks again with the new one', async () => {
  const sent: string[] = [];
  server.use(
    ...referenceData(),
    http.post(`${API}/crm/leads/import`, async ({ request }) => {
      const options = JSON.parse(String((await request.formData()).get('options')));
      sent.push(options.duplicates);
      if (options.duplicates !== 'create') {
        const message =
          '"skip" matches rows to leads by email, which your role may not read: choose "create", or leave the email column out';
        return HttpResponse.json(
          {
            data: null,
            error: {
              status: 400,
              name: 'ValidationError',
              message: `duplicates ${message}`,
              details: { errors: [{ path: ['duplicates'], message, name: 'ValidationError' }] },
            },
          },
          { status: 400 }
        );
      }
      return HttpResponse.json({ data: preview });
    })
  );
  render(<ImportModal onClose={jest.fn()} />);
  await userEvent.upload(screen.getByLabelText(/CSV file/), csvFile());
  expect(await screen.findByText(/which your role may not read/)).toBeInTheDocument();
  expect(screen.queryByRole('button', { name: 'Start the import' })).not.toBeInTheDocument();
  await userEvent.click(screen.getByRole('combobox', { name: 'A row whose email a lead already has' }));
  await userEvent.click(await screen.findByRole('option', { name: 'Create another lead' }));
  await userEvent.click(screen.getByRole('button', { name: 'Check again' }));
  expect(await screen.findByText('Row 2: ready')).toBeInTheDocument();
  expect(screen.getByRole('button', { name: 'Start the import' })).toBeInTheDocument();
  expect(sent).toEqual(['skip', 'create']);
});

it("starts the rows' defaults at the configured status and source, as the New lead form does", async () => {
  const sent: unknown[] = [];
  server.use(
    http.get(cm('lead-status'), () =>
      cmList([
        { documentId: 'st-new', name: 'New', order: 1, isCustomerStatus: false },
        { documentId: 'st-contacted', name: 'Contacted', order: 2, isCustomerStatus: false },
      ])
    ),
    http.get(cm('lead-source'), () =>
      cmList([
        { documentId: 'src-campaign', name: 'Campaign' },
        { documentId: 'src-web', name: 'Website' },
      ])
    ),
    http.get(cm('tag'), () => cmList([])),
    http.get(cm('custom-field'), () => cmList([])),
    http.get(`${API}/crm/staff`, () =>
      HttpResponse.json({
        data: [],
        meta: { settings: { currency: 'EUR', defaultStatus: 'Contacted', defaultSource: 'Website' } },
      })
    ),
    http.post(`${API}/crm/leads/import`, async ({ request }) => {
      sent.push(JSON.parse(String((await request.formData()).get('options'))).defaults);
      return HttpResponse.json({ data: preview });
    })
  );
  render(<ImportModal onClose={jest.fn()} />);
  await userEvent.upload(screen.getByLabelText(/CSV file/), csvFile());

  expect(await screen.findByRole('combobox', { name: 'Source when a row has none' })).toHaveTextContent(
    'Website'
  );
  expect(screen.getByRole('combobox', { name: 'Status when a row has none' })).toHaveTextContent('Contacted');
  expect(sent).toEqual([{ status: 'st-contacted', source: 'src-web', isPublic: false }]);
});

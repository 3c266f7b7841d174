import { screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { ReportsPage } from '../../../admin/src/pages/ReportsPage';
import { server } from '../../helpers/msw';
import { render } from '../../helpers/render';
import { REPORT } from './fixtures';

const API = 'http://localhost:1337';

/** recharts' ResponsiveContainer measures 0 in jsdom: the page takes a fixed chart width in tests. */
const WIDTH = 640;

// role queries walk the whole accessibility tree of four SVG charts: slow in jsdom, so plain selectors
const image = (container: HTMLElement, title: string) =>
  container.querySelector<HTMLElement>(`[role="img"][aria-label^="${title}."]`);
const tableRows = (container: HTMLElement, title: string) =>
  Array.from(container.querySelectorAll(`table[aria-label="${title}"] tr`)).map((row) => row.textContent);

const answer = (data: object) =>
  server.use(http.get(`${API}/crm/reports/leads`, () => HttpResponse.json({ data })));

it('renders each chart as a labelled image with its totals, and its numbers as a table', async () => {
  const queries: URLSearchParams[] = [];
  server.use(
    http.get(`${API}/crm/reports/leads`, ({ request }) => {
      queries.push(new URL(request.url).searchParams);
      return HttpResponse.json({ data: REPORT });
    })
  );
  const { container } = render(<ReportsPage chartWidth={WIDTH} />);
  await screen.findByText('Leads over time');

  const series = image(container, 'Leads over time')!;
  expect(series).toHaveAttribute(
    'aria-label',
    'Leads over time. 6 created, 2 converted, 2 lost from 2026-03-02 to 2026-03-15'
  );
  // recharts drew an SVG with one line per measure
  await waitFor(() => expect(series.querySelectorAll('.recharts-line').length).toBe(3));
  expect(tableRows(container, 'Leads over time')).toEqual([
    'PeriodCreatedConvertedLost',
    '2026-03-02210',
    '2026-03-09412',
  ]);

  expect(image(container, 'Conversion rate by source')).toHaveAttribute(
    'aria-label',
    'Conversion rate by source. 1 of 6 leads created in the period converted'
  );
  expect(tableRows(container, 'Conversion rate by source')).toEqual([
    'SourceLeadsConvertedConversion rate',
    'Website3133.3%',
    'Referral300%',
  ]);
  expect(tableRows(container, 'Conversion rate by staff member')).toEqual([
    'Staff memberLeadsConvertedConversion rate',
    'Sam Seller2150%',
    'Unassigned200%',
  ]);

  const pipeline = image(container, 'Open pipeline by status')!;
  expect(pipeline).toHaveAttribute('aria-label', 'Open pipeline by status. 4 open leads worth $1,550');
  expect(tableRows(container, 'Open pipeline by status')).toEqual([
    'StatusLeadsValue',
    'New3$1,150',
    'Qualified1$400',
  ]);
  await waitFor(() => expect(pipeline.querySelectorAll('.recharts-bar-rectangle').length).toBe(2));
  // the default period: the last 30 days, by day
  expect(queries[0].get('interval')).toBe('day');
  expect(queries[0].get('from')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
}, 90_000);

it('leaves out the charts the role may not read', async () => {
  answer({ ...REPORT, bySource: null, pipeline: null });
  const { container } = render(<ReportsPage chartWidth={WIDTH} />);
  await screen.findByText('Leads over time');
  expect(image(container, 'Conversion rate by source')).toBeNull();
  expect(image(container, 'Open pipeline by status')).toBeNull();
  expect(image(container, 'Conversion rate by staff member')).not.toBeNull();
}, 60_000);

it('shows the server’s message for a period it refuses', async () => {
  server.use(
    http.get(`${API}/crm/reports/leads`, () =>
      HttpResponse.json(
        {
          data: null,
          error: {
            status: 400,
            name: 'ValidationError',
            message: 'the period is 400 days long: a report by day covers at most 366 days',
            details: { errors: [] },
          },
        },
        { status: 400 }
      )
    )
  );
  render(<ReportsPage chartWidth={WIDTH} />);
  const message = await screen.findByText(/covers at most 366 days/);
  expect(message.closest('[role="alert"]')).not.toBeNull();
});

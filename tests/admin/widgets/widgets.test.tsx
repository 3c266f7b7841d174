import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { MyWorkWidget } from '../../../admin/src/components/widgets/MyWorkWidget';
import { PipelineWidget } from '../../../admin/src/components/widgets/PipelineWidget';
import type { GetLeadReport, GetMyWork, LeadReport } from '../../../server/src/contracts';
import { server } from '../../helpers/msw';
import { render } from '../../helpers/render';
import { REPORT, WORK } from '../reports/fixtures';

/** Issue 16: what the CRM's two widgets on Strapi's homepage show for given answers of the API. */
const API = 'http://localhost:1337';

const myWork = (answer: GetMyWork.Response | null, queries: URLSearchParams[] = []) =>
  server.use(
    http.get(`${API}/crm/my-work`, ({ request }) => {
      queries.push(new URL(request.url).searchParams);
      return answer
        ? HttpResponse.json(answer)
        : HttpResponse.json(
            { error: { status: 500, name: 'InternalServerError', message: 'boom' } },
            { status: 500 }
          );
    })
  );

const report = (data: LeadReport) =>
  server.use(http.get(`${API}/crm/reports/leads`, () => HttpResponse.json<GetLeadReport.Response>({ data })));

/** The design system's table is a grid: headers and cells alike are gridcells. */
const cells = (row: HTMLElement) =>
  within(row)
    .getAllByRole('gridcell')
    .map((cell) => cell.textContent);

describe('My work widget', () => {
  it('lists the first five items, the overdue one first and marked, each linked to its lead or customer', async () => {
    const queries: URLSearchParams[] = [];
    myWork({ data: WORK, meta: { overdue: 1, total: 3 } }, queries);
    render(<MyWorkWidget />);

    const items = await screen.findAllByRole('listitem');
    expect(items.map((item) => item.querySelector('p,span')?.textContent)).toEqual([
      'Call back',
      'Ping Mona',
      'Onboard',
    ]);
    expect(within(items[0]).getByText('Overdue')).toBeInTheDocument();
    expect(within(items[0]).getByText('Jan 5, 2026')).toBeInTheDocument();
    expect(within(items[1]).queryByText('Overdue')).not.toBeInTheDocument();
    expect(within(items[2]).queryByText('Overdue')).not.toBeInTheDocument();
    expect(within(items[2]).getByText('No date')).toBeInTheDocument();
    expect(within(items[0]).getByRole('link', { name: 'Mine Mona' })).toHaveAttribute(
      'href',
      '/plugins/crm/leads/lead-mona'
    );
    expect(within(items[2]).getByRole('link', { name: 'Carl Client' })).toHaveAttribute(
      'href',
      '/content-manager/collection-types/plugin::crm.customer/cust-carl'
    );
    // a widget's few lines: the API is asked for five at most
    expect(queries.map((q) => q.get('limit'))).toEqual(['5']);
  });

  it('says so when nothing is open', async () => {
    myWork({ data: [], meta: { overdue: 0, total: 0 } });
    render(<MyWorkWidget />);
    expect(await screen.findByText('No open task or pending reminder.')).toBeInTheDocument();
    expect(screen.queryByRole('listitem')).not.toBeInTheDocument();
  });

  it("shows Strapi's widget error when the API fails", async () => {
    myWork(null);
    render(<MyWorkWidget />);
    expect(await screen.findByText("Couldn't load widget content.")).toBeInTheDocument();
    expect(screen.queryByRole('listitem')).not.toBeInTheDocument();
  });
});

describe('Pipeline widget', () => {
  it('shows the open leads per status with their count and summed value', async () => {
    report(REPORT);
    render(<PipelineWidget />);
    const rows = await screen.findAllByRole('row');
    expect(cells(rows[0])).toEqual(['Status', 'Open leads', 'Value']);
    expect(rows.slice(1).map(cells)).toEqual([
      ['New', '3', '$1,150'],
      ['Qualified', '1', '$400'],
    ]);
  });

  it('leaves the value out for a caller who may not read it, and names leads without a status', async () => {
    report({
      ...REPORT,
      currency: 'EUR',
      pipeline: [
        { status: { documentId: 'st-new', name: 'New', color: null }, count: 2, value: null },
        { status: null, count: 1, value: null },
      ],
    });
    render(<PipelineWidget />);
    const rows = await screen.findAllByRole('row');
    expect(cells(rows[0])).toEqual(['Status', 'Open leads']);
    expect(rows.slice(1).map(cells)).toEqual([
      ['New', '2'],
      ['None', '1'],
    ]);
  });

  it('says "No open leads." when no status holds one, or the caller may not see statuses', async () => {
    report({
      ...REPORT,
      pipeline: [{ status: { documentId: 'st-new', name: 'New', color: null }, count: 0, value: 0 }],
    });
    const { unmount } = render(<PipelineWidget />);
    expect(await screen.findByText('No open leads.')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    unmount();

    report({ ...REPORT, pipeline: null });
    render(<PipelineWidget />);
    expect(await screen.findByText('No open leads.')).toBeInTheDocument();
  });
});

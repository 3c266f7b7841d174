import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { exportQueryOf, exportSearch } from '../../../admin/src/api/bulk';
import { ExportButton } from '../../../admin/src/components/leads/ExportButton';
import { readFilterState } from '../../../admin/src/components/leads/leadQuery';
import { server } from '../../helpers/msw';
import { render } from '../../helpers/render';

const API = 'http://localhost:1337';
const HEADER = '\uFEFFdocumentId,name,description\r\n';

/** Files handed to the browser's download. */
let saved: Blob[] = [];

beforeEach(() => {
  saved = [];
  Object.assign(URL, {
    createObjectURL: (file: Blob) => {
      saved.push(file);
      return 'blob:export';
    },
    revokeObjectURL: () => undefined,
  });
  jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
});

afterEach(() => jest.restoreAllMocks());

describe('the export button', () => {
  it('streams the CSV of the query with the admin token, shows progress, then saves it', async () => {
    const requests: Request[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const encoder = new TextEncoder();
    server.use(
      http.get(`${API}/crm/leads/export`, ({ request }) => {
        requests.push(request);
        const body = new ReadableStream<Uint8Array>({
          async start(controller) {
            controller.enqueue(encoder.encode(`${HEADER}a1,Ada,"two\r\nlines"\r\n`));
            await gate;
            controller.enqueue(encoder.encode('a2,Bob,\r\n'));
            controller.close();
          },
        });
        return new HttpResponse(body, {
          headers: {
            'Content-Type': 'text/csv; charset=utf-8',
            'Content-Disposition': 'attachment; filename="leads-2026-11-30.csv"',
          },
        });
      })
    );
    const query = exportQueryOf(
      readFilterState(new URLSearchParams('q=ada&status=st-new&sort=name:asc&page=3&includeLost=true'))
    );
    render(<ExportButton query={query} />);

    await userEvent.click(await screen.findByRole('button', { name: 'Export CSV' }));
    // one lead so far: the line break inside the quoted cell does not count as a second one
    expect(await screen.findByText(/^1 lead received/)).toBeInTheDocument();
    expect(saved).toEqual([]);
    release();

    await waitFor(() => expect(saved).toHaveLength(1));
    // the bytes as received, BOM included (Blob.text() would drop it)
    expect(Buffer.from(await saved[0].arrayBuffer()).toString('utf8')).toBe(
      `${HEADER}a1,Ada,"two\r\nlines"\r\na2,Bob,\r\n`
    );
    expect((saved[0] as File).name).toBe('leads-2026-11-30.csv');
    expect(requests[0].headers.get('Authorization')).toBe('Bearer test-admin-token');
    const params = new URL(requests[0].url).searchParams;
    expect(params.get('q')).toBe('ada');
    expect(params.get('sort')).toBe('name:asc');
    expect(params.get('filters[status][documentId][$in][0]')).toBe('st-new');
    expect(params.get('includeLost')).toBe('true');
    expect(params.has('page')).toBe(false);
    await waitFor(() => expect(screen.queryByText(/received/)).not.toBeInTheDocument());
  });

  it('shows the server’s refusal and saves nothing', async () => {
    server.use(
      http.get(`${API}/crm/leads/export`, () =>
        HttpResponse.json(
          {
            data: null,
            error: { status: 400, name: 'ValidationError', message: 'sort is not valid', details: {} },
          },
          { status: 400 }
        )
      )
    );
    render(<ExportButton query={{ sort: 'nope:asc' }} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Export CSV' }));
    expect(await screen.findByText('The export failed: sort is not valid')).toBeInTheDocument();
    expect(saved).toEqual([]);
  });

  it('appears only to users holding the export permission', async () => {
    render(<ExportButton query={{}} />, {
      permissions: [{ action: 'plugin::content-manager.explorer.read', subject: 'plugin::crm.lead' }],
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(screen.queryByRole('button', { name: 'Export CSV' })).not.toBeInTheDocument();
  });

  it('writes nested filters in Strapi’s bracket syntax', () => {
    expect(
      exportSearch({ q: 'x', filters: { tags: { documentId: { $in: ['t1', 't2'] } } }, includeJunk: true })
    ).toBe(
      new URLSearchParams([
        ['q', 'x'],
        ['filters[tags][documentId][$in][0]', 't1'],
        ['filters[tags][documentId][$in][1]', 't2'],
        ['includeJunk', 'true'],
      ]).toString()
    );
  });
});

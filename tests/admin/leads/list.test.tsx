import { act, renderHook, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  columnsStorageKey,
  DEFAULT_COLUMNS,
  useLeadColumns,
} from '../../../admin/src/components/leads/leadColumns';
import { LeadsPage } from '../../../admin/src/pages/LeadsPage';
import { Route, Routes, useLocation } from 'react-router-dom';
import { render } from '../../helpers/render';
import { serveLeads, summary } from './fixtures';

jest.setTimeout(120_000);

const headers = () =>
  Array.from(document.querySelectorAll('thead th')).map((th) => th.textContent?.replace(', sort', '').trim());

beforeEach(() => window.localStorage.clear());

describe('the leads list', () => {
  it('shows "Unassigned", tel: links and the capped total as 10,000+', async () => {
    serveLeads({
      leads: [summary('Ada'), summary('Bob', { assignedTo: null })],
      total: { total: 10_000, totalCapped: true },
    });
    window.localStorage.setItem(columnsStorageKey(null), JSON.stringify(['name', 'phone', 'assignedTo']));
    render(<LeadsPage />);

    const bob = (await screen.findByRole('link', { name: 'Bob' })).closest('tr')!;
    expect(within(bob).getByText('Unassigned')).toBeInTheDocument();
    expect(within(bob).getByRole('link', { name: '+44 20 7946 0000' })).toHaveAttribute(
      'href',
      'tel:+44 20 7946 0000'
    );
    expect(screen.getByText('10,000+ leads')).toBeInTheDocument();
  });

  it("opens a lead with the list's search, filters and view, and its profile goes back to them", async () => {
    serveLeads();
    const Opened = () => <p>Opened with {JSON.stringify(useLocation().state)}</p>;
    render(
      <Routes>
        <Route path="/plugins/crm" element={<LeadsPage />} />
        <Route path="/plugins/crm/leads/:documentId" element={<Opened />} />
      </Routes>,
      { initialEntries: ['/plugins/crm?q=ad&sort=name%3Aasc'] }
    );
    await userEvent.click(await screen.findByRole('link', { name: 'Ada' }));
    const opened = await screen.findByText(/^Opened with /);
    expect(JSON.parse(opened.textContent!.replace('Opened with ', ''))).toEqual({
      crmListSearch: '?q=ad&sort=name%3Aasc',
    });
  });

  it('keeps the chosen columns across visits', async () => {
    serveLeads();
    const { unmount } = render(<LeadsPage />);
    await screen.findByRole('link', { name: 'Ada' });
    expect(headers()).toEqual(['', 'Name', 'Company', 'Email', 'Status', 'Assigned to', 'Value', 'Created']);

    await userEvent.click(screen.getByRole('button', { name: 'Columns' }));
    await userEvent.click(await screen.findByRole('checkbox', { name: 'Phone' }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'Company' }));
    await userEvent.keyboard('{Escape}');
    expect(headers()).toEqual(['', 'Name', 'Email', 'Phone', 'Status', 'Assigned to', 'Value', 'Created']);
    unmount();

    serveLeads();
    render(<LeadsPage />);
    await screen.findByRole('link', { name: 'Ada' });
    expect(headers()).toEqual(['', 'Name', 'Email', 'Phone', 'Status', 'Assigned to', 'Value', 'Created']);
  });

  it("keeps each admin user's columns under their own id", () => {
    const sam = renderHook(() => useLeadColumns(3));
    act(() => sam.result.current.toggle('phone', true));
    const mia = renderHook(() => useLeadColumns(4));

    expect(sam.result.current.columns).toContain('phone');
    expect(mia.result.current.columns).toEqual(DEFAULT_COLUMNS);
    expect(JSON.parse(window.localStorage.getItem('crm.leads.columns.3')!)).toContain('phone');
    expect(window.localStorage.getItem('crm.leads.columns.4')).toBeNull();
    // the name links to the lead: it cannot be hidden
    act(() => sam.result.current.toggle('name', false));
    expect(sam.result.current.columns).toContain('name');
  });

  it('selects the leads of the page one by one or all at once', async () => {
    serveLeads({ leads: [summary('Ada'), summary('Bob'), summary('Cy')] });
    render(<LeadsPage />);
    await screen.findByRole('link', { name: 'Ada' });

    // the selection column comes with the update/delete permissions, read after the leads at times
    await userEvent.click(await screen.findByRole('checkbox', { name: 'Select Bob' }));
    expect(screen.getByText('1 lead selected')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('checkbox', { name: 'Select all leads on this page' }));
    expect(screen.getByText('3 leads selected')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('checkbox', { name: 'Select all leads on this page' }));
    expect(screen.queryByText(/selected/)).not.toBeInTheDocument();
  });

  it('searches as you type once typing pauses, and at once on Enter', async () => {
    jest.useFakeTimers({ advanceTimers: true });
    try {
      const { queries } = serveLeads();
      render(<LeadsPage />);
      await screen.findByRole('link', { name: 'Ada' });
      const user = userEvent.setup({ advanceTimers: jest.advanceTimersByTime, delay: null });
      const box = screen.getByRole('searchbox', { name: 'Search leads' });
      const searched = () => queries.map((q) => q.get('q')).filter(Boolean);

      await user.type(box, 'gra');
      act(() => jest.advanceTimersByTime(100));
      expect(searched()).toEqual([]);
      act(() => jest.advanceTimersByTime(300));
      await waitFor(() => expect(searched()).toEqual(['gra']));

      await user.type(box, 'ce{Enter}');
      await waitFor(() => expect(searched()).toEqual(['gra', 'grace']));
      act(() => jest.advanceTimersByTime(1000));
      expect(searched()).toEqual(['gra', 'grace']);
    } finally {
      jest.useRealTimers();
    }
  });
});

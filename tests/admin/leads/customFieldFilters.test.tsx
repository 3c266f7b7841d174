import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { useLocation } from 'react-router-dom';
import type {
  ContentManagerList,
  CustomFieldDefinition,
  FindLeads,
  FindStaff,
} from '../../../server/src/contracts';
import { LeadsPage } from '../../../admin/src/pages/LeadsPage';
import { server } from '../../helpers/msw';
import { render } from '../../helpers/render';

const API = 'http://localhost:1337';
const cm = (type: string) => new RegExp(`/content-manager/collection-types/plugin::crm\\.${type}(\\?|$)`);
const cmList = <T,>(results: T[]) =>
  HttpResponse.json<ContentManagerList<T>>({ results, pagination: { page: 1, pageSize: 100 } });

const definition = (
  slug: string,
  name: string,
  type: CustomFieldDefinition['type'],
  options: string[] | null = null
) =>
  ({
    documentId: `cf-${slug}`,
    slug,
    name,
    type,
    options,
    required: false,
    active: true,
  }) satisfies CustomFieldDefinition;

const DEFINITIONS = [
  definition('industry', 'Industry', 'select', ['Retail', 'Energy']),
  definition('budget', 'Budget', 'number'),
  definition('renewal', 'Renewal', 'date'),
  definition('referrer', 'Referrer', 'text'),
];

/** Serves the reference data and an empty list; returns the query of every list request. */
const serve = () => {
  const queries: URLSearchParams[] = [];
  server.use(
    http.get(cm('lead-status'), () => cmList([])),
    http.get(cm('lead-source'), () => cmList([])),
    http.get(cm('tag'), () => cmList([])),
    http.get(cm('custom-field'), () => cmList<CustomFieldDefinition>(DEFINITIONS)),
    http.get(`${API}/crm/staff`, () => HttpResponse.json<FindStaff.Response>({ data: [] })),
    http.get(`${API}/crm/leads`, ({ request }) => {
      queries.push(new URL(request.url).searchParams);
      return HttpResponse.json<FindLeads.Response>({
        data: [],
        meta: { pagination: { page: 1, pageSize: 25, pageCount: 0, total: 0 } },
      });
    })
  );
  return queries;
};

const Location = () => <output aria-label="location">{decodeURIComponent(useLocation().search)}</output>;

describe('Leads page: custom-field filters', () => {
  it('offers a typed filter per custom field and sends each in the API syntax', async () => {
    const queries = serve();
    render(
      <>
        <LeadsPage />
        <Location />
      </>,
      { initialEntries: ['/plugins/crm'] }
    );

    // a select field is a choice of its options
    await userEvent.click(await screen.findByRole('combobox', { name: 'Industry' }));
    await userEvent.click(await screen.findByRole('option', { name: 'Retail' }));
    await waitFor(() => expect(queries.at(-1)?.get('customFields[industry][$eq]')).toBe('Retail'));

    // numbers and dates are ranges
    fireEvent.change(screen.getByLabelText('Budget from'), { target: { value: '1000' } });
    await waitFor(() => expect(queries.at(-1)?.get('customFields[budget][$gte]')).toBe('1000'));
    fireEvent.change(screen.getByLabelText('Renewal up to'), { target: { value: '2027-01-31' } });
    await waitFor(() => expect(queries.at(-1)?.get('customFields[renewal][$lte]')).toBe('2027-01-31'));

    // text is "contains"
    fireEvent.change(screen.getByLabelText('Referrer contains'), { target: { value: 'fair' } });
    await waitFor(() => expect(queries.at(-1)?.get('customFields[referrer][$containsi]')).toBe('fair'));
    expect(queries.at(-1)?.get('customFields[industry][$eq]')).toBe('Retail');

    // kept in the URL like the other filters
    expect(screen.getByLabelText('location')).toHaveTextContent('customFields[budget][$gte]=1000');
    expect(screen.getByLabelText('location')).toHaveTextContent('customFields[industry][$eq]=Retail');
  });

  it('reads the filters back from the URL', async () => {
    const queries = serve();
    render(<LeadsPage />, {
      initialEntries: ['/plugins/crm?customFields[budget][$gte]=500&customFields[budget][$lte]=900'],
    });
    await waitFor(() => expect(queries.length).toBeGreaterThan(0));
    expect(queries[0].get('customFields[budget][$gte]')).toBe('500');
    expect(queries[0].get('customFields[budget][$lte]')).toBe('900');
    expect(await screen.findByLabelText('Budget from')).toHaveValue(500);
  });
});

import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import type { FindLeads, GetLead } from '../../../server/src/contracts';
import { useConvertLeadMutation } from '../../../admin/src/api/conversion';
import { useGetLeadQuery, useGetLeadsQuery } from '../../../admin/src/api/leads';
import { createStore, render } from '../../helpers/render';
import { server } from '../../helpers/msw';
import { lead } from '../profile/fixtures';
import { API, converted, LEAD_ID } from './fixtures';

/** The list and one lead on screen, and a button converting that lead. */
const Screen = () => {
  const list = useGetLeadsQuery([['page', '1']]);
  const one = useGetLeadQuery(LEAD_ID);
  const [convert] = useConvertLeadMutation();
  return (
    <>
      <p>List: {list.data?.data.map((row) => `${row.name} ${row.dateConverted ? 'converted' : 'open'}`)}</p>
      <p>Lead: {one.data?.data.dateConverted ? 'converted' : 'open'}</p>
      <button
        onClick={() =>
          convert({
            leadId: LEAD_ID,
            body: {
              customer: { firstName: 'Mary' },
              customFields: [],
              login: { enabled: false, sendWelcomeEmail: false },
              transferNotes: true,
            },
          })
        }
      >
        Convert
      </button>
    </>
  );
};

it('after a conversion the lead and the list are read again, without a reload', async () => {
  let isConverted = false;
  const reads = { list: 0, lead: 0 };
  const current = () => lead({ documentId: LEAD_ID, dateConverted: isConverted ? '2026-11-30' : null });
  server.use(
    http.get(`${API}/crm/leads`, () => {
      reads.list += 1;
      return HttpResponse.json<FindLeads.Response>({
        data: [current()],
        meta: { pagination: { page: 1, pageSize: 25, pageCount: 1, total: 1 } },
      });
    }),
    http.get(`${API}/crm/leads/${LEAD_ID}`, () => {
      reads.lead += 1;
      return HttpResponse.json<GetLead.Response>({ data: current() });
    }),
    http.post(`${API}/crm/leads/${LEAD_ID}/convert`, () => {
      isConverted = true;
      return HttpResponse.json(converted, { status: 201 });
    })
  );
  const store = createStore();
  render(<Screen />, { store });
  expect(await screen.findByText('List: Ada Lovelace open')).toBeInTheDocument();
  expect(await screen.findByText('Lead: open')).toBeInTheDocument();

  await userEvent.click(screen.getByRole('button', { name: 'Convert' }));

  expect(await screen.findByText('List: Ada Lovelace converted')).toBeInTheDocument();
  expect(await screen.findByText('Lead: converted')).toBeInTheDocument();
  await waitFor(() => expect(reads).toEqual({ list: 2, lead: 2 }));
});

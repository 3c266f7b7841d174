import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { ConversionModal } from '../../../admin/src/components/conversion/ConversionModal';
import { server } from '../../helpers/msw';
import { render } from '../../helpers/render';
import { API, LEAD_ID, prefill } from './fixtures';

it("says that the lead's opportunities and attachments are copied to the customer", async () => {
  server.use(
    http.get(`${API}/crm/staff`, () => HttpResponse.json({ data: [] })),
    http.get(`${API}/crm/leads/${LEAD_ID}/conversion`, () => HttpResponse.json(prefill()))
  );
  render(<ConversionModal leadId={LEAD_ID} onClose={jest.fn()} />);
  expect(
    await screen.findByText(
      "The lead's opportunities and attachments are copied to the customer; the lead keeps its own."
    )
  ).toBeInTheDocument();
});

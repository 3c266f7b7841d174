import { Form } from '@strapi/strapi/admin';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { http, HttpResponse } from 'msw';
import CustomFieldValuesInput from '../../../admin/src/components/custom-fields/CustomFieldValuesInput';
import type { ContentManagerList, CustomFieldDefinition } from '../../../server/src/contracts';
import { server } from '../../helpers/msw';
import { render } from '../../helpers/render';

const definition = (
  slug: string,
  name: string,
  type: CustomFieldDefinition['type'],
  options: string[] | null = null
): CustomFieldDefinition => ({
  documentId: `def-${slug}`,
  name,
  slug,
  type,
  options,
  required: false,
  active: true,
});

const LEAD_FIELDS = [
  definition('budget', 'Budget', 'number'),
  definition('tier', 'Tier', 'select', ['Gold', 'Silver']),
  definition('vip', 'VIP', 'checkbox'),
  definition('renewal', 'Renewal', 'date'),
];

/** Serves the definitions per target, and records which target was asked for. */
const serveDefinitions = (byTarget: Record<string, CustomFieldDefinition[]>) => {
  const targets: string[] = [];
  server.use(
    http.get(/\/content-manager\/collection-types\/plugin::crm\.custom-field(\?|$)/, ({ request }) => {
      const target = new URL(request.url).searchParams.get('filters[target][$eq]') ?? '';
      targets.push(target);
      return HttpResponse.json<ContentManagerList<CustomFieldDefinition>>({
        results: byTarget[target] ?? [],
        pagination: { page: 1, pageSize: 100, pageCount: 1, total: byTarget[target]?.length ?? 0 },
      });
    })
  );
  return targets;
};

interface Setup {
  target?: 'lead' | 'customer';
  value?: Record<string, unknown>;
  dateConverted?: string | null;
  disabled?: boolean;
  error?: unknown;
}

/** The input as the Content Manager's edit view renders it: inside its form, with useField's props. */
const renderInput = ({
  target = 'lead',
  value = {},
  dateConverted = null,
  disabled = false,
  error,
}: Setup) => {
  const onChange = jest.fn();
  const Harness = () => {
    const [current, setCurrent] = useState<unknown>(value);
    return (
      <CustomFieldValuesInput
        name="customFields"
        label="Custom fields"
        attribute={{ options: { target } }}
        value={current}
        disabled={disabled}
        error={error}
        onChange={(name: string, next: unknown) => {
          onChange(name, next);
          setCurrent(next);
        }}
      />
    );
  };
  render(
    <Form method="PUT" initialValues={{ dateConverted, customFields: value }}>
      <Harness />
    </Form>
  );
  return onChange;
};

describe('the Content Manager input of custom-field values', () => {
  it('shows one typed input per active field of leads, and sends typed values', async () => {
    const targets = serveDefinitions({ lead: LEAD_FIELDS });
    const onChange = renderInput({ value: { budget: 1200, tier: 'Gold', legacy: 'kept' } });

    const budget = await screen.findByRole('textbox', { name: 'Budget' });
    expect(budget).toHaveValue('1,200');
    expect(screen.getByRole('combobox', { name: 'Tier' })).toHaveTextContent('Gold');
    expect(screen.getByRole('checkbox', { name: 'VIP' })).not.toBeChecked();
    expect(screen.getByLabelText('Renewal')).toHaveAttribute('type', 'date');
    expect(targets).toEqual(['lead']);

    await userEvent.click(screen.getByRole('checkbox', { name: 'VIP' }));
    expect(onChange).toHaveBeenLastCalledWith('customFields', {
      budget: 1200,
      tier: 'Gold',
      vip: true,
      renewal: null,
    });
    await userEvent.clear(budget);
    await userEvent.type(budget, '2500');
    await waitFor(() =>
      expect(onChange).toHaveBeenLastCalledWith('customFields', {
        budget: 2500,
        tier: 'Gold',
        vip: true,
        renewal: null,
      })
    );
  });

  it('reads the fields of customers for a customer', async () => {
    const targets = serveDefinitions({ customer: [definition('segment', 'Segment', 'text')] });
    renderInput({ target: 'customer', value: { segment: 'Retail' } });
    expect(await screen.findByRole('textbox', { name: 'Segment' })).toHaveValue('Retail');
    expect(targets).toEqual(['customer']);
  });

  it('is read-only on a converted lead, and when the Content Manager disables the field', async () => {
    serveDefinitions({ lead: LEAD_FIELDS });
    renderInput({ value: { budget: 1200 }, dateConverted: '2026-11-30T10:00:00.000Z' });
    expect(await screen.findByRole('textbox', { name: 'Budget' })).toBeDisabled();
    expect(screen.getByRole('checkbox', { name: 'VIP' })).toBeDisabled();
    expect(screen.getByText('A converted lead keeps the values it was converted with.')).toBeInTheDocument();
  });

  it('is read-only when the Content Manager disables the field', async () => {
    serveDefinitions({ lead: LEAD_FIELDS });
    renderInput({ value: {}, disabled: true });
    expect(await screen.findByRole('textbox', { name: 'Budget' })).toBeDisabled();
    expect(screen.queryByText('A converted lead keeps the values it was converted with.')).toBeNull();
  });

  it("shows the server's errors next to their field", async () => {
    serveDefinitions({ lead: LEAD_FIELDS });
    renderInput({ value: { budget: 'lots' }, error: { budget: 'must be a number' } });
    const budget = await screen.findByRole('textbox', { name: 'Budget' });
    const field = budget.closest('[class]')?.parentElement?.parentElement as HTMLElement;
    expect(within(field).getByText('must be a number')).toBeInTheDocument();
  });
});

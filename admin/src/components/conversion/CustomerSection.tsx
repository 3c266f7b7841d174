import { Box, Field, Grid, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { CUSTOMER_FIELDS, type CustomerField } from '../../../../server/src/contracts';
import { getTranslation } from '../../utils/getTranslation';
import { CUSTOMER_LABELS } from '../../utils/fieldLabels';
import type { DraftControls } from './useConversionDraft';

const INPUT_TYPES: Partial<Record<CustomerField, string>> = { email: 'email', website: 'url', phone: 'tel' };

interface Props {
  controls: DraftControls;
  errors: Record<string, string>;
}

/** The customer to create, prefilled from the lead. */
export const CustomerSection = ({ controls, errors }: Props) => {
  const { formatMessage } = useIntl();
  return (
    <Box>
      <Typography variant="delta" tag="h3">
        {formatMessage({ id: getTranslation('conversion.customer.title'), defaultMessage: 'Customer' })}
      </Typography>
      <Grid.Root gap={4} paddingTop={3}>
        {CUSTOMER_FIELDS.map((field) => (
          <Grid.Item key={field} col={6} s={12} direction="column" alignItems="stretch">
            <Field.Root
              name={`customer.${field}`}
              error={errors[`customer.${field}`]}
              required={field === 'firstName'}
            >
              <Field.Label>
                {formatMessage({
                  id: getTranslation(`conversion.customer.${field}`),
                  defaultMessage: CUSTOMER_LABELS[field],
                })}
              </Field.Label>
              <Field.Input
                type={INPUT_TYPES[field] ?? 'text'}
                value={controls.draft.customer[field]}
                onChange={(e: React.ChangeEvent<HTMLInputElement>) =>
                  controls.setCustomer(field, e.target.value)
                }
              />
              <Field.Error />
            </Field.Root>
          </Grid.Item>
        ))}
      </Grid.Root>
    </Box>
  );
};

import { Alert, Checkbox, Flex } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { CustomerSummary } from '../../../../server/src/contracts';
import { getTranslation } from '../../utils/getTranslation';

interface Props {
  customer: CustomerSummary;
  checked: boolean;
  onChange: (checked: boolean) => void;
}

/** A customer already has this email: merge into it, or change the email. */
export const ExistingCustomerNotice = ({ customer, checked, onChange }: Props) => {
  const { formatMessage } = useIntl();
  const name = [customer.firstName, customer.lastName].filter(Boolean).join(' ');
  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      <Alert
        variant="warning"
        closeLabel={formatMessage({ id: getTranslation('conversion.close'), defaultMessage: 'Close' })}
        title={formatMessage({
          id: getTranslation('conversion.existing.title'),
          defaultMessage: 'A customer with this email exists',
        })}
      >
        {formatMessage(
          {
            id: getTranslation('conversion.existing.body'),
            defaultMessage: '{name} ({email}{company}) already uses this email address.',
          },
          { name, email: customer.email ?? '', company: customer.company ? `, ${customer.company}` : '' }
        )}
      </Alert>
      <Checkbox checked={checked} onCheckedChange={(value) => onChange(!!value)}>
        {formatMessage({
          id: getTranslation('conversion.existing.merge'),
          defaultMessage: 'Merge this lead into the existing customer',
        })}
      </Checkbox>
    </Flex>
  );
};

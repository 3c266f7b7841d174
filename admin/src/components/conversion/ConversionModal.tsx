import { Modal } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { getTranslation } from '../../utils/getTranslation';
import { ConversionForm, type ConversionFormProps } from './ConversionForm';

/** The conversion dialog in its own modal, for the Leads page and the lead profile. */
export const ConversionModal = (props: ConversionFormProps) => {
  const { formatMessage } = useIntl();
  return (
    <Modal.Root open onOpenChange={(open) => !open && props.onClose()}>
      <Modal.Content>
        <Modal.Header>
          <Modal.Title>
            {formatMessage({ id: getTranslation('conversion.title'), defaultMessage: 'Convert to customer' })}
          </Modal.Title>
        </Modal.Header>
        <ConversionForm {...props} />
      </Modal.Content>
    </Modal.Root>
  );
};

import type { DocumentActionComponent } from '@strapi/content-manager/strapi-admin';
import { User } from '@strapi/icons';
import { useIntl } from 'react-intl';
import { createGlobalStyle } from 'styled-components';
import { LEAD_UID } from '../../../../server/src/contracts';
import { useCanConvert } from '../../hooks/useAbilities';
import { getTranslation } from '../../utils/getTranslation';
import { ConversionForm } from './ConversionForm';

/**
 * While the conversion dialog is open, the edit view's tooltips (the Save button's stays open once
 * the pointer left it for the dialog, and tooltips sit above modals) are not drawn over it. The
 * dialog itself has no tooltip.
 */
const NoTooltipsOverTheDialog = createGlobalStyle`
  [data-radix-popper-content-wrapper]:has([role='tooltip']) {
    display: none !important;
  }
`;

/**
 * "Convert to customer" in the Content Manager's edit view of a lead (SPEC §8). Shown only to
 * users who may convert; disabled, saying why, once the lead is converted.
 */
export const ConvertDocumentAction: DocumentActionComponent = ({ model, documentId, document }) => {
  const { formatMessage } = useIntl();
  const canConvert = useCanConvert();

  if (model !== LEAD_UID || !canConvert) return null;
  const converted = Boolean(document?.dateConverted);
  const title = formatMessage({
    id: getTranslation('conversion.title'),
    defaultMessage: 'Convert to customer',
  });

  return {
    label: converted
      ? formatMessage({
          id: getTranslation('conversion.alreadyConverted'),
          defaultMessage: 'Already converted to a customer',
        })
      : title,
    icon: <User />,
    position: 'panel',
    // a lead being created has no id yet: save it first
    disabled: converted || !documentId,
    dialog: {
      type: 'modal',
      title,
      content: ({ onClose }: { onClose: () => void }) => (
        <>
          <NoTooltipsOverTheDialog />
          <ConversionForm leadId={documentId!} onClose={onClose} />
        </>
      ),
    },
  };
};

ConvertDocumentAction.position = 'panel';

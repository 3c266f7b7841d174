import type { DocumentActionComponent } from '@strapi/content-manager/strapi-admin';
import { User } from '@strapi/icons';
import { adminApi } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { useDispatch } from 'react-redux';
import { useUserAbilities } from '../../hooks/useAbilities';
import { LEAD_UID } from '../../permissions';
import { getTranslation } from '../../utils/getTranslation';
import { ConversionForm } from './ConversionForm';

/**
 * "Convert to customer" in the Content Manager's edit view of a lead (SPEC §8). Shown only to
 * users who may convert; disabled, saying why, once the lead is converted.
 */
export const ConvertDocumentAction: DocumentActionComponent = ({ model, documentId, document }) => {
  const { formatMessage } = useIntl();
  const abilities = useUserAbilities();
  const dispatch = useDispatch();

  if (model !== LEAD_UID || !abilities.convert) return null;
  const converted = Boolean(document?.dateConverted);
  const title = formatMessage({
    id: getTranslation('conversion.title'),
    defaultMessage: 'Convert to customer',
  });

  // The Content Manager caches the document: once converted, have it read the lead again.
  const refreshLead = () =>
    dispatch(
      adminApi.util.invalidateTags([
        { type: 'Document', id: `${LEAD_UID}_${documentId}` },
        { type: 'Document', id: `${LEAD_UID}_LIST` },
      ] as never)
    );

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
        <ConversionForm leadId={documentId!} onClose={onClose} onConverted={refreshLead} />
      ),
    },
  };
};

ConvertDocumentAction.position = 'panel';

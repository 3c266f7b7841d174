import { Button } from '@strapi/design-system';
import { Upload } from '@strapi/icons';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { useAbilities } from '../../hooks/useAbilities';
import { getTranslation } from '../../utils/getTranslation';
import { ImportModal } from './ImportModal';

/** "Import" on the Leads page, for users who may create leads. */
export const ImportButton = () => {
  const { formatMessage } = useIntl();
  const { createLead } = useAbilities();
  const [open, setOpen] = useState(false);
  if (!createLead) return null;
  return (
    <>
      <Button variant="secondary" startIcon={<Upload />} onClick={() => setOpen(true)}>
        {formatMessage({ id: getTranslation('import.open'), defaultMessage: 'Import' })}
      </Button>
      {open && <ImportModal onClose={() => setOpen(false)} />}
    </>
  );
};

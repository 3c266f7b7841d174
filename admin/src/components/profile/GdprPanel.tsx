import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { Download, Lock } from '@strapi/icons';
import { useNotification } from '@strapi/strapi/admin';
import { useState } from 'react';
import { useApiFailure } from '../../api/errors';
import { downloadJson, useAnonymizeLeadMutation, useLazyExportLeadQuery } from '../../api/gdpr';
import type { LeadDetail } from '../../../../server/src/contracts';
import { useAbilities } from '../../hooks/useAbilities';
import { ConfirmButton } from './ConfirmButton';
import { useProfileText } from './useProfileText';

interface Props {
  lead: LeadDetail;
}

/** The GDPR tab: export everything held about the lead, or anonymize it (SPEC §5). */
export const GdprPanel = ({ lead }: Props) => {
  const t = useProfileText('gdpr');
  const abilities = useAbilities();
  const { toggleNotification } = useNotification();
  const [readExport] = useLazyExportLeadQuery();
  const [anonymizeLead] = useAnonymizeLeadMutation();
  const failure = useApiFailure();
  const [exporting, setExporting] = useState(false);

  const exportLead = async () => {
    setExporting(true);
    try {
      downloadJson(`lead-${lead.documentId}.json`, await readExport(lead.documentId, false).unwrap());
      toggleNotification({ type: 'success', message: t('exported', 'The export was downloaded.') });
    } catch (error) {
      toggleNotification({ type: 'danger', message: failure(error).message });
    } finally {
      setExporting(false);
    }
  };

  const anonymize = async () => {
    try {
      await anonymizeLead(lead.documentId).unwrap();
      toggleNotification({ type: 'success', message: t('anonymized', 'The lead was anonymized.') });
    } catch (error) {
      toggleNotification({ type: 'danger', message: failure(error).message });
    }
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={6}>
      <Typography variant="delta" tag="h2">
        {t('title', 'GDPR')}
      </Typography>
      {abilities.export && (
        <Box>
          <Typography tag="p">
            {t(
              'exportHelp',
              'Download everything held about this lead as a JSON file: its fields, notes, tasks, reminders, opportunities, files, consents and activity.'
            )}
          </Typography>
          <Box paddingTop={3}>
            <Button variant="secondary" startIcon={<Download />} loading={exporting} onClick={exportLead}>
              {t('export', 'Export as JSON')}
            </Button>
          </Box>
        </Box>
      )}
      {abilities.anonymize && (
        <Box>
          <Typography tag="p">
            {t(
              'anonymizeHelp',
              'Erase the personal values of this lead everywhere (fields, personal custom fields, files, notes and activity); its status, source, value and dates stay for the statistics.'
            )}
          </Typography>
          <Box paddingTop={3}>
            <ConfirmButton
              label={t('anonymize', 'Anonymize')}
              icon={<Lock />}
              title={t('anonymizeTitle', 'Anonymize this lead?')}
              body={t(
                'anonymizeBody',
                'The personal values of {name} will be erased for good. This cannot be undone.',
                { name: lead.name }
              )}
              confirmLabel={t('anonymizeConfirm', 'Anonymize')}
              onConfirm={anonymize}
            />
          </Box>
        </Box>
      )}
    </Flex>
  );
};

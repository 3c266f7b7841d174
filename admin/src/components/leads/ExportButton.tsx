import { Button, Flex, Typography } from '@strapi/design-system';
import { Download } from '@strapi/icons';
import { useAuth, useNotification } from '@strapi/strapi/admin';
import { useEffect, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import type { ExportLeads } from '../../../../server/src/contracts';
import { fetchLeadsCsv, saveFile, storedToken, type ExportProgress } from '../../api/bulk';
import { useAbilities } from '../../hooks/useAbilities';
import { getTranslation } from '../../utils/getTranslation';

interface Props {
  /** The list's query (filters, search, sort) without its page: every page is exported. */
  query: ExportLeads.Request['query'];
}

/**
 * Exports the current list as CSV (`GET /crm/leads/export`): the server streams it, the button
 * shows what has arrived (size and leads) and saves the file at the end. Shown only to users
 * holding the export permission.
 */
export const ExportButton = ({ query }: Props) => {
  const { formatMessage, formatNumber } = useIntl();
  const t = (key: string, defaultMessage: string, values?: Record<string, string | number>) =>
    formatMessage({ id: getTranslation(`leads.export.${key}`), defaultMessage }, values);
  const abilities = useAbilities();
  const token = useAuth('ExportButton', (auth) => auth.token);
  const { toggleNotification } = useNotification();
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  const running = useRef<AbortController | null>(null);

  // a download left behind (the page closed) stops reading
  useEffect(() => () => running.current?.abort(), []);

  if (!abilities.export) return null;

  const start = async () => {
    if (running.current) return;
    const controller = new AbortController();
    running.current = controller;
    setProgress({ bytes: 0, rows: 0 });
    try {
      const file = await fetchLeadsCsv(query, {
        token: token ?? storedToken(),
        signal: controller.signal,
        onProgress: setProgress,
      });
      saveFile(file);
    } catch (error) {
      if (!controller.signal.aborted)
        toggleNotification({
          type: 'danger',
          message: t('failed', 'The export failed: {reason}', { reason: (error as Error).message }),
        });
    } finally {
      running.current = null;
      if (!controller.signal.aborted) setProgress(null);
    }
  };

  const size = (bytes: number) =>
    bytes < 1024 * 1024
      ? t('kilobytes', '{size} KB', { size: formatNumber(Math.ceil(bytes / 1024)) })
      : t('megabytes', '{size} MB', {
          size: formatNumber(bytes / (1024 * 1024), { maximumFractionDigits: 1 }),
        });

  return (
    <Flex gap={2} alignItems="center">
      <Button variant="secondary" startIcon={<Download />} loading={!!progress} onClick={() => void start()}>
        {t('button', 'Export CSV')}
      </Button>
      {progress && (
        <Typography variant="pi" textColor="neutral600" role="status" aria-live="polite">
          {t('progress', '{rows, plural, one {# lead} other {# leads}} received ({size})', {
            rows: progress.rows,
            size: size(progress.bytes),
          })}
        </Typography>
      )}
    </Flex>
  );
};

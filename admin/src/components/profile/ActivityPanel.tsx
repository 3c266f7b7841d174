import { Box, EmptyStateLayout, Flex, Loader, Typography } from '@strapi/design-system';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { useGetActivityQuery } from '../../api/activity';
import { useApiFailure } from '../../api/errors';
import type { CustomFieldDefinition } from '../../../../server/src/contracts';
import { describeActivity } from './activityText';
import { Pager } from './Pager';
import { useProfileText } from './useProfileText';

interface Props {
  leadId: string;
  customFields: CustomFieldDefinition[];
}

/** The Activity tab: the lead's log, newest first, a page at a time. */
export const ActivityPanel = ({ leadId, customFields }: Props) => {
  const intl = useIntl();
  const t = useProfileText('activity');
  const [page, setPage] = useState(1);
  const log = useGetActivityQuery({ leadId, page });
  const failure = useApiFailure();
  const entries = log.data?.data ?? [];

  const body = (() => {
    if (log.isError) return <Typography textColor="danger600">{failure(log.error).message}</Typography>;
    if (!log.data) return <Loader small>{t('loading', 'Loading the activity…')}</Loader>;
    if (entries.length === 0)
      return <EmptyStateLayout content={t('emptyLog', 'Nothing has happened yet.')} />;
    return (
      <>
        <Flex tag="ol" direction="column" alignItems="stretch" gap={2} aria-label={t('title', 'Activity')}>
          {entries.map((entry) => (
            <Flex
              tag="li"
              key={entry.documentId}
              gap={4}
              justifyContent="space-between"
              alignItems="baseline"
              padding={3}
              background="neutral0"
              hasRadius
              shadow="filterShadow"
            >
              <Typography>{describeActivity(entry, { intl, customFields })}</Typography>
              <Typography variant="pi" textColor="neutral600" tag="time" dateTime={entry.createdAt}>
                {intl.formatDate(entry.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}
              </Typography>
            </Flex>
          ))}
        </Flex>
        <Pager pagination={log.data.meta.pagination} onPage={setPage} />
      </>
    );
  })();

  return (
    <Box>
      <Box paddingBottom={4}>
        <Typography variant="delta" tag="h2">
          {t('title', 'Activity')}
        </Typography>
      </Box>
      {body}
    </Box>
  );
};

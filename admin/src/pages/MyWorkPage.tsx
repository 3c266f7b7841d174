import { Box, EmptyStateLayout, Flex, Link as DsLink, Loader, Typography } from '@strapi/design-system';
import { ArrowLeft } from '@strapi/icons';
import { Layouts, Page } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import { useApiFailure } from '../api/errors';
import { useGetMyWorkQuery } from '../api/my-work';
import { MyWorkList } from '../components/my-work/MyWorkList';
import { getTranslation } from '../utils/getTranslation';

/** My work (SPEC §8): the caller's open tasks and pending reminders across leads and customers. */
export const MyWorkPage = () => {
  const { formatMessage } = useIntl();
  const t = (key: string, defaultMessage: string, values?: Record<string, number>) =>
    formatMessage({ id: getTranslation(`myWork.${key}`), defaultMessage }, values);
  const work = useGetMyWorkQuery({ limit: 100 }, { refetchOnMountOrArgChange: true });
  const failure = useApiFailure();
  const title = t('title', 'My work');
  const meta = work.data?.meta;

  return (
    <Layouts.Root>
      <Page.Title>{title}</Page.Title>
      <Page.Main>
        <Layouts.Header
          title={title}
          subtitle={
            meta
              ? t('subtitle', '{total, plural, one {# open item} other {# open items}}, {overdue} overdue', {
                  total: meta.total,
                  overdue: meta.overdue,
                })
              : undefined
          }
          navigationAction={
            <DsLink tag={Link} to="/plugins/crm" startIcon={<ArrowLeft />}>
              {t('back', 'Leads')}
            </DsLink>
          }
        />
        <Layouts.Content>
          <Flex direction="column" alignItems="stretch" gap={4}>
            {work.isError && (
              <Box role="alert" padding={4} background="danger100" hasRadius>
                <Typography textColor="danger700">{failure(work.error).message}</Typography>
              </Box>
            )}
            {work.isLoading && <Loader>{t('loading', 'Loading your work…')}</Loader>}
            {work.data &&
              (work.data.data.length ? (
                <MyWorkList items={work.data.data} />
              ) : (
                <EmptyStateLayout content={t('empty', 'Nothing to do: no open task or pending reminder.')} />
              ))}
          </Flex>
        </Layouts.Content>
      </Page.Main>
    </Layouts.Root>
  );
};

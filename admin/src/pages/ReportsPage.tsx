import { Box, EmptyStateLayout, Flex, Link as DsLink, Loader, Typography } from '@strapi/design-system';
import { ArrowLeft } from '@strapi/icons';
import { Layouts, Page } from '@strapi/strapi/admin';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import { useApiFailure } from '../api/errors';
import { useGetLeadReportQuery } from '../api/reports';
import { defaultPeriod, PeriodFilter, type Period } from '../components/reports/PeriodFilter';
import { ReportCharts } from '../components/reports/ReportCharts';
import { getTranslation } from '../utils/getTranslation';

/** Reports (SPEC §8): leads over time, conversion by source and staff, the open pipeline. */
export const ReportsPage = ({ chartWidth }: { chartWidth?: number }) => {
  const { formatMessage } = useIntl();
  const t = (key: string, defaultMessage: string) =>
    formatMessage({ id: getTranslation(`reports.${key}`), defaultMessage });
  const [period, setPeriod] = useState<Period>(() => defaultPeriod());
  const report = useGetLeadReportQuery(period);
  const failure = useApiFailure();
  const title = t('title', 'Reports');

  return (
    <Layouts.Root>
      <Page.Title>{title}</Page.Title>
      <Page.Main>
        <Layouts.Header
          title={title}
          subtitle={t(
            'subtitle',
            'The leads you can see: how many came in, converted and were lost, and what is open.'
          )}
          navigationAction={
            <DsLink tag={Link} to="/plugins/crm" startIcon={<ArrowLeft />}>
              {t('back', 'Leads')}
            </DsLink>
          }
        />
        <Layouts.Content>
          <Flex direction="column" alignItems="stretch" gap={6}>
            <PeriodFilter value={period} onChange={setPeriod} />
            {report.isError && (
              <Box role="alert" padding={4} background="danger100" hasRadius>
                <Typography textColor="danger700">{failure(report.error).message}</Typography>
              </Box>
            )}
            {report.isFetching && !report.data && <Loader>{t('loading', 'Loading the report…')}</Loader>}
            {report.data && !report.isError && (
              <Box aria-busy={report.isFetching}>
                {report.data.data.totals.created === 0 &&
                (report.data.data.pipeline ?? []).every((p) => !p.count) ? (
                  <EmptyStateLayout content={t('empty', 'No leads in this period.')} />
                ) : (
                  <ReportCharts report={report.data.data} width={chartWidth} />
                )}
              </Box>
            )}
          </Flex>
        </Layouts.Content>
      </Page.Main>
    </Layouts.Root>
  );
};

import { Grid } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { LeadReport } from '../../../../server/src/contracts';
import { getTranslation } from '../../utils/getTranslation';
import { PipelineChart, RateChart, SeriesChart } from './charts';

/** Every chart of a lead report; a chart whose data the role may not read is left out. */
export const ReportCharts = ({ report, width }: { report: LeadReport; width?: number }) => {
  const { formatMessage } = useIntl();
  const t = (key: string, defaultMessage: string) =>
    formatMessage({ id: getTranslation(`reports.${key}`), defaultMessage });
  return (
    <Grid.Root gap={6}>
      <Grid.Item col={12} s={12} direction="column" alignItems="stretch">
        <SeriesChart report={report} width={width} />
      </Grid.Item>
      {report.bySource && (
        <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
          <RateChart
            width={width}
            groups={report.bySource}
            title={t('bySource.title', 'Conversion rate by source')}
            groupLabel={t('source', 'Source')}
            noneLabel={t('noSource', 'No source')}
          />
        </Grid.Item>
      )}
      {report.byAssignee && (
        <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
          <RateChart
            width={width}
            groups={report.byAssignee}
            title={t('byAssignee.title', 'Conversion rate by staff member')}
            groupLabel={t('assignee', 'Staff member')}
            noneLabel={t('unassigned', 'Unassigned')}
          />
        </Grid.Item>
      )}
      {report.pipeline && (
        <Grid.Item col={12} s={12} direction="column" alignItems="stretch">
          <PipelineChart report={report} width={width} />
        </Grid.Item>
      )}
    </Grid.Root>
  );
};

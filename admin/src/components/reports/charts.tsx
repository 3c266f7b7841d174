import { useIntl } from 'react-intl';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { LeadReport, ReportGroup } from '../../../../server/src/contracts';
import { getTranslation } from '../../utils/getTranslation';
import { ChartFrame } from './ChartFrame';
import { useChartColors } from './useChartColors';

interface ChartProps {
  report: LeadReport;
  width?: number;
}

const useT = () => {
  const { formatMessage } = useIntl();
  return (key: string, defaultMessage: string, values?: Record<string, string | number>) =>
    formatMessage({ id: getTranslation(`reports.${key}`), defaultMessage }, values);
};

const useAxes = () => {
  const colors = useChartColors();
  const tick = { fill: colors.text, fontSize: 12 };
  return {
    colors,
    grid: <CartesianGrid stroke={colors.grid} strokeDasharray="3 3" vertical={false} />,
    tick,
    tooltipStyle: {
      contentStyle: {
        background: colors.tooltip.background,
        borderColor: colors.tooltip.border,
        color: colors.tooltip.text,
      },
    },
  };
};

/** Leads created, converted and lost per interval. */
export const SeriesChart = ({ report, width }: ChartProps) => {
  const t = useT();
  const { colors, grid, tick, tooltipStyle } = useAxes();
  const labels = {
    created: t('created', 'Created'),
    converted: t('converted', 'Converted'),
    lost: t('lost', 'Lost'),
  };
  const na = t('notAvailable', 'n/a');
  const { created, converted, lost } = report.totals;
  return (
    <ChartFrame
      width={width}
      title={t('series.title', 'Leads over time')}
      summary={t(
        'series.summary',
        '{created} created, {converted} converted, {lost} lost from {from} to {to}',
        { created, converted: converted ?? na, lost: lost ?? na, from: report.from, to: report.to }
      )}
      table={{
        headers: [t('period', 'Period'), labels.created, labels.converted, labels.lost],
        rows: report.series.map((b) => [b.period, b.created, b.converted ?? na, b.lost ?? na]),
      }}
    >
      {(size) => (
        <LineChart {...size} data={report.series} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
          {grid}
          <XAxis dataKey="period" tick={tick} />
          <YAxis allowDecimals={false} tick={tick} />
          <Tooltip {...tooltipStyle} />
          <Legend />
          <Line
            type="monotone"
            dataKey="created"
            name={labels.created}
            stroke={colors.created}
            strokeWidth={2}
          />
          {converted !== null && (
            <Line
              type="monotone"
              dataKey="converted"
              name={labels.converted}
              stroke={colors.converted}
              strokeWidth={2}
            />
          )}
          {lost !== null && (
            <Line type="monotone" dataKey="lost" name={labels.lost} stroke={colors.lost} strokeWidth={2} />
          )}
        </LineChart>
      )}
    </ChartFrame>
  );
};

/** The conversion rate of each group (a source, a staff member), as a bar per group. */
export const RateChart = ({
  groups,
  title,
  groupLabel,
  noneLabel,
  width,
}: {
  groups: ReportGroup[];
  title: string;
  groupLabel: string;
  /** the name of the group of leads without one ("Unassigned", as the list says) */
  noneLabel?: string;
  width?: number;
}) => {
  const t = useT();
  const { formatNumber } = useIntl();
  const { colors, grid, tick, tooltipStyle } = useAxes();
  const none = noneLabel ?? t('none', 'None');
  const percent = (rate: number | null) =>
    rate === null
      ? t('notAvailable', 'n/a')
      : formatNumber(rate, { style: 'percent', maximumFractionDigits: 1 });
  const data = groups.map((g) => ({
    name: g.name ?? none,
    rate: g.conversionRate === null ? 0 : g.conversionRate * 100,
  }));
  const total = groups.reduce((sum, g) => sum + g.total, 0);
  const converted = groups.reduce((sum, g) => sum + (g.converted ?? 0), 0);
  return (
    <ChartFrame
      width={width}
      title={title}
      summary={t('rate.summary', '{converted} of {total} leads created in the period converted', {
        converted,
        total,
      })}
      table={{
        headers: [groupLabel, t('leads', 'Leads'), t('converted', 'Converted'), t('rate', 'Conversion rate')],
        rows: groups.map((g) => [
          g.name ?? none,
          g.total,
          g.converted ?? t('notAvailable', 'n/a'),
          percent(g.conversionRate),
        ]),
      }}
    >
      {(size) => (
        <BarChart {...size} data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
          {grid}
          <XAxis dataKey="name" tick={tick} />
          <YAxis unit="%" domain={[0, 100]} tick={tick} />
          <Tooltip {...tooltipStyle} formatter={(value) => `${Number(value).toFixed(1)} %`} />
          <Bar dataKey="rate" name={t('rate', 'Conversion rate')} fill={colors.bar} />
        </BarChart>
      )}
    </ChartFrame>
  );
};

/** The open pipeline: summed value (or, without `value`, the count) of open leads per status. */
export const PipelineChart = ({ report, width }: ChartProps) => {
  const t = useT();
  const { formatNumber } = useIntl();
  const { colors, grid, tick, tooltipStyle } = useAxes();
  const rows = report.pipeline ?? [];
  const withValue = rows.every((r) => r.value !== null);
  const money = (value: number) =>
    formatNumber(value, { style: 'currency', currency: report.currency, maximumFractionDigits: 0 });
  const none = t('none', 'None');
  const data = rows.map((r) => ({ name: r.status?.name ?? none, value: r.value ?? 0, count: r.count }));
  const count = rows.reduce((sum, r) => sum + r.count, 0);
  const value = rows.reduce((sum, r) => sum + (r.value ?? 0), 0);
  return (
    <ChartFrame
      width={width}
      title={t('pipeline.title', 'Open pipeline by status')}
      summary={
        withValue
          ? t('pipeline.summary', '{count} open leads worth {value}', { count, value: money(value) })
          : t('pipeline.summaryCount', '{count} open leads', { count })
      }
      table={{
        headers: [t('status', 'Status'), t('leads', 'Leads'), ...(withValue ? [t('value', 'Value')] : [])],
        rows: rows.map((r) => [r.status?.name ?? none, r.count, ...(withValue ? [money(r.value ?? 0)] : [])]),
      }}
    >
      {(size) => (
        <BarChart {...size} data={data} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
          {grid}
          <XAxis dataKey="name" tick={tick} />
          <YAxis tick={tick} allowDecimals={!withValue ? false : undefined} />
          <Tooltip {...tooltipStyle} />
          <Bar
            dataKey={withValue ? 'value' : 'count'}
            name={withValue ? t('value', 'Value') : t('leads', 'Leads')}
            fill={colors.bar}
          />
        </BarChart>
      )}
    </ChartFrame>
  );
};

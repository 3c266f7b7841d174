import { Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Widget } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { useGetLeadReportQuery } from '../../api/reports';
import { getTranslation } from '../../utils/getTranslation';

/** Strapi homepage widget: the open leads per status, with their count and summed value. */
export const PipelineWidget = () => {
  const { formatMessage, formatNumber } = useIntl();
  const t = (key: string, defaultMessage: string) =>
    formatMessage({ id: getTranslation(`widgets.pipeline.${key}`), defaultMessage });
  const report = useGetLeadReportQuery({}, { refetchOnMountOrArgChange: true });
  if (report.isLoading) return <Widget.Loading />;
  if (report.isError) return <Widget.Error />;
  const data = report.data?.data;
  const rows = data?.pipeline ?? [];
  if (!data || !rows.some((r) => r.count))
    return <Widget.NoData>{t('empty', 'No open leads.')}</Widget.NoData>;
  const withValue = rows.every((r) => r.value !== null);
  return (
    <Table colCount={withValue ? 3 : 2} rowCount={rows.length + 1}>
      <Thead>
        <Tr>
          <Th>
            <Typography variant="sigma">{t('status', 'Status')}</Typography>
          </Th>
          <Th>
            <Typography variant="sigma">{t('count', 'Open leads')}</Typography>
          </Th>
          {withValue && (
            <Th>
              <Typography variant="sigma">{t('value', 'Value')}</Typography>
            </Th>
          )}
        </Tr>
      </Thead>
      <Tbody>
        {rows.map((row) => (
          <Tr key={row.status?.documentId ?? 'none'}>
            <Td>
              <Typography>{row.status?.name ?? t('none', 'None')}</Typography>
            </Td>
            <Td>
              <Typography>{row.count}</Typography>
            </Td>
            {withValue && (
              <Td>
                <Typography>
                  {formatNumber(row.value ?? 0, {
                    style: 'currency',
                    currency: data.currency,
                    maximumFractionDigits: 0,
                  })}
                </Typography>
              </Td>
            )}
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};

import {
  Badge,
  Box,
  Button,
  EmptyStateLayout,
  Flex,
  SingleSelect,
  SingleSelectOption,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
  VisuallyHidden,
} from '@strapi/design-system';
import { CaretDown, CaretUp } from '@strapi/icons';
import { useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import { staffName } from '../../api/reference';
import type { FindLeads } from '../../../../server/src/contracts';
import { getTranslation } from '../../utils/getTranslation';
import { PAGE_SIZES, type LeadFilterState } from './leadQuery';
import { StatusBadge } from './StatusBadge';

interface Props {
  result: FindLeads.Response | undefined;
  loading: boolean;
  state: LeadFilterState;
  onChange: (change: Partial<LeadFilterState>) => void;
}

const COLUMNS = [
  { key: 'name', label: 'Name', sortable: true },
  { key: 'company', label: 'Company', sortable: true },
  { key: 'email', label: 'Email', sortable: true },
  { key: 'phone', label: 'Phone', sortable: true },
  { key: 'status', label: 'Status', sortable: false },
  { key: 'source', label: 'Source', sortable: false },
  { key: 'assignedTo', label: 'Assigned to', sortable: false },
  { key: 'value', label: 'Value', sortable: true },
  { key: 'createdAt', label: 'Created', sortable: true },
] as const;

/** The leads of the current page, sortable by column, with paging below. */
export const LeadTable = ({ result, loading, state, onChange }: Props) => {
  const { formatMessage, formatDate, formatNumber } = useIntl();
  const t = (key: string, defaultMessage: string, values?: Record<string, string | number>) =>
    formatMessage({ id: getTranslation(`leads.table.${key}`), defaultMessage }, values);
  const [sortField, sortOrder] = state.sort.split(':');
  const leads = result?.data ?? [];
  const pagination = result?.meta.pagination;

  const sortBy = (field: string) =>
    onChange({ sort: `${field}:${sortField === field && sortOrder === 'asc' ? 'desc' : 'asc'}` });

  if (!loading && result && leads.length === 0) {
    return <EmptyStateLayout content={t('empty', 'No lead matches these filters.')} />;
  }

  return (
    <Box>
      <Table colCount={COLUMNS.length} rowCount={leads.length + 1} aria-busy={loading}>
        <Thead>
          <Tr>
            {COLUMNS.map((column) => {
              const label = t(`column.${column.key}`, column.label);
              const active = sortField === column.key;
              return (
                <Th
                  key={column.key}
                  aria-sort={active ? (sortOrder === 'asc' ? 'ascending' : 'descending') : undefined}
                >
                  {column.sortable ? (
                    <Button
                      variant="ghost"
                      size="S"
                      onClick={() => sortBy(column.key)}
                      endIcon={active ? sortOrder === 'asc' ? <CaretUp /> : <CaretDown /> : undefined}
                    >
                      {label}
                      <VisuallyHidden>{t('sortBy', ', sort')}</VisuallyHidden>
                    </Button>
                  ) : (
                    <Typography variant="sigma">{label}</Typography>
                  )}
                </Th>
              );
            })}
          </Tr>
        </Thead>
        <Tbody>
          {leads.map((lead) => (
            <Tr key={lead.documentId}>
              <Td>
                <Flex gap={2}>
                  <Link to={`leads/${lead.documentId}`}>
                    <Typography fontWeight="semiBold" textColor="primary600">
                      {lead.name}
                    </Typography>
                  </Link>
                  {!lead.isPublic && <Badge size="S">{t('private', 'Private')}</Badge>}
                  {lead.lost && <Badge size="S">{t('lost', 'Lost')}</Badge>}
                  {lead.junk && <Badge size="S">{t('junk', 'Junk')}</Badge>}
                </Flex>
              </Td>
              <Td>
                <Typography>{lead.company}</Typography>
              </Td>
              <Td>
                <Typography>{lead.email}</Typography>
              </Td>
              <Td>
                <Typography>{lead.phone}</Typography>
              </Td>
              <Td>
                <StatusBadge status={lead.status} />
              </Td>
              <Td>
                <Typography>{lead.source?.name}</Typography>
              </Td>
              <Td>
                <Typography>{staffName(lead.assignedTo)}</Typography>
              </Td>
              <Td>
                <Typography>{lead.value === null ? '' : formatNumber(lead.value)}</Typography>
              </Td>
              <Td>
                <Typography>{formatDate(lead.createdAt, { dateStyle: 'medium' })}</Typography>
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
      {pagination && (
        <Flex justifyContent="space-between" paddingTop={4} gap={4} wrap="wrap">
          <Flex gap={2}>
            <SingleSelect
              aria-label={t('pageSize', 'Leads per page')}
              size="S"
              value={String(state.pageSize)}
              onChange={(size) => onChange({ pageSize: Number(size), page: 1 })}
            >
              {PAGE_SIZES.map((size) => (
                <SingleSelectOption key={size} value={String(size)}>
                  {String(size)}
                </SingleSelectOption>
              ))}
            </SingleSelect>
            <Typography textColor="neutral600">
              {t('total', '{total, plural, one {# lead} other {# leads}}', { total: pagination.total })}
            </Typography>
          </Flex>
          <Flex gap={2}>
            <Button
              variant="tertiary"
              disabled={pagination.page <= 1}
              onClick={() => onChange({ page: pagination.page - 1 })}
            >
              {t('previous', 'Previous page')}
            </Button>
            <Typography>
              {t('page', 'Page {page} of {pageCount}', {
                page: pagination.page,
                pageCount: Math.max(pagination.pageCount, 1),
              })}
            </Typography>
            <Button
              variant="tertiary"
              disabled={pagination.page >= pagination.pageCount}
              onClick={() => onChange({ page: pagination.page + 1 })}
            >
              {t('next', 'Next page')}
            </Button>
          </Flex>
        </Flex>
      )}
    </Box>
  );
};

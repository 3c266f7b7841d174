import {
  Badge,
  Box,
  Button,
  Checkbox,
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
import { Link, useLocation } from 'react-router-dom';
import { listReturnState } from './listReturn';
import { staffName, useLeadSettings } from '../../api/reference';
import type { FindLeads, LeadSummary } from '../../../../server/src/contracts';
import { getTranslation } from '../../utils/getTranslation';
import { LEAD_COLUMNS, type LeadColumnKey } from './leadColumns';
import { PAGE_SIZES, type LeadFilterState } from './leadQuery';
import { StatusBadge } from './StatusBadge';

interface Props {
  result: FindLeads.Response | undefined;
  loading: boolean;
  state: LeadFilterState;
  onChange: (change: Partial<LeadFilterState>) => void;
  /** The columns shown (the column chooser's choice). */
  columns: LeadColumnKey[];
  /** documentIds of the selected leads (for bulk actions); without `onSelect` no checkboxes. */
  selected?: string[];
  onSelect?: (selected: string[]) => void;
}

const CHECKBOX_WIDTH = '5.6rem';

/** A cell's text on one line, cut with an ellipsis when the column is narrow (title: all of it). */
const Text = ({ children, muted = false }: { children: React.ReactNode; muted?: boolean }) => (
  <Typography
    ellipsis
    textColor={muted ? 'neutral500' : undefined}
    title={typeof children === 'string' ? children : undefined}
  >
    {children}
  </Typography>
);

/** A `mailto:` or `tel:` link in a cell. */
const Contact = ({ scheme, value }: { scheme: 'mailto' | 'tel'; value: string | null }) =>
  value ? (
    <Typography tag="a" href={`${scheme}:${value}`} ellipsis textColor="primary600" title={value}>
      {value}
    </Typography>
  ) : null;

/**
 * The leads of the current page: the chosen columns in a fixed layout that fits the page (long
 * values are cut, never scrolled), sortable, selectable for bulk actions, with paging below.
 */
export const LeadTable = ({ result, loading, state, onChange, columns, selected = [], onSelect }: Props) => {
  const { search } = useLocation();
  const { formatMessage, formatDate, formatNumber } = useIntl();
  const { currency } = useLeadSettings();
  const t = (key: string, defaultMessage: string, values?: Record<string, string | number>) =>
    formatMessage({ id: getTranslation(`leads.table.${key}`), defaultMessage }, values);
  const [sortField, sortOrder] = state.sort.split(':');
  const leads = result?.data ?? [];
  const pagination = result?.meta.pagination;
  const shown = LEAD_COLUMNS.filter((column) => columns.includes(column.key));
  const pageIds = leads.map((lead) => lead.documentId);
  const selectedOnPage = pageIds.filter((id) => selected.includes(id));
  const money = (value: number) =>
    formatNumber(value, { style: 'currency', currency, maximumFractionDigits: 0 });

  const sortBy = (field: string) =>
    onChange({ sort: `${field}:${sortField === field && sortOrder === 'asc' ? 'desc' : 'asc'}` });

  const selectAll = (checked: boolean) =>
    onSelect?.(
      checked ? [...new Set([...selected, ...pageIds])] : selected.filter((id) => !pageIds.includes(id))
    );
  const selectOne = (id: string, checked: boolean) =>
    onSelect?.(checked ? [...selected, id] : selected.filter((other) => other !== id));

  if (!loading && result && leads.length === 0) {
    return <EmptyStateLayout content={t('empty', 'No lead matches these filters.')} />;
  }

  const cell = (lead: LeadSummary, key: LeadColumnKey) => {
    switch (key) {
      case 'name':
        return (
          <Flex gap={2} overflow="hidden">
            <Link to={`leads/${lead.documentId}`} state={listReturnState(search)} style={{ minWidth: 0 }}>
              <Typography fontWeight="semiBold" textColor="primary600" ellipsis title={lead.name}>
                {lead.name}
              </Typography>
            </Link>
            {!lead.isPublic && <Badge size="S">{t('private', 'Private')}</Badge>}
            {lead.lost && <Badge size="S">{t('lost', 'Lost')}</Badge>}
            {lead.junk && <Badge size="S">{t('junk', 'Junk')}</Badge>}
          </Flex>
        );
      case 'email':
        return <Contact scheme="mailto" value={lead.email} />;
      case 'phone':
        return <Contact scheme="tel" value={lead.phone} />;
      case 'status':
        return <StatusBadge status={lead.status} />;
      case 'source':
        return <Text>{lead.source?.name ?? ''}</Text>;
      case 'assignedTo':
        return lead.assignedTo ? (
          <Text>{staffName(lead.assignedTo)}</Text>
        ) : (
          <Text muted>{t('unassigned', 'Unassigned')}</Text>
        );
      case 'tags':
        return <Text>{lead.tags.map((tag) => tag.name).join(', ')}</Text>;
      case 'value':
        return <Text>{lead.value === null ? '' : money(lead.value)}</Text>;
      case 'lastContactAt':
      case 'createdAt': {
        const date = lead[key];
        return <Text>{date ? formatDate(date, { dateStyle: 'medium' }) : ''}</Text>;
      }
      default:
        return <Text>{lead[key] ?? ''}</Text>;
    }
  };

  return (
    <Box>
      <Table
        colCount={shown.length + (onSelect ? 1 : 0)}
        rowCount={leads.length + 1}
        aria-busy={loading}
        data-leads-table=""
        style={{ tableLayout: 'fixed' }}
      >
        <Thead>
          <Tr>
            {onSelect && (
              <Th style={{ width: CHECKBOX_WIDTH }}>
                <Checkbox
                  aria-label={t('selectAll', 'Select all leads on this page')}
                  checked={
                    selectedOnPage.length === 0
                      ? false
                      : selectedOnPage.length === pageIds.length
                        ? true
                        : 'indeterminate'
                  }
                  onCheckedChange={(checked) => selectAll(checked === true)}
                />
              </Th>
            )}
            {shown.map((column) => {
              const label = t(`column.${column.key}`, column.label);
              const active = sortField === column.key;
              return (
                <Th
                  key={column.key}
                  style={{ width: column.width }}
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
                    <Typography variant="sigma" ellipsis>
                      {label}
                    </Typography>
                  )}
                </Th>
              );
            })}
          </Tr>
        </Thead>
        <Tbody>
          {leads.map((lead) => (
            <Tr key={lead.documentId}>
              {onSelect && (
                <Td>
                  <Checkbox
                    aria-label={t('select', 'Select {name}', { name: lead.name })}
                    checked={selected.includes(lead.documentId)}
                    onCheckedChange={(checked) => selectOne(lead.documentId, checked === true)}
                  />
                </Td>
              )}
              {shown.map((column) => (
                <Td key={column.key}>{cell(lead, column.key)}</Td>
              ))}
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
              {pagination.totalCapped
                ? t('totalCapped', '{total}+ leads', { total: formatNumber(pagination.total) })
                : t('total', '{total, plural, one {# lead} other {# leads}}', { total: pagination.total })}
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
              {pagination.totalCapped
                ? t('pageCapped', 'Page {page}', { page: pagination.page })
                : t('page', 'Page {page} of {pageCount}', {
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

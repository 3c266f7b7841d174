import { Box, Button, Flex, Tabs, Typography } from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import { Layouts, Page } from '@strapi/strapi/admin';
import { useEffect, useMemo, useState } from 'react';
import { useIntl } from 'react-intl';
import { exportQueryOf } from '../api/bulk';
import { useApiFailure } from '../api/errors';
import { useGetBoardQuery, useGetLeadsQuery } from '../api/leads';
import { useReferenceData } from '../api/reference';
import { BulkBar } from '../components/leads/BulkBar';
import { ColumnChooser } from '../components/leads/ColumnChooser';
import { ExportButton } from '../components/leads/ExportButton';
import { ImportButton } from '../components/import/ImportButton';
import { LeadBoard } from '../components/leads/LeadBoard';
import { useLeadColumns } from '../components/leads/leadColumns';
import { LeadFilters } from '../components/leads/LeadFilters';
import { toLeadQuery } from '../components/leads/leadQuery';
import { LeadTable } from '../components/leads/LeadTable';
import { LeadsPageLinks } from '../components/reports/LeadsPageLinks';
import { useLeadFilters, type LeadView } from '../components/leads/useLeadFilters';
import { NewLeadModal } from '../components/new-lead/NewLeadModal';
import { useCurrentUserId } from '../components/profile/useCurrentUserId';
import { useAbilities } from '../hooks/useAbilities';
import { getTranslation } from '../utils/getTranslation';

const ListView = ({ filters }: { filters: ReturnType<typeof useLeadFilters> }) => {
  const { updateLead, deleteLead } = useAbilities();
  const query = useMemo(() => toLeadQuery(filters.state), [filters.state]);
  const exportQuery = useMemo(() => exportQueryOf(filters.state), [filters.state]);
  const list = useGetLeadsQuery(query);
  const { columns, toggle, reset } = useLeadColumns(useCurrentUserId());
  const [selected, setSelected] = useState<string[]>([]);
  // a selection belongs to the leads on screen: another page or filter starts afresh
  const queryKey = JSON.stringify(query);
  useEffect(() => setSelected([]), [queryKey]);

  return (
    <Flex direction="column" alignItems="stretch" gap={3}>
      <Flex justifyContent="space-between" alignItems="flex-start" gap={2}>
        <Box flex="1">
          <BulkBar selected={selected} onClear={() => setSelected([])} />
        </Box>
        <Flex gap={2}>
          <ColumnChooser columns={columns} onToggle={toggle} onReset={reset} />
          <ExportButton query={exportQuery} />
        </Flex>
      </Flex>
      <LeadTable
        result={list.data}
        loading={list.isFetching}
        state={filters.state}
        onChange={filters.update}
        columns={columns}
        selected={selected}
        onSelect={updateLead || deleteLead ? setSelected : undefined}
      />
    </Flex>
  );
};

const BoardView = ({ filters }: { filters: ReturnType<typeof useLeadFilters> }) => {
  const { includeConverted } = filters.state;
  // the customer column is always on the board (folded until converted leads are asked for)
  const query = useMemo(() => {
    const base = toLeadQuery(filters.state, false);
    return includeConverted ? base : [...base, ['includeConverted', 'true'] as [string, string]];
  }, [filters.state, includeConverted]);
  const board = useGetBoardQuery(query);
  const failure = useApiFailure();
  // a refusal (a role that may not read statuses gets no board) is said, not drawn as an empty board
  if (board.isError) return <Typography textColor="danger600">{failure(board.error).message}</Typography>;
  return <LeadBoard columns={board.data?.data} showCustomers={includeConverted} />;
};

/** The Leads page (SPEC §4, §8): search, filters, the list or the kanban, and the way to a lead's profile. */
export const LeadsPage = () => {
  const { formatMessage } = useIntl();
  const t = (key: string, defaultMessage: string) =>
    formatMessage({ id: getTranslation(`leads.${key}`), defaultMessage });
  const filters = useLeadFilters();
  const reference = useReferenceData();
  const { createLead } = useAbilities();
  const [creating, setCreating] = useState(false);
  const title = t('title', 'Leads');

  return (
    <Layouts.Root>
      <Page.Title>{title}</Page.Title>
      <Page.Main>
        <Layouts.Header
          title={title}
          subtitle={t(
            'subtitle',
            'Open leads first: converted, lost and junk leads are hidden unless you ask for them.'
          )}
          secondaryAction={
            <Flex gap={2}>
              <ImportButton />
              <LeadsPageLinks />
            </Flex>
          }
          primaryAction={
            createLead ? (
              <Button startIcon={<Plus />} onClick={() => setCreating(true)}>
                {t('new', 'New lead')}
              </Button>
            ) : undefined
          }
        />
        <Layouts.Content>
          {creating && <NewLeadModal reference={reference} onClose={() => setCreating(false)} />}
          <Flex direction="column" alignItems="stretch" gap={6}>
            <LeadFilters
              state={filters.state}
              reference={reference}
              onChange={filters.update}
              onClear={filters.clear}
            />
            <Tabs.Root value={filters.view} onValueChange={(view) => filters.setView(view as LeadView)}>
              <Tabs.List aria-label={t('views', 'Views')}>
                <Tabs.Trigger value="list">{t('view.list', 'List')}</Tabs.Trigger>
                <Tabs.Trigger value="board">{t('view.board', 'Board')}</Tabs.Trigger>
              </Tabs.List>
              <Box paddingTop={4}>
                <Tabs.Content value="list">
                  {filters.view === 'list' && <ListView filters={filters} />}
                </Tabs.Content>
                <Tabs.Content value="board">
                  {filters.view === 'board' && <BoardView filters={filters} />}
                </Tabs.Content>
              </Box>
            </Tabs.Root>
          </Flex>
        </Layouts.Content>
      </Page.Main>
    </Layouts.Root>
  );
};

import { Box, Flex, LinkButton, Tabs } from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import { Layouts, Page } from '@strapi/strapi/admin';
import { useMemo } from 'react';
import { useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import { LEAD_UID } from '../../../server/src/contracts';
import { useGetBoardQuery, useGetLeadsQuery } from '../api/leads';
import { useReferenceData } from '../api/reference';
import { ImportButton } from '../components/import/ImportButton';
import { LeadBoard } from '../components/leads/LeadBoard';
import { LeadFilters } from '../components/leads/LeadFilters';
import { toLeadQuery } from '../components/leads/leadQuery';
import { LeadTable } from '../components/leads/LeadTable';
import { useLeadFilters, type LeadView } from '../components/leads/useLeadFilters';
import { useAbilities } from '../hooks/useAbilities';
import { getTranslation } from '../utils/getTranslation';

const ListView = ({ filters }: { filters: ReturnType<typeof useLeadFilters> }) => {
  const query = useMemo(() => toLeadQuery(filters.state), [filters.state]);
  const list = useGetLeadsQuery(query);
  return (
    <LeadTable result={list.data} loading={list.isFetching} state={filters.state} onChange={filters.update} />
  );
};

const BoardView = ({ filters }: { filters: ReturnType<typeof useLeadFilters> }) => {
  const query = useMemo(() => toLeadQuery(filters.state, false), [filters.state]);
  const board = useGetBoardQuery(query);
  return <LeadBoard columns={board.data?.data} />;
};

/** The Leads page (SPEC §4, §8): search, filters, the list or the kanban, and the way to a lead's profile. */
export const LeadsPage = () => {
  const { formatMessage } = useIntl();
  const t = (key: string, defaultMessage: string) =>
    formatMessage({ id: getTranslation(`leads.${key}`), defaultMessage });
  const filters = useLeadFilters();
  const reference = useReferenceData();
  const { createLead } = useAbilities();
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
          secondaryAction={<ImportButton />}
          primaryAction={
            createLead ? (
              <LinkButton
                tag={Link}
                to={`/content-manager/collection-types/${LEAD_UID}/create`}
                startIcon={<Plus />}
              >
                {t('create', 'Create a lead')}
              </LinkButton>
            ) : undefined
          }
        />
        <Layouts.Content>
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

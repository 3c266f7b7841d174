import {
  Box,
  Button,
  Checkbox,
  Field,
  Flex,
  Grid,
  MultiSelect,
  MultiSelectOption,
  Searchbar,
  SingleSelect,
  SingleSelectOption,
} from '@strapi/design-system';
import { useEffect, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import { staffName, type ReferenceData } from '../../api/reference';
import { getTranslation } from '../../utils/getTranslation';
import { CustomFieldFilters } from './CustomFieldFilters';
import type { LeadFilterState } from './leadQuery';

interface Props {
  state: LeadFilterState;
  reference: ReferenceData;
  onChange: (change: Partial<LeadFilterState>) => void;
  onClear: () => void;
}

const ANY = '';

/** How long typing pauses before the list is searched. */
export const SEARCH_DEBOUNCE_MS = 300;

/** One labelled filter in the grid. */
const FilterCell = ({
  name,
  label,
  children,
}: {
  name: string;
  label: string;
  children: React.ReactNode;
}) => (
  <Grid.Item col={3} s={6} xs={12} direction="column" alignItems="stretch">
    <Field.Root name={name}>
      <Field.Label>{label}</Field.Label>
      {children}
    </Field.Root>
  </Grid.Item>
);

/** Search, the filters of SPEC §4 and the toggles that lift the default exclusion. */
export const LeadFilters = ({ state, reference, onChange, onClear }: Props) => {
  const { formatMessage } = useIntl();
  const t = (key: string, defaultMessage: string) =>
    formatMessage({ id: getTranslation(`leads.filters.${key}`), defaultMessage });
  const [search, setSearch] = useState(state.q);
  // the last query this box sent: a different one in the URL (cleared filters, back) replaces the text
  const sent = useRef(state.q);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  useEffect(() => {
    if (state.q !== sent.current) {
      sent.current = state.q;
      setSearch(state.q);
    }
  }, [state.q]);

  const searchNow = (q: string) => {
    sent.current = q;
    if (q !== state.q) onChangeRef.current({ q });
  };
  // search as you type, once typing pauses; Enter searches at once
  useEffect(() => {
    if (search === sent.current) return undefined;
    const timer = setTimeout(() => {
      if (search === sent.current) return;
      sent.current = search;
      onChangeRef.current({ q: search });
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [search]);

  const field = (key: keyof LeadFilterState, label: string, type: 'date' | 'number') => (
    <Field.Root name={key}>
      <Field.Label>{label}</Field.Label>
      <Field.Input
        type={type}
        value={String(state[key])}
        onChange={(e: React.ChangeEvent<HTMLInputElement>) => onChange({ [key]: e.target.value })}
      />
    </Field.Root>
  );

  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <form
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          searchNow(search);
        }}
      >
        <Searchbar
          name="q"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onClear={() => {
            setSearch('');
            searchNow('');
          }}
          clearLabel={t('clearSearch', 'Clear the search')}
          placeholder={t('searchPlaceholder', 'Search name, email, company or phone')}
        >
          {t('search', 'Search leads')}
        </Searchbar>
      </form>
      <Grid.Root gap={3}>
        <FilterCell name="status" label={t('status', 'Status')}>
          <MultiSelect
            value={state.status}
            placeholder={t('anyStatus', 'Any status')}
            withTags
            onChange={(status: string[]) => onChange({ status })}
          >
            {reference.statuses.map((s) => (
              <MultiSelectOption key={s.documentId} value={s.documentId}>
                {s.name}
              </MultiSelectOption>
            ))}
          </MultiSelect>
        </FilterCell>
        <FilterCell name="source" label={t('source', 'Source')}>
          <SingleSelect value={state.source} onChange={(source) => onChange({ source: String(source) })}>
            <SingleSelectOption value={ANY}>{t('anySource', 'Any source')}</SingleSelectOption>
            {reference.sources.map((s) => (
              <SingleSelectOption key={s.documentId} value={s.documentId}>
                {s.name}
              </SingleSelectOption>
            ))}
          </SingleSelect>
        </FilterCell>
        <FilterCell name="assignedTo" label={t('assignedTo', 'Assigned to')}>
          <SingleSelect
            value={state.assignedTo}
            onChange={(assignedTo) => onChange({ assignedTo: String(assignedTo) })}
          >
            <SingleSelectOption value={ANY}>{t('anyone', 'Anyone')}</SingleSelectOption>
            <SingleSelectOption value="me">{t('me', 'Me')}</SingleSelectOption>
            <SingleSelectOption value="unassigned">{t('unassigned', 'Unassigned')}</SingleSelectOption>
            {reference.staff.map((member) => (
              <SingleSelectOption key={member.id} value={String(member.id)}>
                {staffName(member)}
              </SingleSelectOption>
            ))}
          </SingleSelect>
        </FilterCell>
        <FilterCell name="tags" label={t('tags', 'Tags')}>
          <MultiSelect
            value={state.tags}
            placeholder={t('anyTag', 'Any tag')}
            withTags
            onChange={(tags: string[]) => onChange({ tags })}
          >
            {reference.tags.map((tag) => (
              <MultiSelectOption key={tag.documentId} value={tag.documentId}>
                {tag.name}
              </MultiSelectOption>
            ))}
          </MultiSelect>
        </FilterCell>
        <FilterCell name="visibility" label={t('visibility', 'Visibility')}>
          <SingleSelect
            value={state.visibility}
            onChange={(value) => onChange({ visibility: value as LeadFilterState['visibility'] })}
          >
            <SingleSelectOption value={ANY}>{t('publicAndPrivate', 'Public and private')}</SingleSelectOption>
            <SingleSelectOption value="public">{t('public', 'Public')}</SingleSelectOption>
            <SingleSelectOption value="private">{t('private', 'Private')}</SingleSelectOption>
          </SingleSelect>
        </FilterCell>
        <Grid.Item col={2} s={3} xs={6} direction="column" alignItems="stretch">
          {field('createdFrom', t('createdFrom', 'Created from'), 'date')}
        </Grid.Item>
        <Grid.Item col={2} s={3} xs={6} direction="column" alignItems="stretch">
          {field('createdTo', t('createdTo', 'Created until'), 'date')}
        </Grid.Item>
        <Grid.Item col={2} s={3} xs={6} direction="column" alignItems="stretch">
          {field('valueMin', t('valueMin', 'Value from'), 'number')}
        </Grid.Item>
        <Grid.Item col={3} s={3} xs={6} direction="column" alignItems="stretch">
          {field('valueMax', t('valueMax', 'Value up to'), 'number')}
        </Grid.Item>
      </Grid.Root>
      <CustomFieldFilters
        definitions={reference.customFields}
        value={state.customFields}
        onChange={(customFields) => onChange({ customFields })}
      />
      <Flex gap={6} wrap="wrap">
        <Checkbox
          checked={state.includeConverted}
          onCheckedChange={(checked) => onChange({ includeConverted: !!checked })}
        >
          {t('includeConverted', 'Show converted leads')}
        </Checkbox>
        <Checkbox
          checked={state.includeLost}
          onCheckedChange={(checked) => onChange({ includeLost: !!checked })}
        >
          {t('includeLost', 'Show lost leads')}
        </Checkbox>
        <Checkbox
          checked={state.includeJunk}
          onCheckedChange={(checked) => onChange({ includeJunk: !!checked })}
        >
          {t('includeJunk', 'Show junk leads')}
        </Checkbox>
        <Box marginLeft="auto">
          <Button variant="tertiary" onClick={onClear}>
            {t('clear', 'Clear filters')}
          </Button>
        </Box>
      </Flex>
    </Flex>
  );
};

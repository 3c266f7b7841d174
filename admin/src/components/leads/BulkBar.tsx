import { Alert, Box, Button, Flex, MenuItem, SimpleMenu, Typography } from '@strapi/design-system';
import { Trash } from '@strapi/icons';
import { adminApi, useNotification } from '@strapi/strapi/admin';
import { useMemo, useState } from 'react';
import { useIntl } from 'react-intl';
import { useSelector } from 'react-redux';
import type { BulkAction, BulkRefusal, FindLeads } from '../../../../server/src/contracts';
import { useBulkLeadsMutation, type BulkRequest } from '../../api/bulk';
import { useApiFailure } from '../../api/errors';
import { staffName, useGetStaffQuery, useGetStatusesQuery, useGetTagsQuery } from '../../api/reference';
import { useAbilities } from '../../hooks/useAbilities';
import { getTranslation } from '../../utils/getTranslation';
import { ConfirmButton } from '../profile/ConfirmButton';

interface Props {
  /** documentIds of the selected leads. */
  selected: string[];
  onClear: () => void;
}

type BulkBody = { action: BulkAction; value?: unknown };

interface Outcome {
  action: BulkAction;
  done: string[];
  refused: BulkRefusal[];
}

type CachedQueries = Record<string, { endpointName?: string; data?: unknown } | undefined>;

/** Names of the leads the list has shown, to name a refused lead (a hidden one stays an id). */
const useLeadNames = () => {
  const queries = useSelector(
    (state: Record<string, { queries?: CachedQueries } | undefined>) => state[adminApi.reducerPath]?.queries
  );
  return useMemo(() => {
    const names = new Map<string, string>();
    for (const entry of Object.values(queries ?? {})) {
      if (entry?.endpointName !== 'getLeads') continue;
      for (const lead of (entry.data as FindLeads.Response | undefined)?.data ?? [])
        names.set(lead.documentId, lead.name);
    }
    return names;
  }, [queries]);
};

/**
 * The actions on the leads selected in the list (SPEC §8, §9): assign, status, public/private,
 * lost, junk, tags, delete. Each lead is checked by the server as if changed alone; the bar
 * shows what was done and lists what was refused. Only the actions the user may use appear.
 */
export const BulkBar = ({ selected, onClear }: Props) => {
  const { formatMessage } = useIntl();
  const t = (key: string, defaultMessage: string, values?: Record<string, string | number>) =>
    formatMessage({ id: getTranslation(`leads.bulk.${key}`), defaultMessage }, values);
  const { updateLead, deleteLead } = useAbilities();
  const { toggleNotification } = useNotification();
  const failure = useApiFailure();
  const [run, { isLoading }] = useBulkLeadsMutation();
  const statuses = useGetStatusesQuery(undefined, { skip: !updateLead }).data?.results ?? [];
  const tags = useGetTagsQuery(undefined, { skip: !updateLead }).data?.results ?? [];
  const staff = useGetStaffQuery(undefined, { skip: !updateLead }).data?.data ?? [];
  const names = useLeadNames();
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  if (!updateLead && !deleteLead) return null;
  if (!selected.length && !outcome) return null;

  const summary = ({ action, done, refused }: Outcome) =>
    action === 'delete'
      ? t('deletedSummary', '{done} deleted, {refused} refused', {
          done: done.length,
          refused: refused.length,
        })
      : t('summary', '{done} updated, {refused} refused', { done: done.length, refused: refused.length });

  const apply = async (body: BulkBody) => {
    if (isLoading) return;
    try {
      const { data } = await run({ ...body, ids: selected } as BulkRequest).unwrap();
      const result = { action: body.action, ...data };
      setOutcome(result);
      toggleNotification({ type: data.refused.length ? 'warning' : 'success', message: summary(result) });
      onClear();
    } catch (error) {
      toggleNotification({ type: 'danger', message: failure(error).message });
    }
  };

  const menu = (label: string, items: { key: string; label: string; body: BulkBody }[]) => (
    <SimpleMenu label={label} variant="tertiary" disabled={isLoading}>
      {items.map((item) => (
        <MenuItem key={item.key} onSelect={() => void apply(item.body)}>
          {item.label}
        </MenuItem>
      ))}
    </SimpleMenu>
  );

  return (
    <Box background="primary100" padding={3} hasRadius>
      {selected.length > 0 && (
        <Flex gap={2} wrap="wrap" alignItems="center">
          <Typography fontWeight="semiBold">
            {t('selected', '{count, plural, one {# lead selected} other {# leads selected}}', {
              count: selected.length,
            })}
          </Typography>
          {updateLead && (
            <>
              {menu(t('assign', 'Assign to'), [
                {
                  key: 'none',
                  label: t('unassigned', 'Unassigned'),
                  body: { action: 'assign', value: null },
                },
                ...staff.map((member) => ({
                  key: String(member.id),
                  label: staffName(member),
                  body: { action: 'assign' as const, value: member.id },
                })),
              ])}
              {menu(
                t('status', 'Change status'),
                statuses
                  .filter((status) => !status.isCustomerStatus)
                  .map((status) => ({
                    key: status.documentId,
                    label: status.name,
                    body: { action: 'status' as const, value: status.documentId },
                  }))
              )}
              {menu(t('visibility', 'Public / private'), [
                {
                  key: 'public',
                  label: t('makePublic', 'Make public'),
                  body: { action: 'public', value: true },
                },
                {
                  key: 'private',
                  label: t('makePrivate', 'Make private'),
                  body: { action: 'public', value: false },
                },
              ])}
              {menu(t('flags', 'Lost / junk'), [
                { key: 'lost', label: t('lost', 'Mark as lost'), body: { action: 'lost', value: true } },
                { key: 'notLost', label: t('notLost', 'Not lost'), body: { action: 'lost', value: false } },
                { key: 'junk', label: t('junk', 'Mark as junk'), body: { action: 'junk', value: true } },
                { key: 'notJunk', label: t('notJunk', 'Not junk'), body: { action: 'junk', value: false } },
              ])}
              {tags.length > 0 &&
                menu(
                  t('addTag', 'Add a tag'),
                  tags.map((tag) => ({
                    key: tag.documentId,
                    label: tag.name,
                    body: { action: 'tags.add' as const, value: [tag.documentId] },
                  }))
                )}
              {tags.length > 0 &&
                menu(
                  t('removeTag', 'Remove a tag'),
                  tags.map((tag) => ({
                    key: tag.documentId,
                    label: tag.name,
                    body: { action: 'tags.remove' as const, value: [tag.documentId] },
                  }))
                )}
            </>
          )}
          {deleteLead && (
            <ConfirmButton
              label={t('delete', 'Delete')}
              icon={<Trash />}
              title={t('deleteTitle', 'Delete {count, plural, one {# lead} other {# leads}}?', {
                count: selected.length,
              })}
              body={t(
                'deleteBody',
                'The selected leads will be deleted with their notes, tasks, reminders, opportunities and files. This cannot be undone.'
              )}
              confirmLabel={t('deleteConfirm', 'Delete')}
              onConfirm={() => apply({ action: 'delete' })}
            />
          )}
          <Button variant="ghost" onClick={onClear}>
            {t('clear', 'Clear selection')}
          </Button>
        </Flex>
      )}
      {outcome && (
        <Box paddingTop={selected.length ? 3 : 0}>
          <Alert
            title={summary(outcome)}
            variant={outcome.refused.length ? 'warning' : 'success'}
            closeLabel={t('closeSummary', 'Close')}
            onClose={() => setOutcome(null)}
          >
            {outcome.refused.length > 0 && (
              <Box tag="ul" aria-label={t('refusedList', 'Refused leads')}>
                {outcome.refused.map((refusal) => (
                  <li key={refusal.id}>
                    <Typography variant="pi">
                      {t('refusal', '{lead}: {message}', {
                        lead: names.get(refusal.id) ?? refusal.id,
                        message: refusal.message,
                      })}
                    </Typography>
                  </li>
                ))}
              </Box>
            )}
          </Alert>
        </Box>
      )}
    </Box>
  );
};

import {
  Badge,
  Box,
  Button,
  EmptyStateLayout,
  Flex,
  IconButton,
  Loader,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
  VisuallyHidden,
} from '@strapi/design-system';
import { Pencil, Plus, Trash } from '@strapi/icons';
import { useNotification } from '@strapi/strapi/admin';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { useApiFailure } from '../../api/errors';
import { staffName } from '../../api/reference';
import {
  useCreateSectionMutation,
  useDeleteSectionMutation,
  useGetSectionQuery,
  useUpdateSectionMutation,
} from '../../api/sections';
import type { SectionInput, SectionKind, SectionRecord, StaffRef } from '../../../../server/src/contracts';
import { useAbilities } from '../../hooks/useAbilities';
import { getTranslation } from '../../utils/getTranslation';
import { ConfirmButton } from './ConfirmButton';
import { Pager } from './Pager';
import { SectionFormModal } from './SectionFormModal';
import { SECTION_SPECS, type SectionField } from './sectionSpecs';
import { useProfileText } from './useProfileText';

interface Props {
  kind: SectionKind;
  leadId: string;
  staff: StaffRef[];
  /** The signed-in user: a note may be changed by its author only. */
  currentUserId: number | null;
}

/** One section of the profile (notes, tasks, reminders, opportunities): its list, add, edit, delete. */
export const SectionPanel = ({ kind, leadId, staff, currentUserId }: Props) => {
  const spec = SECTION_SPECS[kind];
  const { formatMessage, formatDate, formatNumber } = useIntl();
  const t = useProfileText(kind);
  const common = useProfileText('sections');
  const abilities = useAbilities();
  const { toggleNotification } = useNotification();
  const [page, setPage] = useState(1);
  const list = useGetSectionQuery({ kind, leadId, page });
  const [create] = useCreateSectionMutation();
  const [update] = useUpdateSectionMutation();
  const [remove] = useDeleteSectionMutation();
  const failure = useApiFailure();
  const [editing, setEditing] = useState<SectionRecord | 'new' | null>(null);
  const records: SectionRecord[] = list.data?.data ?? [];
  // the last record of a later page was deleted: show the page before it
  if (list.isSuccess && !list.isFetching && records.length === 0 && page > 1) setPage(page - 1);

  const label = (field: SectionField) =>
    formatMessage({ id: getTranslation(`profile.${kind}.field.${field.name}`), defaultMessage: field.label });

  /** A note may be changed by its author or a manager: the list says so per note. */
  const mayChange = (record: SectionRecord, action: 'update' | 'delete') =>
    abilities.section(kind, action) &&
    (kind !== 'notes' ||
      ('canChange' in record && record.canChange !== undefined
        ? record.canChange
        : currentUserId !== null && 'author' in record && record.author?.id === currentUserId));

  const show = (record: SectionRecord, field: SectionField): React.ReactNode => {
    const value = (record as unknown as Record<string, unknown>)[field.name];
    if (value === null || value === undefined || value === '') return '—';
    switch (field.type) {
      case 'staff':
        return staffName(value as StaffRef);
      case 'date':
        return formatDate(`${String(value)}T00:00:00`, { dateStyle: 'medium' });
      case 'datetime':
        return formatDate(String(value), { dateStyle: 'medium', timeStyle: 'short' });
      case 'number':
        return formatNumber(Number(value));
      case 'taskStatus':
        return value === 'done' ? (
          <Badge active>{common('done', 'Done')}</Badge>
        ) : (
          <Badge>{common('open', 'Open')}</Badge>
        );
      case 'textarea':
        return (
          <Typography style={{ whiteSpace: 'pre-wrap' }} ellipsis={false}>
            {String(value)}
          </Typography>
        );
      default:
        return String(value);
    }
  };

  const submit = async (body: SectionInput) => {
    if (editing === 'new') {
      await create({ kind, leadId, body }).unwrap();
      toggleNotification({ type: 'success', message: t('created', spec.texts.created) });
      setPage(1);
    } else if (editing) {
      await update({ kind, leadId, documentId: editing.documentId, body }).unwrap();
      toggleNotification({ type: 'success', message: t('updated', spec.texts.updated) });
    }
    setEditing(null);
  };

  const deleteRecord = async (record: SectionRecord) => {
    try {
      await remove({ kind, leadId, documentId: record.documentId }).unwrap();
      toggleNotification({ type: 'success', message: t('deleted', spec.texts.deleted) });
    } catch (error) {
      toggleNotification({ type: 'danger', message: failure(error).message });
    }
  };

  const body = (() => {
    if (list.isError) {
      return <Typography textColor="danger600">{failure(list.error).message}</Typography>;
    }
    if (!list.data) return <Loader small>{common('loading', 'Loading…')}</Loader>;
    if (records.length === 0) return <EmptyStateLayout content={t('empty', spec.texts.empty)} />;
    return (
      <>
        <Table colCount={spec.columns.length + 1} rowCount={records.length + 1}>
          <Thead>
            <Tr>
              {spec.columns.map((field) => (
                <Th key={field.name}>
                  <Typography variant="sigma">{label(field)}</Typography>
                </Th>
              ))}
              <Th>
                <VisuallyHidden>{common('actions', 'Actions')}</VisuallyHidden>
              </Th>
            </Tr>
          </Thead>
          <Tbody>
            {records.map((record) => (
              <Tr key={record.documentId}>
                {spec.columns.map((field) => (
                  <Td key={field.name}>{show(record, field)}</Td>
                ))}
                <Td>
                  <Flex gap={1} justifyContent="flex-end">
                    {mayChange(record, 'update') && (
                      <IconButton
                        label={common('edit', 'Edit')}
                        variant="ghost"
                        onClick={() => setEditing(record)}
                      >
                        <Pencil />
                      </IconButton>
                    )}
                    {mayChange(record, 'delete') && (
                      <ConfirmButton
                        iconOnly
                        icon={<Trash />}
                        label={common('delete', 'Delete')}
                        title={t('deleteTitle', spec.texts.deleteTitle)}
                        body={t('deleteBody', spec.texts.deleteBody)}
                        confirmLabel={common('delete', 'Delete')}
                        onConfirm={() => deleteRecord(record)}
                      />
                    )}
                  </Flex>
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
        <Pager pagination={list.data.meta.pagination} onPage={setPage} />
      </>
    );
  })();

  return (
    <Box>
      <Flex justifyContent="space-between" alignItems="center" paddingBottom={4}>
        <Typography variant="delta" tag="h2">
          {t('title', spec.texts.title)}
        </Typography>
        {abilities.section(kind, 'create') && (
          <Button startIcon={<Plus />} onClick={() => setEditing('new')}>
            {t('add', spec.texts.add)}
          </Button>
        )}
      </Flex>
      {body}
      {editing && (
        <SectionFormModal
          spec={spec}
          record={editing === 'new' ? null : editing}
          staff={staff}
          onSubmit={submit}
          onClose={() => setEditing(null)}
        />
      )}
    </Box>
  );
};

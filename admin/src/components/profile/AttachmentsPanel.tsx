import {
  Box,
  Button,
  EmptyStateLayout,
  Flex,
  Loader,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  TextButton,
  Tr,
  Typography,
  VisuallyHidden,
} from '@strapi/design-system';
import { Trash, Upload } from '@strapi/icons';
import { useNotification } from '@strapi/strapi/admin';
import { useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import {
  useDeleteAttachmentMutation,
  useDownloadAttachmentMutation,
  useGetAttachmentsQuery,
  useUploadAttachmentsMutation,
  type Attachment,
} from '../../api/attachments';
import { useApiFailure } from '../../api/errors';
import { ConfirmButton } from './ConfirmButton';
import { formatFileSize } from './fileSize';
import { useProfileText } from './useProfileText';

interface Props {
  leadId: string;
  /** Uploading and deleting files change the lead: they need update on it. */
  canEdit: boolean;
}

const useFileSize = () => {
  const { formatNumber } = useIntl();
  return (kilobytes: number) => formatFileSize(kilobytes, formatNumber);
};

/** The Attachments tab: the lead's files, uploads and deletions. */
export const AttachmentsPanel = ({ leadId, canEdit }: Props) => {
  const t = useProfileText('attachments');
  const { formatDate } = useIntl();
  const fileSize = useFileSize();
  const { toggleNotification } = useNotification();
  const list = useGetAttachmentsQuery(leadId);
  const [uploadFiles] = useUploadAttachmentsMutation();
  const [deleteFile] = useDeleteAttachmentMutation();
  const [download] = useDownloadAttachmentMutation();
  const toFailure = useApiFailure();
  const input = useRef<HTMLInputElement>(null);
  const [uploading, setUploading] = useState(false);
  const files = list.data?.data ?? [];

  const upload = async (chosen: File[]) => {
    if (chosen.length === 0) return;
    setUploading(true);
    try {
      await uploadFiles({ leadId, files: chosen }).unwrap();
      toggleNotification({
        type: 'success',
        message: t('uploaded', '{count, plural, one {# file was} other {# files were}} added.', {
          count: chosen.length,
        }),
      });
    } catch (error) {
      const failure = toFailure(error);
      const messages = Object.values(failure.fieldErrors);
      toggleNotification({ type: 'danger', message: messages.length ? messages.join(' ') : failure.message });
    } finally {
      setUploading(false);
      if (input.current) input.current.value = '';
    }
  };

  const remove = async (file: Attachment) => {
    try {
      await deleteFile({ leadId, documentId: file.documentId }).unwrap();
      toggleNotification({
        type: 'success',
        message: t('deleted', '{name} was deleted.', { name: file.name }),
      });
    } catch (error) {
      toggleNotification({ type: 'danger', message: toFailure(error).message });
    }
  };

  const body = (() => {
    if (list.isError) return <Typography textColor="danger600">{toFailure(list.error).message}</Typography>;
    if (!list.data) return <Loader small>{t('loading', 'Loading the files…')}</Loader>;
    if (files.length === 0) return <EmptyStateLayout content={t('empty', 'No file yet.')} />;
    return (
      <Table colCount={5} rowCount={files.length + 1}>
        <Thead>
          <Tr>
            <Th>
              <Typography variant="sigma">{t('name', 'File')}</Typography>
            </Th>
            <Th>
              <Typography variant="sigma">{t('type', 'Type')}</Typography>
            </Th>
            <Th>
              <Typography variant="sigma">{t('size', 'Size')}</Typography>
            </Th>
            <Th>
              <Typography variant="sigma">{t('added', 'Added')}</Typography>
            </Th>
            <Th>
              <VisuallyHidden>{t('actions', 'Actions')}</VisuallyHidden>
            </Th>
          </Tr>
        </Thead>
        <Tbody>
          {files.map((file) => (
            <Tr key={file.documentId}>
              <Td>
                <TextButton
                  onClick={() =>
                    download(file)
                      .unwrap()
                      .catch((error) =>
                        toggleNotification({ type: 'danger', message: toFailure(error).message })
                      )
                  }
                  aria-label={t('download', 'Download {name}', { name: file.name })}
                >
                  {file.name}
                </TextButton>
              </Td>
              <Td>
                <Typography>{file.mime}</Typography>
              </Td>
              <Td>
                <Typography>{fileSize(file.size)}</Typography>
              </Td>
              <Td>
                <Typography>
                  {formatDate(file.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}
                </Typography>
              </Td>
              <Td>
                {canEdit && (
                  <ConfirmButton
                    iconOnly
                    icon={<Trash />}
                    label={t('delete', 'Delete {name}', { name: file.name })}
                    title={t('deleteTitle', 'Delete this file?')}
                    body={t(
                      'deleteBody',
                      '{name} will be deleted from the lead and from the media library.',
                      {
                        name: file.name,
                      }
                    )}
                    confirmLabel={t('deleteConfirm', 'Delete')}
                    onConfirm={() => remove(file)}
                  />
                )}
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
    );
  })();

  return (
    <Box>
      <Flex justifyContent="space-between" alignItems="center" paddingBottom={4}>
        <Typography variant="delta" tag="h2">
          {t('title', 'Attachments')}
        </Typography>
        {canEdit && (
          <>
            <VisuallyHidden>
              <input
                ref={input}
                type="file"
                multiple
                tabIndex={-1}
                aria-label={t('choose', 'Files to upload')}
                onChange={(e) => upload(Array.from(e.target.files ?? []))}
              />
            </VisuallyHidden>
            <Button startIcon={<Upload />} loading={uploading} onClick={() => input.current?.click()}>
              {t('upload', 'Upload files')}
            </Button>
          </>
        )}
      </Flex>
      {body}
    </Box>
  );
};

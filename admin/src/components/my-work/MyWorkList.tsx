import { Badge, Button, Flex, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Check } from '@strapi/icons';
import { useNotification, useRBAC } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import { CUSTOMER_UID, SECTION_ABILITIES, type MyWorkItem } from '../../../../server/src/contracts';
import { useApiFailure } from '../../api/errors';
import { useCompleteTaskMutation } from '../../api/my-work';
import { getTranslation } from '../../utils/getTranslation';

/** Where an item's lead (the plugin's profile) or customer (the Content Manager) opens. */
export const parentLink = (item: MyWorkItem) => {
  if (item.lead) return { to: `/plugins/crm/leads/${item.lead.documentId}`, name: item.lead.name };
  if (item.customer)
    return {
      to: `/content-manager/collection-types/${CUSTOMER_UID}/${item.customer.documentId}`,
      name: item.customer.name,
    };
  return null;
};

const useText = () => {
  const { formatMessage } = useIntl();
  return (key: string, defaultMessage: string, values?: Record<string, string>) =>
    formatMessage({ id: getTranslation(`myWork.${key}`), defaultMessage }, values);
};

/** The date of an item as staff read it: a task's day, a reminder's day and time. */
export const useDueText = () => {
  const { formatDate } = useIntl();
  const t = useText();
  return (item: MyWorkItem) => {
    if (!item.due) return t('noDate', 'No date');
    return item.kind === 'task'
      ? formatDate(`${item.due}T00:00:00.000Z`, { dateStyle: 'medium', timeZone: 'UTC' })
      : formatDate(item.due, { dateStyle: 'medium', timeStyle: 'short' });
  };
};

const CompleteButton = ({ item }: { item: MyWorkItem }) => {
  const t = useText();
  const [complete, { isLoading }] = useCompleteTaskMutation();
  const { toggleNotification } = useNotification();
  const failure = useApiFailure();
  const onClick = async () => {
    const result = await complete({ documentId: item.documentId, leadId: item.lead?.documentId });
    if ('error' in result) toggleNotification({ type: 'danger', message: failure(result.error).message });
    else toggleNotification({ type: 'success', message: t('completed', 'Task completed.') });
  };
  return (
    <Button
      variant="secondary"
      size="S"
      startIcon={<Check />}
      loading={isLoading}
      onClick={onClick}
      aria-label={t('completeTask', 'Complete "{title}"', { title: item.title })}
    >
      {t('complete', 'Complete')}
    </Button>
  );
};

/** The caller's tasks and reminders, overdue ones marked; tasks can be completed from here. */
export const MyWorkList = ({ items }: { items: MyWorkItem[] }) => {
  const t = useText();
  const due = useDueText();
  const { allowedActions } = useRBAC(SECTION_ABILITIES.tasks);
  const headers = [t('kind', 'Type'), t('item', 'What'), t('due', 'Due'), t('about', 'About'), ''];
  return (
    <Table colCount={headers.length} rowCount={items.length + 1}>
      <Thead>
        <Tr>
          {headers.map((header, i) => (
            <Th key={i}>
              <Typography variant="sigma">{header}</Typography>
            </Th>
          ))}
        </Tr>
      </Thead>
      <Tbody>
        {items.map((item) => {
          const parent = parentLink(item);
          return (
            <Tr key={`${item.kind}-${item.documentId}`} data-overdue={item.overdue || undefined}>
              <Td>
                <Typography>
                  {item.kind === 'task' ? t('task', 'Task') : t('reminder', 'Reminder')}
                </Typography>
              </Td>
              <Td>
                <Typography fontWeight="semiBold">{item.title}</Typography>
              </Td>
              <Td>
                <Flex gap={2}>
                  <Typography textColor={item.overdue ? 'danger600' : undefined}>{due(item)}</Typography>
                  {item.overdue && (
                    <Badge backgroundColor="danger100" textColor="danger700">
                      {t('overdue', 'Overdue')}
                    </Badge>
                  )}
                </Flex>
              </Td>
              <Td>
                {parent ? (
                  <Link to={parent.to}>
                    <Typography textColor="primary600">{parent.name}</Typography>
                  </Link>
                ) : null}
              </Td>
              <Td>
                {item.kind === 'task' && allowedActions.canUpdate ? <CompleteButton item={item} /> : null}
              </Td>
            </Tr>
          );
        })}
      </Tbody>
    </Table>
  );
};

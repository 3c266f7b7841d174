import { Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { Link, useLocation } from 'react-router-dom';
import { listReturnState } from './listReturn';
import { staffName } from '../../api/reference';
import type { BoardCard } from '../../../../server/src/contracts';
import { getTranslation } from '../../utils/getTranslation';
import { ageOf, isOverdue } from './boardText';

interface Props {
  lead: BoardCard;
  /** Formats a value in the configured currency. */
  money: (value: number) => string;
  now: number;
}

/** What a card says of its lead: name, company and value, assignee, age, last contact, next task. */
export const BoardCardBody = ({ lead, money, now }: Props) => {
  const { formatMessage, formatDate } = useIntl();
  const { search } = useLocation();
  const t = (key: string, defaultMessage: string, values?: Record<string, string | number>) =>
    formatMessage({ id: getTranslation(`leads.board.card.${key}`), defaultMessage }, values);
  const age = ageOf(lead.createdAt, now);
  const ageText = {
    minutes: t('ageMinutes', '{count} min', { count: age.count }),
    hours: t('ageHours', '{count} h', { count: age.count }),
    days: t('ageDays', '{count} d', { count: age.count }),
  }[age.unit];
  const task = lead.nextTask;
  // a due date without a time is that calendar day wherever the reader is
  const dueText = (due: string) =>
    formatDate(due, { dateStyle: 'medium', ...(due.length === 10 ? { timeZone: 'UTC' } : {}) });
  const overdue = task ? isOverdue(task.dueDate, now) : false;

  return (
    <Flex direction="column" alignItems="flex-start" gap={1}>
      <Link to={`leads/${lead.documentId}`} state={listReturnState(search)}>
        <Typography fontWeight="semiBold" textColor="primary600">
          {lead.name}
        </Typography>
      </Link>
      <Typography variant="pi" textColor="neutral600">
        {[lead.company, lead.value === null ? null : money(lead.value)].filter(Boolean).join(' · ')}
      </Typography>
      <Typography variant="pi" textColor="neutral600">
        {lead.assignedTo ? staffName(lead.assignedTo) : t('unassigned', 'Unassigned')}
      </Typography>
      <Typography
        variant="pi"
        textColor="neutral600"
        title={formatDate(lead.createdAt, { dateStyle: 'medium' })}
      >
        {t('age', 'Age {age}', { age: ageText })}
        {' · '}
        {lead.lastContactAt
          ? t('lastContact', 'Last contact {date}', {
              date: formatDate(lead.lastContactAt, { dateStyle: 'medium' }),
            })
          : t('noContact', 'Not contacted yet')}
      </Typography>
      {task && (
        <Typography variant="pi" textColor={overdue ? 'danger600' : 'neutral800'} data-next-task="">
          {task.dueDate
            ? overdue
              ? t('nextTaskOverdue', 'Next: {title} (overdue, {due})', {
                  title: task.title,
                  due: dueText(task.dueDate),
                })
              : t('nextTaskDue', 'Next: {title} ({due})', { title: task.title, due: dueText(task.dueDate) })
            : t('nextTask', 'Next: {title}', { title: task.title })}
        </Typography>
      )}
      {task === null && (
        <Typography variant="pi" textColor="neutral500">
          {t('noTask', 'No open task')}
        </Typography>
      )}
    </Flex>
  );
};

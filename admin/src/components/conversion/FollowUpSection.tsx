import {
  Box,
  Checkbox,
  Field,
  Flex,
  Grid,
  SingleSelect,
  SingleSelectOption,
  Typography,
} from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { staffName } from '../../api/reference';
import type { StaffRef } from '../../../../server/src/contracts';
import { getTranslation } from '../../utils/getTranslation';
import type { DraftControls } from './useConversionDraft';

interface Props {
  controls: DraftControls;
  errors: Record<string, string>;
  staff: StaffRef[];
}

/** Notes carried over to the customer, and an optional follow-up task on it. */
export const FollowUpSection = ({ controls, errors, staff }: Props) => {
  const { formatMessage } = useIntl();
  const t = (key: string, defaultMessage: string) =>
    formatMessage({ id: getTranslation(`conversion.followUp.${key}`), defaultMessage });
  const { followUp, transferNotes } = controls.draft;
  return (
    <Box>
      <Typography variant="delta" tag="h3">
        {t('title', 'Follow-up')}
      </Typography>
      <Flex direction="column" alignItems="stretch" gap={3} paddingTop={3}>
        <Checkbox checked={transferNotes} onCheckedChange={(checked) => controls.setTransferNotes(!!checked)}>
          {t('transferNotes', "Copy the lead's notes to the customer")}
        </Checkbox>
        <Checkbox
          checked={followUp.enabled}
          onCheckedChange={(checked) => controls.setFollowUp({ enabled: !!checked })}
        >
          {t('enabled', 'Add a follow-up task')}
        </Checkbox>
        {followUp.enabled && (
          <Grid.Root gap={4}>
            <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
              <Field.Root name="followUpTask.title" error={errors['followUpTask.title']} required>
                <Field.Label>{t('taskTitle', 'Task')}</Field.Label>
                <Field.Input
                  value={followUp.title}
                  onChange={(e: React.ChangeEvent<HTMLInputElement>) =>
                    controls.setFollowUp({ title: e.target.value })
                  }
                />
                <Field.Error />
              </Field.Root>
            </Grid.Item>
            <Grid.Item col={3} s={12} direction="column" alignItems="stretch">
              <Field.Root name="followUpTask.dueDate" error={errors['followUpTask.dueDate']}>
                <Field.Label>{t('dueDate', 'Due date')}</Field.Label>
                <Field.Input
                  type="date"
                  value={followUp.dueDate}
                  onChange={(e: React.ChangeEvent<HTMLInputElement>) =>
                    controls.setFollowUp({ dueDate: e.target.value })
                  }
                />
                <Field.Error />
              </Field.Root>
            </Grid.Item>
            <Grid.Item col={3} s={12} direction="column" alignItems="stretch">
              <Field.Root name="followUpTask.assignedTo" error={errors['followUpTask.assignedTo']}>
                <Field.Label>{t('assignedTo', 'Assigned to')}</Field.Label>
                <SingleSelect
                  value={followUp.assignedTo}
                  placeholder={t('unassigned', 'Unassigned')}
                  onChange={(value) => controls.setFollowUp({ assignedTo: String(value) })}
                >
                  {staff.map((member) => (
                    <SingleSelectOption key={member.id} value={String(member.id)}>
                      {staffName(member)}
                    </SingleSelectOption>
                  ))}
                </SingleSelect>
                <Field.Error />
              </Field.Root>
            </Grid.Item>
          </Grid.Root>
        )}
      </Flex>
    </Box>
  );
};

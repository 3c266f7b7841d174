import { Box, Button, Checkbox, Flex, Popover, TextButton } from '@strapi/design-system';
import { Layout } from '@strapi/icons';
import { useIntl } from 'react-intl';
import { getTranslation } from '../../utils/getTranslation';
import { LEAD_COLUMNS, type LeadColumnKey } from './leadColumns';

interface Props {
  columns: LeadColumnKey[];
  onToggle: (column: LeadColumnKey, shown: boolean) => void;
  onReset: () => void;
}

/** "Columns": which of the list's columns are shown (the name always is). */
export const ColumnChooser = ({ columns, onToggle, onReset }: Props) => {
  const { formatMessage } = useIntl();
  const t = (key: string, defaultMessage: string) =>
    formatMessage({ id: getTranslation(`leads.columns.${key}`), defaultMessage });
  const column = (key: string, label: string) =>
    formatMessage({ id: getTranslation(`leads.table.column.${key}`), defaultMessage: label });

  return (
    <Popover.Root>
      <Popover.Trigger>
        <Button variant="tertiary" startIcon={<Layout />}>
          {t('choose', 'Columns')}
        </Button>
      </Popover.Trigger>
      <Popover.Content side="bottom" align="end" aria-label={t('label', 'Columns shown')}>
        <Box padding={3}>
          <Flex direction="column" alignItems="stretch" gap={2}>
            {LEAD_COLUMNS.map((c) => (
              <Checkbox
                key={c.key}
                checked={columns.includes(c.key)}
                disabled={c.key === 'name'}
                onCheckedChange={(checked) => onToggle(c.key, !!checked)}
              >
                {column(c.key, c.label)}
              </Checkbox>
            ))}
            <TextButton onClick={onReset}>{t('reset', 'Reset to the default columns')}</TextButton>
          </Flex>
        </Box>
      </Popover.Content>
    </Popover.Root>
  );
};

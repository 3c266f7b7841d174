import {
  Box,
  Field,
  SingleSelect,
  SingleSelectOption,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { ConversionPrefill, MergeChoice } from '../../../../server/src/contracts';
import { getTranslation } from '../../utils/getTranslation';
import { CUSTOMER_LABELS } from '../../utils/fieldLabels';
import { displayValue, targetsFor } from './targets';
import type { DraftControls } from './useConversionDraft';

interface Props {
  prefill: ConversionPrefill;
  controls: DraftControls;
  /** Errors by slug, already mapped from `customFields.<index>.*`. */
  errors: Record<string, string>;
}

/** One row per lead custom field: where its value goes on the customer. */
export const MergeTable = ({ prefill, controls, errors }: Props) => {
  const { formatMessage } = useIntl();
  const t = (key: string, defaultMessage: string, values?: Record<string, string>) =>
    formatMessage({ id: getTranslation(`conversion.merge.${key}`), defaultMessage }, values);
  const customerLabel = (field: string) =>
    formatMessage({
      id: getTranslation(`conversion.customer.${field}`),
      defaultMessage: CUSTOMER_LABELS[field] ?? field,
    });

  if (prefill.customFields.length === 0) return null;
  return (
    <Box>
      <Typography variant="delta" tag="h3">
        {t('title', 'Custom fields')}
      </Typography>
      <Box paddingTop={3}>
        <Table colCount={4} rowCount={prefill.customFields.length + 1}>
          <Thead>
            <Tr>
              <Th>
                <Typography variant="sigma">{t('field', 'Field')}</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">{t('value', 'Value')}</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">{t('choice', 'Merge')}</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">{t('target', 'Customer field')}</Typography>
              </Th>
            </Tr>
          </Thead>
          <Tbody>
            {prefill.customFields.map((field) => {
              const { merge, target } = controls.draft.merges[field.slug];
              const targets = targetsFor(prefill, field);
              const empty = field.value === null || field.value === undefined || field.value === '';
              // what the customer field already holds, which the merged value would replace
              const replaced =
                merge === 'database'
                  ? String((controls.draft.customer as Record<string, unknown>)[target] ?? '').trim()
                  : '';
              return (
                <Tr key={field.slug}>
                  <Td>
                    <Typography fontWeight="semiBold">{field.name}</Typography>
                  </Td>
                  <Td>
                    <Typography>{displayValue(field.value)}</Typography>
                  </Td>
                  <Td>
                    <SingleSelect
                      aria-label={t('choiceFor', 'How to merge {name}', { name: field.name })}
                      value={merge}
                      disabled={empty}
                      onChange={(value) => controls.setMerge(field.slug, { merge: value as MergeChoice })}
                    >
                      <SingleSelectOption value="custom">{t('custom', 'As custom field')}</SingleSelectOption>
                      {targets.length > 0 && (
                        <SingleSelectOption value="database">
                          {t('database', 'Into a customer field')}
                        </SingleSelectOption>
                      )}
                      <SingleSelectOption value="skip">{t('skip', "Don't merge")}</SingleSelectOption>
                    </SingleSelect>
                  </Td>
                  <Td>
                    {merge === 'database' ? (
                      <Field.Root
                        name={`merge.${field.slug}.target`}
                        error={errors[field.slug]}
                        hint={
                          replaced && replaced !== displayValue(field.value)
                            ? t('replaces', 'Replaces “{value}” above', { value: replaced })
                            : undefined
                        }
                      >
                        <SingleSelect
                          aria-label={t('targetFor', 'Customer field for {name}', { name: field.name })}
                          value={target}
                          onChange={(value) => controls.setMerge(field.slug, { target: String(value) })}
                        >
                          {targets.map((option) => (
                            <SingleSelectOption key={option.field} value={option.field}>
                              {customerLabel(option.field)}
                            </SingleSelectOption>
                          ))}
                        </SingleSelect>
                        <Field.Hint />
                        <Field.Error />
                      </Field.Root>
                    ) : (
                      <Typography textColor="neutral600">
                        {errors[field.slug] ?? (merge === 'custom' ? field.slug : '—')}
                      </Typography>
                    )}
                  </Td>
                </Tr>
              );
            })}
          </Tbody>
        </Table>
      </Box>
    </Box>
  );
};

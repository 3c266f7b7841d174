import { Field, Grid, SingleSelect, SingleSelectOption } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { CustomFieldDefinition, CustomFieldFilterOperator } from '../../../../server/src/contracts';
import { getTranslation } from '../../utils/getTranslation';
import type { CustomFieldFilters as Filters } from './leadQuery';

interface Props {
  definitions: CustomFieldDefinition[];
  value: Filters;
  onChange: (customFields: Filters) => void;
}

const ANY = '';

/**
 * A filter per lead custom field, typed by the field: a choice for select, multiselect and
 * checkbox fields, a range for numbers and dates, "contains" for text. Conditions go to the API as
 * `customFields[<slug>][<operator>]`.
 */
export const CustomFieldFilters = ({ definitions, value, onChange }: Props) => {
  const { formatMessage } = useIntl();
  const t = (key: string, defaultMessage: string, values?: Record<string, string>) =>
    formatMessage({ id: getTranslation(`leads.filters.customFields.${key}`), defaultMessage }, values);

  const get = (slug: string, operator: CustomFieldFilterOperator) => value[slug]?.[operator] ?? '';
  const set = (slug: string, operator: CustomFieldFilterOperator, next: string) =>
    onChange({ ...value, [slug]: { ...value[slug], [operator]: next } });

  const input = (
    def: CustomFieldDefinition,
    operator: CustomFieldFilterOperator,
    label: string,
    type: 'text' | 'number' | 'date'
  ) => (
    <Grid.Item key={`${def.slug}-${operator}`} col={3} s={6} xs={12} direction="column" alignItems="stretch">
      <Field.Root name={`customFields.${def.slug}.${operator}`}>
        <Field.Label>{label}</Field.Label>
        <Field.Input
          type={type}
          value={get(def.slug, operator)}
          onChange={(e: React.ChangeEvent<HTMLInputElement>) => set(def.slug, operator, e.target.value)}
        />
      </Field.Root>
    </Grid.Item>
  );

  const choice = (
    def: CustomFieldDefinition,
    operator: CustomFieldFilterOperator,
    options: { value: string; label: string }[]
  ) => (
    <Grid.Item key={def.slug} col={3} s={6} xs={12} direction="column" alignItems="stretch">
      <Field.Root name={`customFields.${def.slug}`}>
        <Field.Label>{def.name}</Field.Label>
        <SingleSelect
          value={get(def.slug, operator)}
          onChange={(next) => set(def.slug, operator, String(next))}
        >
          <SingleSelectOption value={ANY}>{t('any', 'Any')}</SingleSelectOption>
          {options.map((option) => (
            <SingleSelectOption key={option.value} value={option.value}>
              {option.label}
            </SingleSelectOption>
          ))}
        </SingleSelect>
      </Field.Root>
    </Grid.Item>
  );

  const filterOf = (def: CustomFieldDefinition) => {
    const name = { name: def.name };
    switch (def.type) {
      case 'select':
        return choice(
          def,
          '$eq',
          (def.options ?? []).map((o) => ({ value: o, label: o }))
        );
      case 'multiselect':
        return choice(
          def,
          '$contains',
          (def.options ?? []).map((o) => ({ value: o, label: o }))
        );
      case 'checkbox':
        return choice(def, '$eq', [
          { value: 'true', label: t('yes', 'Yes') },
          { value: 'false', label: t('no', 'No') },
        ]);
      case 'number':
        return [
          input(def, '$gte', t('from', '{name} from', name), 'number'),
          input(def, '$lte', t('to', '{name} up to', name), 'number'),
        ];
      case 'date':
        return [
          input(def, '$gte', t('from', '{name} from', name), 'date'),
          input(def, '$lte', t('to', '{name} up to', name), 'date'),
        ];
      default:
        return input(def, '$containsi', t('contains', '{name} contains', name), 'text');
    }
  };

  if (definitions.length === 0) return null;
  return (
    <Grid.Root gap={3} aria-label={t('title', 'Custom fields')} role="group">
      {definitions.map(filterOf)}
    </Grid.Root>
  );
};

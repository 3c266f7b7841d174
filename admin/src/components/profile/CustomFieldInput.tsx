import {
  Checkbox,
  Field,
  MultiSelect,
  MultiSelectOption,
  NumberInput,
  SingleSelect,
  SingleSelectOption,
  Textarea,
} from '@strapi/design-system';
import type { CustomFieldDefinition } from '../../../../server/src/contracts';
import { useProfileText } from './useProfileText';

interface Props {
  definition: CustomFieldDefinition;
  value: unknown;
  error: string | undefined;
  disabled: boolean;
  onChange: (value: unknown) => void;
}

const INPUT_TYPES: Partial<Record<CustomFieldDefinition['type'], string>> = {
  text: 'text',
  url: 'url',
  email: 'email',
  date: 'date',
};

const asText = (value: unknown) => (typeof value === 'string' ? value : value == null ? '' : String(value));

/** One custom field of the lead, with the input its type calls for. */
export const CustomFieldInput = ({ definition, value, error, disabled, onChange }: Props) => {
  const t = useProfileText('general');
  const name = `customFields.${definition.slug}`;
  const options = definition.options ?? [];

  if (definition.type === 'checkbox') {
    return (
      <Field.Root name={name} error={error}>
        <Checkbox
          checked={value === true}
          disabled={disabled}
          onCheckedChange={(checked) => onChange(!!checked)}
        >
          {definition.name}
        </Checkbox>
        <Field.Error />
      </Field.Root>
    );
  }

  const input = (() => {
    switch (definition.type) {
      case 'textarea':
        return (
          <Textarea
            value={asText(value)}
            disabled={disabled}
            onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => onChange(e.target.value)}
          />
        );
      case 'number':
        return (
          <NumberInput
            value={
              typeof value === 'number' ? value : value === '' || value == null ? undefined : Number(value)
            }
            disabled={disabled}
            onValueChange={(next) => onChange(next)}
          />
        );
      case 'select':
        return (
          <SingleSelect value={asText(value)} disabled={disabled} onChange={(next) => onChange(String(next))}>
            <SingleSelectOption value="">{t('noValue', 'None')}</SingleSelectOption>
            {options.map((option) => (
              <SingleSelectOption key={option} value={option}>
                {option}
              </SingleSelectOption>
            ))}
          </SingleSelect>
        );
      case 'multiselect':
        return (
          <MultiSelect
            value={Array.isArray(value) ? (value as string[]) : []}
            disabled={disabled}
            withTags
            onChange={(next: string[]) => onChange(next)}
          >
            {options.map((option) => (
              <MultiSelectOption key={option} value={option}>
                {option}
              </MultiSelectOption>
            ))}
          </MultiSelect>
        );
      default:
        return (
          <Field.Input
            type={INPUT_TYPES[definition.type] ?? 'text'}
            value={asText(value)}
            disabled={disabled}
            onChange={(e: React.ChangeEvent<HTMLInputElement>) => onChange(e.target.value)}
          />
        );
    }
  })();

  return (
    <Field.Root name={name} error={error} required={definition.required}>
      <Field.Label>{definition.name}</Field.Label>
      {input}
      <Field.Error />
    </Field.Root>
  );
};

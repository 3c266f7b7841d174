import { Field, Flex, Loader } from '@strapi/design-system';
import { useForm } from '@strapi/strapi/admin';
import { useIntl, type MessageDescriptor } from 'react-intl';
import { getTranslation } from '../../utils/getTranslation';
import { useGetCustomFieldDefinitionsQuery, type CustomFieldTarget } from './api';
import { CustomFieldValuesEditor, EditorNote, type CustomFieldValues } from './CustomFieldValuesEditor';

type ErrorValue = string | (MessageDescriptor & { values?: Record<string, string> }) | undefined;

/** The props the Content Manager gives a custom field's input (`useField` merged in). */
export interface CustomFieldValuesInputProps {
  name: string;
  label?: string;
  hint?: React.ReactNode;
  disabled?: boolean;
  required?: boolean;
  attribute?: { options?: { target?: string } };
  value?: unknown;
  /** The form's error at this field: a message, or messages by slug (`customFields.<slug>`). */
  error?: ErrorValue | Record<string, ErrorValue>;
  onChange: (name: string, value: unknown) => void;
}

const isDescriptor = (value: unknown): value is MessageDescriptor =>
  Boolean(value) && typeof value === 'object' && 'id' in (value as object);

/**
 * The `plugin::crm.custom-field-values` custom field: a lead's or customer's custom-field values
 * in the Content Manager, one typed input per active definition (the plugin's own
 * `CustomFieldInput`) instead of a JSON editor. Read-only when the Content Manager disables the
 * field (no update permission on it) and on a converted lead, which the conversion locks.
 */
const CustomFieldValuesInput = (props: Record<string, unknown>) => {
  const { name, label, hint, disabled, attribute, value, error, onChange } =
    props as unknown as CustomFieldValuesInputProps;
  const { formatMessage } = useIntl();
  const target: CustomFieldTarget = attribute?.options?.target === 'customer' ? 'customer' : 'lead';
  const definitions = useGetCustomFieldDefinitionsQuery(target);
  const converted = useForm('CrmCustomFieldValues', (state) =>
    Boolean((state.values as Record<string, unknown>)?.dateConverted)
  );
  const locked = target === 'lead' && converted;
  const text = (key: string, defaultMessage: string) =>
    formatMessage({ id: getTranslation(`customFieldValues.${key}`), defaultMessage });
  const message = (raw: ErrorValue) =>
    typeof raw === 'string' ? raw : isDescriptor(raw) ? formatMessage(raw, raw.values) : undefined;
  const bySlug =
    error && typeof error === 'object' && !isDescriptor(error)
      ? Object.fromEntries(
          Object.entries(error as Record<string, ErrorValue>).map(([slug, raw]) => [slug, message(raw)])
        )
      : undefined;
  const general = bySlug ? undefined : message(error as ErrorValue);
  const list = definitions.data?.results ?? [];

  return (
    <Field.Root name={name} hint={hint} error={general}>
      <Flex direction="column" alignItems="stretch" gap={3}>
        <Field.Label>{label ?? text('label', 'Custom fields')}</Field.Label>
        {definitions.isLoading ? (
          <Loader small>{text('loading', 'Loading the custom fields…')}</Loader>
        ) : definitions.isError ? (
          <EditorNote>{text('loadError', 'The custom fields could not be loaded.')}</EditorNote>
        ) : list.length === 0 ? (
          <EditorNote>{text('none', 'No custom field is defined.')}</EditorNote>
        ) : (
          <CustomFieldValuesEditor
            definitions={list}
            value={value as CustomFieldValues | null}
            errors={bySlug}
            disabled={Boolean(disabled) || locked}
            onChange={(next) => onChange(name, next)}
          />
        )}
        {locked && (
          <EditorNote>
            {text('locked', 'A converted lead keeps the values it was converted with.')}
          </EditorNote>
        )}
        <Field.Hint />
        <Field.Error />
      </Flex>
    </Field.Root>
  );
};

export default CustomFieldValuesInput;

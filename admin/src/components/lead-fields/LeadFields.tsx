import {
  Box,
  Checkbox,
  Field,
  Flex,
  Grid,
  MultiSelect,
  MultiSelectOption,
  NumberInput,
  SingleSelect,
  SingleSelectOption,
  Textarea,
  Typography,
} from '@strapi/design-system';
import type { Dispatch, ReactNode, SetStateAction } from 'react';
import type { StatusRef } from '../../../../server/src/contracts';
import { staffName, type ReferenceData } from '../../api/reference';
import { CustomFieldInput } from '../profile/CustomFieldInput';
import { errorAt, type TextField } from '../profile/leadDraft';

/** What a lead form holds, as its inputs hold it: texts as typed, relations as the ids a select holds. */
export interface LeadFieldValues {
  text: Record<TextField, string>;
  status: string;
  source: string;
  /** An admin user id as text, '' for unassigned. */
  assignedTo: string;
  tags: string[];
  value: number | undefined;
  isPublic: boolean;
  /** Only the New lead form asks it. */
  contactedToday?: boolean;
  customFields: Record<string, unknown>;
}

type Flag = 'isPublic' | 'contactedToday';
export type LeadFieldName = TextField | 'status' | 'source' | 'assignedTo' | 'tags' | 'value' | Flag;

/** One field of the layout: how many of the grid's 12 columns it takes, a flag's hint. */
export interface LeadFieldSlot {
  field: LeadFieldName;
  col?: number;
  /** A flag: the hint under it. */
  hint?: string;
  /** A flag beside an input: pushed down to the input's line. */
  alignWithInputs?: boolean;
}

interface Props<D extends LeadFieldValues> {
  /** The fields, in order: each form keeps its own order and widths. */
  layout: readonly LeadFieldSlot[];
  draft: D;
  setDraft: Dispatch<SetStateAction<D>>;
  /** Messages by path (`customFields.<slug>` too). */
  errors: Record<string, string>;
  reference: ReferenceData;
  /** The statuses the Status select offers. */
  statuses: StatusRef[];
  label: (field: LeadFieldName) => string;
  texts: { unassigned: string; noTags: string; customFields: string; choose?: string };
  /** Selects show a placeholder while nothing is chosen (the New lead form starts that way). */
  placeholders?: boolean;
  /** The lead's own fields read-only. */
  disabled?: boolean;
  customFieldsDisabled?: boolean;
}

const INPUT_TYPES: Partial<Record<TextField, string>> = { email: 'email', website: 'url', phone: 'tel' };

/**
 * A lead's fields and custom fields, laid out on a grid: the New lead form and the profile's General
 * tab render the same inputs, each with its own order, widths, labels and texts.
 */
export const LeadFields = <D extends LeadFieldValues>({
  layout,
  draft,
  setDraft,
  errors,
  reference,
  statuses,
  label,
  texts,
  placeholders = false,
  disabled,
  customFieldsDisabled = false,
}: Props<D>) => {
  const set = (change: Partial<LeadFieldValues>) => setDraft((previous) => ({ ...previous, ...change }));
  const setText = (field: TextField, value: string) =>
    setDraft((previous) => ({ ...previous, text: { ...previous.text, [field]: value } }));
  const setCustom = (slug: string, value: unknown) =>
    setDraft((previous) => ({ ...previous, customFields: { ...previous.customFields, [slug]: value } }));

  const item = (children: ReactNode, col: number, key: string) => (
    <Grid.Item key={key} col={col} s={12} direction="column" alignItems="stretch">
      {children}
    </Grid.Item>
  );

  const select = (field: 'status' | 'source', options: { documentId: string; name: string }[]) => (
    <Field.Root name={field} error={errorAt(errors, field)} required>
      <Field.Label>{label(field)}</Field.Label>
      <SingleSelect
        value={draft[field]}
        disabled={disabled}
        placeholder={placeholders ? texts.choose : undefined}
        onChange={(value) => set({ [field]: String(value) })}
      >
        {options.map((option) => (
          <SingleSelectOption key={option.documentId} value={option.documentId}>
            {option.name}
          </SingleSelectOption>
        ))}
      </SingleSelect>
      <Field.Error />
    </Field.Root>
  );

  const flag = (field: Flag, { hint, alignWithInputs }: LeadFieldSlot) => {
    const checkbox = (
      <Checkbox
        checked={!!draft[field]}
        disabled={disabled}
        onCheckedChange={(checked) => set({ [field]: !!checked })}
      >
        {label(field)}
      </Checkbox>
    );
    return (
      <Field.Root name={field} error={errorAt(errors, field)} hint={hint}>
        {alignWithInputs ? <Box paddingTop={6}>{checkbox}</Box> : checkbox}
        {hint && <Field.Hint />}
        <Field.Error />
      </Field.Root>
    );
  };

  const input = (slot: LeadFieldSlot): ReactNode => {
    const { field } = slot;
    switch (field) {
      case 'status':
        return select('status', statuses);
      case 'source':
        return select('source', reference.sources);
      case 'assignedTo':
        return (
          <Field.Root name="assignedTo" error={errorAt(errors, 'assignedTo')}>
            <Field.Label>{label('assignedTo')}</Field.Label>
            <SingleSelect
              value={draft.assignedTo}
              disabled={disabled}
              onChange={(value) => set({ assignedTo: String(value) })}
            >
              <SingleSelectOption value="">{texts.unassigned}</SingleSelectOption>
              {reference.staff.map((member) => (
                <SingleSelectOption key={member.id} value={String(member.id)}>
                  {staffName(member)}
                </SingleSelectOption>
              ))}
            </SingleSelect>
            <Field.Error />
          </Field.Root>
        );
      case 'tags':
        return (
          <Field.Root name="tags" error={errorAt(errors, 'tags')}>
            <Field.Label>{label('tags')}</Field.Label>
            <MultiSelect
              value={draft.tags}
              disabled={disabled}
              withTags
              placeholder={texts.noTags}
              onChange={(tags: string[]) => set({ tags })}
            >
              {reference.tags.map((tag) => (
                <MultiSelectOption key={tag.documentId} value={tag.documentId}>
                  {tag.name}
                </MultiSelectOption>
              ))}
            </MultiSelect>
            <Field.Error />
          </Field.Root>
        );
      case 'value':
        return (
          <Field.Root name="value" error={errorAt(errors, 'value')}>
            <Field.Label>{label('value')}</Field.Label>
            <NumberInput value={draft.value} disabled={disabled} onValueChange={(value) => set({ value })} />
            <Field.Error />
          </Field.Root>
        );
      case 'isPublic':
      case 'contactedToday':
        return flag(field, slot);
      default:
        return (
          <Field.Root name={field} error={errorAt(errors, field)} required={field === 'name'}>
            <Field.Label>{label(field)}</Field.Label>
            {field === 'description' ? (
              <Textarea
                value={draft.text[field]}
                disabled={disabled}
                onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setText(field, e.target.value)}
              />
            ) : (
              <Field.Input
                type={INPUT_TYPES[field] ?? 'text'}
                value={draft.text[field]}
                disabled={disabled}
                onChange={(e: React.ChangeEvent<HTMLInputElement>) => setText(field, e.target.value)}
              />
            )}
            <Field.Error />
          </Field.Root>
        );
    }
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={6}>
      <Grid.Root gap={4}>{layout.map((slot) => item(input(slot), slot.col ?? 6, slot.field))}</Grid.Root>
      {reference.customFields.length > 0 && (
        <Box>
          <Typography variant="delta" tag="h2">
            {texts.customFields}
          </Typography>
          <Grid.Root gap={4} paddingTop={3}>
            {reference.customFields.map((definition) =>
              item(
                <CustomFieldInput
                  definition={definition}
                  value={draft.customFields[definition.slug]}
                  error={errorAt(errors, `customFields.${definition.slug}`)}
                  disabled={customFieldsDisabled}
                  onChange={(value) => setCustom(definition.slug, value)}
                />,
                definition.type === 'textarea' ? 12 : 6,
                definition.slug
              )
            )}
          </Grid.Root>
        </Box>
      )}
    </Flex>
  );
};

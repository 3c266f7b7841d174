import {
  Box,
  Button,
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
import { Check } from '@strapi/icons';
import { useNotification } from '@strapi/strapi/admin';
import { useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import { useApiFailure } from '../../api/errors';
import { useUpdateLeadMutation } from '../../api/leads';
import { staffName, type ReferenceData } from '../../api/reference';
import type { LeadDetail } from '../../../../server/src/contracts';
import { getTranslation } from '../../utils/getTranslation';
import { CustomFieldInput } from './CustomFieldInput';
import { LEAD_FIELD_LABELS } from '../../utils/fieldLabels';
import { changedFields, errorAt, TEXT_FIELDS, toDraft, type LeadDraft, type TextField } from './leadDraft';
import type { LeadDraftState } from './useLeadDraft';
import { useProfileText } from './useProfileText';

interface Props {
  lead: LeadDetail;
  /** The edits, kept by the tabs (`useLeadDraft`). */
  form: LeadDraftState;
  reference: ReferenceData;
  /** Whether the user may update the lead; without it the form is read-only. */
  canEdit: boolean;
}

const INPUT_TYPES: Partial<Record<TextField, string>> = { email: 'email', website: 'url', phone: 'tel' };

/** The General tab: the lead's fields and custom fields, saved with `PUT /crm/leads/:id`. */
export const GeneralTab = ({ lead, form, reference, canEdit }: Props) => {
  const { formatMessage } = useIntl();
  const t = useProfileText('general');
  const label = (field: string) =>
    formatMessage({
      id: getTranslation(`profile.fields.${field}`),
      defaultMessage: LEAD_FIELD_LABELS[field],
    });
  const { toggleNotification } = useNotification();
  const [update] = useUpdateLeadMutation();
  const toFailure = useApiFailure();
  const { initial, draft, setDraft, errors, setErrors, reset } = form;
  const [saving, setSaving] = useState(false);
  const inFlight = useRef(false);
  const changes = changedFields(initial, draft, reference.customFields);
  const dirty = Object.keys(changes).length > 0;

  const set = (change: Partial<LeadDraft>) => setDraft((previous) => ({ ...previous, ...change }));
  const setText = (field: TextField, value: string) =>
    setDraft((previous) => ({ ...previous, text: { ...previous.text, [field]: value } }));
  const setCustom = (slug: string, value: unknown) =>
    setDraft((previous) => ({ ...previous, customFields: { ...previous.customFields, [slug]: value } }));

  // a converted lead already holds the customer status, which cannot be chosen otherwise
  const statuses = reference.statuses.filter(
    (status) => !status.isCustomerStatus || status.documentId === lead.status?.documentId
  );

  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!dirty || inFlight.current) return;
    inFlight.current = true;
    setSaving(true);
    try {
      const { data: saved } = await update({ documentId: lead.documentId, body: changes }).unwrap();
      setErrors({});
      setDraft(toDraft(saved));
      toggleNotification({ type: 'success', message: t('saved', 'The lead was saved.') });
    } catch (error) {
      const failure = toFailure(error);
      setErrors(failure.fieldErrors);
      toggleNotification({
        type: 'danger',
        message:
          failure.status === 400 && Object.keys(failure.fieldErrors).length
            ? t('invalid', 'Some fields need your attention.')
            : failure.message,
      });
    } finally {
      inFlight.current = false;
      setSaving(false);
    }
  };

  const textField = (field: TextField) => (
    <Field.Root name={field} error={errorAt(errors, field)} required={field === 'name'}>
      <Field.Label>{label(field)}</Field.Label>
      {field === 'description' ? (
        <Textarea
          value={draft.text[field]}
          disabled={!canEdit}
          onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setText(field, e.target.value)}
        />
      ) : (
        <Field.Input
          type={INPUT_TYPES[field] ?? 'text'}
          value={draft.text[field]}
          disabled={!canEdit}
          onChange={(e: React.ChangeEvent<HTMLInputElement>) => setText(field, e.target.value)}
        />
      )}
      <Field.Error />
    </Field.Root>
  );

  const item = (children: React.ReactNode, col = 6, key?: string) => (
    <Grid.Item key={key} col={col} s={12} direction="column" alignItems="stretch">
      {children}
    </Grid.Item>
  );

  return (
    <form onSubmit={save} noValidate aria-label={t('formLabel', 'Lead details')}>
      <Flex direction="column" alignItems="stretch" gap={6}>
        {canEdit ? (
          <Flex justifyContent="flex-end" gap={2}>
            <Button variant="tertiary" disabled={!dirty || saving} onClick={reset}>
              {t('reset', 'Discard changes')}
            </Button>
            <Button type="submit" startIcon={<Check />} loading={saving} disabled={!dirty || saving}>
              {t('save', 'Save')}
            </Button>
          </Flex>
        ) : (
          <Typography textColor="neutral600">
            {t('readOnly', 'You may read this lead but not change it.')}
          </Typography>
        )}
        <Grid.Root gap={4}>
          {item(textField('name'))}
          {item(
            <Field.Root name="status" error={errorAt(errors, 'status')} required>
              <Field.Label>{label('status')}</Field.Label>
              <SingleSelect
                value={draft.status}
                disabled={!canEdit}
                onChange={(status) => set({ status: String(status) })}
              >
                {statuses.map((status) => (
                  <SingleSelectOption key={status.documentId} value={status.documentId}>
                    {status.name}
                  </SingleSelectOption>
                ))}
              </SingleSelect>
              <Field.Error />
            </Field.Root>,
            3
          )}
          {item(
            <Field.Root name="source" error={errorAt(errors, 'source')} required>
              <Field.Label>{label('source')}</Field.Label>
              <SingleSelect
                value={draft.source}
                disabled={!canEdit}
                onChange={(source) => set({ source: String(source) })}
              >
                {reference.sources.map((source) => (
                  <SingleSelectOption key={source.documentId} value={source.documentId}>
                    {source.name}
                  </SingleSelectOption>
                ))}
              </SingleSelect>
              <Field.Error />
            </Field.Root>,
            3
          )}
          {item(
            <Field.Root name="assignedTo" error={errorAt(errors, 'assignedTo')}>
              <Field.Label>{label('assignedTo')}</Field.Label>
              <SingleSelect
                value={draft.assignedTo}
                disabled={!canEdit}
                onChange={(assignedTo) => set({ assignedTo: String(assignedTo) })}
              >
                <SingleSelectOption value="">{t('unassigned', 'Unassigned')}</SingleSelectOption>
                {reference.staff.map((member) => (
                  <SingleSelectOption key={member.id} value={String(member.id)}>
                    {staffName(member)}
                  </SingleSelectOption>
                ))}
              </SingleSelect>
              <Field.Error />
            </Field.Root>
          )}
          {item(
            <Field.Root name="tags" error={errorAt(errors, 'tags')}>
              <Field.Label>{label('tags')}</Field.Label>
              <MultiSelect
                value={draft.tags}
                disabled={!canEdit}
                withTags
                placeholder={t('noTags', 'No tags')}
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
          )}
          {TEXT_FIELDS.filter((field) => field !== 'name' && field !== 'description').map((field) =>
            item(textField(field), 6, field)
          )}
          {item(
            <Field.Root name="value" error={errorAt(errors, 'value')}>
              <Field.Label>{label('value')}</Field.Label>
              <NumberInput
                value={draft.value}
                disabled={!canEdit}
                onValueChange={(value) => set({ value })}
              />
              <Field.Error />
            </Field.Root>
          )}
          {item(
            <Field.Root name="isPublic" error={errorAt(errors, 'isPublic')}>
              <Box paddingTop={6}>
                <Checkbox
                  checked={draft.isPublic}
                  disabled={!canEdit}
                  onCheckedChange={(checked) => set({ isPublic: !!checked })}
                >
                  {label('isPublic')}
                </Checkbox>
              </Box>
              <Field.Error />
            </Field.Root>
          )}
          {item(textField('description'), 12)}
        </Grid.Root>
        {reference.customFields.length > 0 && (
          <Box>
            <Typography variant="delta" tag="h2">
              {t('customFields', 'Custom fields')}
            </Typography>
            <Grid.Root gap={4} paddingTop={3}>
              {reference.customFields.map((definition) =>
                item(
                  <CustomFieldInput
                    definition={definition}
                    value={draft.customFields[definition.slug]}
                    error={errorAt(errors, `customFields.${definition.slug}`)}
                    disabled={!canEdit}
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
    </form>
  );
};

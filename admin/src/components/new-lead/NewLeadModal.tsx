import {
  Box,
  Button,
  Checkbox,
  Field,
  Grid,
  Modal,
  MultiSelect,
  MultiSelectOption,
  NumberInput,
  SingleSelect,
  SingleSelectOption,
  Textarea,
  Typography,
} from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';
import { useEffect, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import { useApiFailure } from '../../api/errors';
import { useCreateLeadMutation } from '../../api/leads';
import { defaultsFor, staffName, useLeadSettings, type ReferenceData } from '../../api/reference';
import { getTranslation } from '../../utils/getTranslation';
import { errorAt } from '../profile/leadDraft';
import { CustomFieldInput } from '../profile/CustomFieldInput';
import {
  emptyDraft,
  missingFields,
  TEXT_AFTER_VALUE,
  TEXT_BEFORE_VALUE,
  toCreateBody,
  type NewLeadDraft,
  type NewLeadText,
} from './newLeadDraft';

interface Props {
  reference: ReferenceData;
  onClose: () => void;
  /** Called with the new lead's documentId once the server has created it. */
  onCreated?: (documentId: string) => void;
}

/** The labels of the seed's "+ New Lead" form (ids `crm.newLead.fields.<field>`). */
const LABELS: Record<string, string> = {
  status: 'Status',
  source: 'Source',
  assignedTo: 'Assigned',
  tags: 'Tags',
  name: 'Name',
  position: 'Position',
  email: 'Email address',
  website: 'Website',
  phone: 'Phone',
  value: 'Lead value ({currency})',
  company: 'Company',
  address: 'Address',
  city: 'City',
  state: 'State',
  country: 'Country',
  zip: 'Zip code',
  description: 'Description',
  isPublic: 'Public',
  contactedToday: 'Contacted today',
};

const INPUT_TYPES: Partial<Record<NewLeadText, string>> = { email: 'email', website: 'url', phone: 'tel' };

/**
 * The plugin's own New lead form (SPEC §8, the seed's "+ New Lead"): the lead's fields in the
 * seed's order, Status and Source required and preselected from the configured defaults, typed
 * custom fields. Errors show by field, the client's first, then the server's.
 */
export const NewLeadModal = ({ reference, onClose, onCreated }: Props) => {
  const { formatMessage } = useIntl();
  const t = (key: string, defaultMessage: string, values?: Record<string, string | number>) =>
    formatMessage({ id: getTranslation(`newLead.${key}`), defaultMessage }, values);
  const settings = useLeadSettings();
  const label = (field: string) =>
    t(`fields.${field}`, LABELS[field], field === 'value' ? { currency: settings.currency } : undefined);
  const { toggleNotification } = useNotification();
  const [create] = useCreateLeadMutation();
  const toFailure = useApiFailure();
  const defaults = defaultsFor(settings, reference.statuses, reference.sources);
  const [draft, setDraft] = useState<NewLeadDraft>(() => emptyDraft(defaults));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const inFlight = useRef(false);

  // the reference data may arrive after the form opened: preselect the defaults then, once
  const preselected = useRef({ status: defaults.status !== '', source: defaults.source !== '' });
  useEffect(() => {
    for (const key of ['status', 'source'] as const) {
      if (!preselected.current[key] && defaults[key] !== '') {
        preselected.current[key] = true;
        setDraft((previous) => (previous[key] === '' ? { ...previous, [key]: defaults[key] } : previous));
      }
    }
  }, [defaults.status, defaults.source]); // eslint-disable-line react-hooks/exhaustive-deps

  const set = (change: Partial<NewLeadDraft>) => setDraft((previous) => ({ ...previous, ...change }));
  const setText = (field: NewLeadText, value: string) =>
    setDraft((previous) => ({ ...previous, text: { ...previous.text, [field]: value } }));
  const setCustom = (slug: string, value: unknown) =>
    setDraft((previous) => ({ ...previous, customFields: { ...previous.customFields, [slug]: value } }));

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    event.stopPropagation();
    if (inFlight.current) return;
    const missing = missingFields(draft, reference.customFields);
    if (missing.length) {
      setErrors(Object.fromEntries(missing.map((path) => [path, t('required', 'This field is required.')])));
      setFailure(null);
      return;
    }
    inFlight.current = true;
    setSaving(true);
    try {
      const { data: lead } = await create(toCreateBody(draft, reference.customFields)).unwrap();
      toggleNotification({
        type: 'success',
        message: t('created', 'The lead {name} was created.', { name: lead.name }),
      });
      onCreated?.(lead.documentId);
      onClose();
    } catch (error) {
      const apiFailure = toFailure(error);
      setErrors(apiFailure.fieldErrors);
      setFailure(
        Object.keys(apiFailure.fieldErrors).length
          ? t('invalid', 'Some fields need your attention.')
          : apiFailure.message
      );
      inFlight.current = false;
      setSaving(false);
    }
  };

  const item = (children: React.ReactNode, col = 6, key?: string) => (
    <Grid.Item key={key} col={col} s={12} direction="column" alignItems="stretch">
      {children}
    </Grid.Item>
  );

  const textField = (field: NewLeadText) =>
    item(
      <Field.Root name={field} error={errorAt(errors, field)} required={field === 'name'}>
        <Field.Label>{label(field)}</Field.Label>
        {field === 'description' ? (
          <Textarea
            value={draft.text[field]}
            onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setText(field, e.target.value)}
          />
        ) : (
          <Field.Input
            type={INPUT_TYPES[field] ?? 'text'}
            value={draft.text[field]}
            onChange={(e: React.ChangeEvent<HTMLInputElement>) => setText(field, e.target.value)}
          />
        )}
        <Field.Error />
      </Field.Root>,
      field === 'description' ? 12 : 6,
      field
    );

  const select = (field: 'status' | 'source', options: { documentId: string; name: string }[]) =>
    item(
      <Field.Root name={field} error={errorAt(errors, field)} required>
        <Field.Label>{label(field)}</Field.Label>
        <SingleSelect
          value={draft[field]}
          placeholder={t('choose', 'Choose…')}
          onChange={(value) => set({ [field]: String(value) })}
        >
          {options.map((option) => (
            <SingleSelectOption key={option.documentId} value={option.documentId}>
              {option.name}
            </SingleSelectOption>
          ))}
        </SingleSelect>
        <Field.Error />
      </Field.Root>,
      6,
      field
    );

  const flag = (field: 'isPublic' | 'contactedToday', hint: string) =>
    item(
      <Field.Root name={field} error={errorAt(errors, field)} hint={hint}>
        <Checkbox checked={draft[field]} onCheckedChange={(checked) => set({ [field]: !!checked })}>
          {label(field)}
        </Checkbox>
        <Field.Hint />
        <Field.Error />
      </Field.Root>,
      6,
      field
    );

  return (
    <Modal.Root open onOpenChange={(open) => !open && onClose()}>
      <Modal.Content>
        <form onSubmit={submit} noValidate aria-label={t('title', 'New lead')}>
          <Modal.Header>
            <Modal.Title>{t('title', 'New lead')}</Modal.Title>
          </Modal.Header>
          <Modal.Body>
            {failure && (
              <Box paddingBottom={4}>
                <Typography role="alert" textColor="danger600">
                  {failure}
                </Typography>
              </Box>
            )}
            <Grid.Root gap={4}>
              {select(
                'status',
                reference.statuses.filter((status) => !status.isCustomerStatus)
              )}
              {select('source', reference.sources)}
              {item(
                <Field.Root name="assignedTo" error={errorAt(errors, 'assignedTo')}>
                  <Field.Label>{label('assignedTo')}</Field.Label>
                  <SingleSelect
                    value={draft.assignedTo}
                    placeholder={t('unassigned', 'Unassigned')}
                    onChange={(value) => set({ assignedTo: String(value) })}
                  >
                    <SingleSelectOption value="">{t('unassigned', 'Unassigned')}</SingleSelectOption>
                    {reference.staff.map((member) => (
                      <SingleSelectOption key={member.id} value={String(member.id)}>
                        {staffName(member)}
                      </SingleSelectOption>
                    ))}
                  </SingleSelect>
                  <Field.Error />
                </Field.Root>,
                6,
                'assignedTo'
              )}
              {item(
                <Field.Root name="tags" error={errorAt(errors, 'tags')}>
                  <Field.Label>{label('tags')}</Field.Label>
                  <MultiSelect
                    value={draft.tags}
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
                </Field.Root>,
                6,
                'tags'
              )}
              {TEXT_BEFORE_VALUE.map(textField)}
              {item(
                <Field.Root name="value" error={errorAt(errors, 'value')}>
                  <Field.Label>{label('value')}</Field.Label>
                  <NumberInput value={draft.value} onValueChange={(value) => set({ value })} />
                  <Field.Error />
                </Field.Root>,
                6,
                'value'
              )}
              {TEXT_AFTER_VALUE.map(textField)}
              {textField('description')}
              {flag('isPublic', t('publicHint', 'Visible to every staff member.'))}
              {flag('contactedToday', t('contactedTodayHint', 'Records today as the last contact.'))}
            </Grid.Root>
            {reference.customFields.length > 0 && (
              <Box paddingTop={6}>
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
                        disabled={saving}
                        onChange={(value) => setCustom(definition.slug, value)}
                      />,
                      definition.type === 'textarea' ? 12 : 6,
                      definition.slug
                    )
                  )}
                </Grid.Root>
              </Box>
            )}
          </Modal.Body>
          <Modal.Footer>
            <Button variant="tertiary" onClick={onClose} disabled={saving}>
              {t('cancel', 'Cancel')}
            </Button>
            <Button type="submit" loading={saving} disabled={saving}>
              {t('save', 'Save')}
            </Button>
          </Modal.Footer>
        </form>
      </Modal.Content>
    </Modal.Root>
  );
};

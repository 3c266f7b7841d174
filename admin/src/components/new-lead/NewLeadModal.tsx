import { Box, Button, Modal, Typography } from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';
import { useEffect, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import { useApiFailure } from '../../api/errors';
import { useCreateLeadMutation } from '../../api/leads';
import { defaultsFor, useLeadSettings, type ReferenceData } from '../../api/reference';
import { getTranslation } from '../../utils/getTranslation';
import { LeadFields, type LeadFieldName, type LeadFieldSlot } from '../lead-fields/LeadFields';
import {
  emptyDraft,
  missingFields,
  TEXT_AFTER_VALUE,
  TEXT_BEFORE_VALUE,
  toCreateBody,
  type NewLeadDraft,
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

/**
 * The seed's order: relations, the texts around "Lead value" (after Phone), the description, the
 * two flags with their hints (translated, hence built in the component).
 */
const layoutOf = (hints: Record<'isPublic' | 'contactedToday', string>): LeadFieldSlot[] => [
  { field: 'status' },
  { field: 'source' },
  { field: 'assignedTo' },
  { field: 'tags' },
  ...TEXT_BEFORE_VALUE.map((field) => ({ field })),
  { field: 'value' },
  ...TEXT_AFTER_VALUE.map((field) => ({ field })),
  { field: 'description', col: 12 },
  { field: 'isPublic', hint: hints.isPublic },
  { field: 'contactedToday', hint: hints.contactedToday },
];

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
  const label = (field: LeadFieldName) =>
    t(`fields.${field}`, LABELS[field], field === 'value' ? { currency: settings.currency } : undefined);
  const { toggleNotification } = useNotification();
  const [create] = useCreateLeadMutation();
  const toFailure = useApiFailure();
  const defaults = defaultsFor(settings, reference.statuses, reference.sources);
  const [draft, setDraft] = useState<NewLeadDraft>(() => emptyDraft(defaults));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const layout = layoutOf({
    isPublic: t('publicHint', 'Visible to every staff member.'),
    contactedToday: t('contactedTodayHint', 'Records today as the last contact.'),
  });
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
            <LeadFields
              layout={layout}
              draft={draft}
              setDraft={setDraft}
              errors={errors}
              reference={reference}
              statuses={reference.statuses.filter((status) => !status.isCustomerStatus)}
              label={label}
              texts={{
                choose: t('choose', 'Choose…'),
                unassigned: t('unassigned', 'Unassigned'),
                noTags: t('noTags', 'No tags'),
                customFields: t('customFields', 'Custom fields'),
              }}
              placeholders
              customFieldsDisabled={saving}
            />
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

import { Button, Flex, Typography } from '@strapi/design-system';
import { Check } from '@strapi/icons';
import { useNotification } from '@strapi/strapi/admin';
import { useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import { useApiFailure } from '../../api/errors';
import { useUpdateLeadMutation } from '../../api/leads';
import type { ReferenceData } from '../../api/reference';
import type { LeadDetail } from '../../../../server/src/contracts';
import { getTranslation } from '../../utils/getTranslation';
import { LeadFields, type LeadFieldName, type LeadFieldSlot } from '../lead-fields/LeadFields';
import { LEAD_FIELD_LABELS } from '../../utils/fieldLabels';
import { changedFields, TEXT_FIELDS, toDraft } from './leadDraft';
import type { LeadDraftState } from './useLeadDraft';
import { useProfileText } from './useProfileText';

interface Props {
  lead: LeadDetail;
  /** The edits, kept by the tabs (`useLeadDraft`). */
  form: LeadDraftState;
  reference: ReferenceData;
  /** Whether the user may update the lead; without it the form is read-only. */
  canEdit: boolean;
  /** Read-only because the lead was converted and the user does not see every lead. */
  locked?: boolean;
}

/** The profile's order: the name beside status and source, the texts, the value and the public flag, the description. */
const LAYOUT: LeadFieldSlot[] = [
  { field: 'name' },
  { field: 'status', col: 3 },
  { field: 'source', col: 3 },
  { field: 'assignedTo' },
  { field: 'tags' },
  ...TEXT_FIELDS.filter((field) => field !== 'name' && field !== 'description').map((field) => ({ field })),
  { field: 'value' },
  { field: 'isPublic', alignWithInputs: true },
  { field: 'description', col: 12 },
];

/** The General tab: the lead's fields and custom fields, saved with `PUT /crm/leads/:id`. */
export const GeneralTab = ({ lead, form, reference, canEdit, locked = false }: Props) => {
  const { formatMessage } = useIntl();
  const t = useProfileText('general');
  const label = (field: LeadFieldName) =>
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
            {locked
              ? t('locked', 'This lead was converted: only users who see every lead may still edit it.')
              : t('readOnly', 'You may read this lead but not change it.')}
          </Typography>
        )}
        <LeadFields
          layout={LAYOUT}
          draft={draft}
          setDraft={setDraft}
          errors={errors}
          reference={reference}
          statuses={statuses}
          label={label}
          texts={{
            unassigned: t('unassigned', 'Unassigned'),
            noTags: t('noTags', 'No tags'),
            customFields: t('customFields', 'Custom fields'),
          }}
          disabled={!canEdit}
          customFieldsDisabled={!canEdit}
        />
      </Flex>
    </form>
  );
};

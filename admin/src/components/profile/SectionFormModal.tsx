import {
  Button,
  Field,
  Flex,
  Modal,
  SingleSelect,
  SingleSelectOption,
  Textarea,
  Typography,
} from '@strapi/design-system';
import { useMemo, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import { useApiFailure } from '../../api/errors';
import { staffName } from '../../api/reference';
import type { SectionInput, SectionRecord } from '../../../../server/src/contracts';
import type { StaffRef } from '../../../../server/src/contracts';
import { getTranslation } from '../../utils/getTranslation';
import { errorAt } from './leadDraft';
import { toSectionDraft, toSectionInput, type SectionField, type SectionSpec } from './sectionSpecs';
import { useProfileText } from './useProfileText';

interface Props {
  spec: SectionSpec;
  /** The record to edit, or null to add one. */
  record: SectionRecord | null;
  staff: StaffRef[];
  /** Sends the body; throws the server's error envelope, which the form shows next to its fields. */
  onSubmit: (body: SectionInput) => Promise<void>;
  onClose: () => void;
}

const INPUT_TYPES: Partial<Record<SectionField['type'], string>> = {
  text: 'text',
  number: 'number',
  date: 'date',
  datetime: 'datetime-local',
};

/** The add or edit form of a section record, in a modal. */
export const SectionFormModal = ({ spec, record, staff, onSubmit, onClose }: Props) => {
  const { formatMessage } = useIntl();
  const t = useProfileText(spec.kind);
  const common = useProfileText('sections');
  const label = (field: SectionField) =>
    formatMessage({
      id: getTranslation(`profile.${spec.kind}.field.${field.name}`),
      defaultMessage: field.label,
    });
  const initial = useMemo(() => toSectionDraft(spec, record), [spec, record]);
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const inFlight = useRef(false);
  const toFailure = useApiFailure();
  const set = (name: string, value: string) => setDraft((previous) => ({ ...previous, [name]: value }));

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    event.stopPropagation();
    if (inFlight.current) return;
    const body = toSectionInput(spec, initial, draft, record === null);
    if (record && Object.keys(body).length === 0) {
      onClose();
      return;
    }
    inFlight.current = true;
    setSaving(true);
    try {
      await onSubmit(body);
    } catch (error) {
      const apiFailure = toFailure(error);
      setErrors(apiFailure.fieldErrors);
      setFailure(Object.keys(apiFailure.fieldErrors).length ? null : apiFailure.message);
      inFlight.current = false;
      setSaving(false);
    }
  };

  const input = (field: SectionField) => {
    const value = draft[field.name] ?? '';
    switch (field.type) {
      case 'textarea':
        return (
          <Textarea
            value={value}
            onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => set(field.name, e.target.value)}
          />
        );
      case 'taskStatus':
        return (
          <SingleSelect value={value} onChange={(next) => set(field.name, String(next))}>
            <SingleSelectOption value="open">{common('open', 'Open')}</SingleSelectOption>
            <SingleSelectOption value="done">{common('done', 'Done')}</SingleSelectOption>
          </SingleSelect>
        );
      case 'staff':
        return (
          <SingleSelect
            value={value}
            placeholder={field.name === 'staff' ? common('me', 'Me') : undefined}
            onChange={(next) => set(field.name, String(next))}
          >
            {field.name !== 'staff' && (
              <SingleSelectOption value="">{common('unassigned', 'Unassigned')}</SingleSelectOption>
            )}
            {staff.map((member) => (
              <SingleSelectOption key={member.id} value={String(member.id)}>
                {staffName(member)}
              </SingleSelectOption>
            ))}
          </SingleSelect>
        );
      default:
        return (
          <Field.Input
            type={INPUT_TYPES[field.type] ?? 'text'}
            value={value}
            onChange={(e: React.ChangeEvent<HTMLInputElement>) => set(field.name, e.target.value)}
          />
        );
    }
  };

  return (
    <Modal.Root open onOpenChange={(open) => !open && onClose()}>
      <Modal.Content>
        <form onSubmit={submit} noValidate>
          <Modal.Header>
            <Modal.Title>
              {record ? t('editTitle', spec.texts.editTitle) : t('newTitle', spec.texts.newTitle)}
            </Modal.Title>
          </Modal.Header>
          <Modal.Body>
            <Flex direction="column" alignItems="stretch" gap={4}>
              {failure && (
                <Typography role="alert" textColor="danger600">
                  {failure}
                </Typography>
              )}
              {spec.fields.map((field) => (
                <Field.Root
                  key={field.name}
                  name={field.name}
                  error={errorAt(errors, field.name)}
                  required={field.required}
                >
                  <Field.Label>{label(field)}</Field.Label>
                  {input(field)}
                  <Field.Error />
                </Field.Root>
              ))}
            </Flex>
          </Modal.Body>
          <Modal.Footer>
            <Button variant="tertiary" onClick={onClose} disabled={saving}>
              {common('cancel', 'Cancel')}
            </Button>
            <Button type="submit" loading={saving} disabled={saving}>
              {common('save', 'Save')}
            </Button>
          </Modal.Footer>
        </form>
      </Modal.Content>
    </Modal.Root>
  );
};

import { Alert, Button, Divider, Flex, Loader, Modal, Typography } from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';
import { useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import { useHref } from 'react-router-dom';
import {
  customerEditPath,
  type ConversionPrefill,
  type ConvertLead,
  type CustomerSummary,
} from '../../../../server/src/contracts';
import { useConvertLeadMutation, useGetConversionQuery } from '../../api/conversion';
import { useApiFailure } from '../../api/errors';
import { useStaffList } from '../../api/reference';
import { getTranslation } from '../../utils/getTranslation';
import { CustomerSection } from './CustomerSection';
import { ExistingCustomerNotice } from './ExistingCustomerNotice';
import { FollowUpSection } from './FollowUpSection';
import { LoginSection } from './LoginSection';
import { MergeTable } from './MergeTable';
import { toRequest, useConversionDraft } from './useConversionDraft';

export interface ConversionFormProps {
  leadId: string;
  onClose: () => void;
  /** Called once the lead is converted, with the new (or merged-into) customer. */
  onConverted?: (result: ConvertLead.Response['data']) => void;
}

/**
 * The conversion dialog's body and footer (SPEC §6, §8), rendered inside a modal: the Content
 * Manager's document action provides one, the Leads page its own.
 */
export const ConversionForm = ({ leadId, onClose, onConverted }: ConversionFormProps) => {
  const { formatMessage } = useIntl();
  const prefill = useGetConversionQuery(leadId, { refetchOnMountOrArgChange: true });
  const failure = useApiFailure();

  if (prefill.data && !prefill.isFetching) {
    return (
      <LoadedForm prefill={prefill.data.data} leadId={leadId} onClose={onClose} onConverted={onConverted} />
    );
  }
  return (
    <>
      <Modal.Body>
        {!prefill.isError ? (
          <Loader small>
            {formatMessage({ id: getTranslation('conversion.loading'), defaultMessage: 'Loading the lead…' })}
          </Loader>
        ) : (
          <Alert
            variant="danger"
            closeLabel={formatMessage({ id: getTranslation('conversion.close'), defaultMessage: 'Close' })}
            title={formatMessage({
              id: getTranslation('conversion.unavailable'),
              defaultMessage: 'This lead cannot be converted',
            })}
          >
            {failure(prefill.error).message}
          </Alert>
        )}
      </Modal.Body>
      <Modal.Footer>
        <Button variant="tertiary" onClick={onClose}>
          {formatMessage({ id: getTranslation('conversion.cancel'), defaultMessage: 'Cancel' })}
        </Button>
      </Modal.Footer>
    </>
  );
};

/** Paths of `customFields.<index>.<key>` errors, re-keyed by the field's slug for the merge table. */
const mergeErrors = (fieldErrors: Record<string, string>, prefill: ConversionPrefill) =>
  Object.fromEntries(
    Object.entries(fieldErrors).flatMap(([path, message]) => {
      const match = /^customFields\.(\d+)/.exec(path);
      const slug = match && prefill.customFields[Number(match[1])]?.slug;
      return slug ? [[slug, message]] : [];
    })
  );

const LoadedForm = ({
  prefill,
  leadId,
  onClose,
  onConverted,
}: ConversionFormProps & { prefill: ConversionPrefill }) => {
  const { formatMessage } = useIntl();
  const { toggleNotification } = useNotification();
  const [convert] = useConvertLeadMutation();
  const toFailure = useApiFailure();
  const staff = useStaffList();
  // the admin may be served under another path than /admin: ask the router for its root
  const adminRoot = useHref('/').replace(/\/$/, '');
  const controls = useConversionDraft(prefill);
  const [submitting, setSubmitting] = useState(false);
  // a ref, not only state: two clicks in the same frame must not send two requests
  const inFlight = useRef(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [existing, setExisting] = useState<CustomerSummary | null>(prefill.existingCustomer);
  const t = (key: string, defaultMessage: string) =>
    formatMessage({ id: getTranslation(`conversion.${key}`), defaultMessage });

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (inFlight.current) return;
    inFlight.current = true;
    setSubmitting(true);
    setFailure(null);
    try {
      const { data: result } = await convert({
        leadId,
        body: toRequest(controls.draft, prefill, existing?.documentId),
      }).unwrap();
      const name = [result.customer.firstName, result.customer.lastName].filter(Boolean).join(' ');
      toggleNotification({
        type: 'success',
        message: formatMessage(
          { id: getTranslation('conversion.success'), defaultMessage: '{name} is now a customer.' },
          { name }
        ),
        link: {
          url: `${adminRoot}${customerEditPath(result.customer.documentId)}`,
          label: t('openCustomer', 'Open the customer'),
        },
      });
      onConverted?.(result);
      onClose();
    } catch (error) {
      const apiFailure = toFailure(error);
      setErrors(apiFailure.fieldErrors);
      const details = apiFailure.details;
      if (apiFailure.status === 409 && details?.existingCustomer) setExisting(details.existingCustomer);
      setFailure(
        apiFailure.status === 400
          ? t('invalid', 'Some fields need your attention.')
          : apiFailure.status === 409 && details?.existingCustomer
            ? // the API's message tells a client which field to send; the notice below is the way here
              t(
                'emailTaken',
                'A customer already uses this email address: merge this lead into it below, or change the email.'
              )
            : apiFailure.message || t('failed', 'The conversion failed.')
      );
      inFlight.current = false;
      setSubmitting(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <Modal.Body>
        <Flex direction="column" alignItems="stretch" gap={6}>
          {failure && (
            <Alert variant="danger" closeLabel={t('close', 'Close')} onClose={() => setFailure(null)}>
              {failure}
            </Alert>
          )}
          {existing && (
            <ExistingCustomerNotice
              customer={existing}
              checked={controls.draft.mergeIntoExisting}
              onChange={controls.setMergeIntoExisting}
            />
          )}
          {errors.existingCustomerId && (
            <Typography textColor="danger600">{errors.existingCustomerId}</Typography>
          )}
          <CustomerSection controls={controls} errors={errors} />
          <Divider />
          <MergeTable prefill={prefill} controls={controls} errors={mergeErrors(errors, prefill)} />
          <LoginSection
            controls={controls}
            errors={errors}
            minPasswordLength={prefill.passwordPolicy?.minLength ?? 10}
          />
          <Divider />
          <FollowUpSection controls={controls} errors={errors} staff={staff} />
          <Typography variant="pi" textColor="neutral600">
            {t(
              'carried',
              "The lead's opportunities and attachments are copied to the customer; the lead keeps its own."
            )}
          </Typography>
        </Flex>
      </Modal.Body>
      <Modal.Footer>
        <Button variant="tertiary" onClick={onClose} disabled={submitting}>
          {t('cancel', 'Cancel')}
        </Button>
        <Button type="submit" loading={submitting} disabled={submitting}>
          {t('submit', 'Convert to customer')}
        </Button>
      </Modal.Footer>
    </form>
  );
};

import { Button, Flex, LinkButton } from '@strapi/design-system';
import { ArrowRight, Trash, User } from '@strapi/icons';
import { useNotification } from '@strapi/strapi/admin';
import { useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { listReturnPath } from '../leads/listReturn';
import { customerEditPath, type LeadDetail } from '../../../../server/src/contracts';
import { useApiFailure } from '../../api/errors';
import { useDeleteLeadMutation, useSetLeadFlagMutation } from '../../api/leads';
import { useAbilities } from '../../hooks/useAbilities';
import { ConversionModal } from '../conversion/ConversionModal';
import { ConfirmButton } from './ConfirmButton';
import { useProfileText } from './useProfileText';

interface Props {
  lead: LeadDetail;
}

type Flag = 'lost' | 'junk';

/** The profile's header actions the user may use: convert, lost, junk, delete, the customer. */
export const LeadActions = ({ lead }: Props) => {
  const t = useProfileText('actions');
  const abilities = useAbilities();
  const { toggleNotification } = useNotification();
  const navigate = useNavigate();
  const { state } = useLocation();
  const [setFlag] = useSetLeadFlagMutation();
  const [remove] = useDeleteLeadMutation();
  const failure = useApiFailure();
  const [converting, setConverting] = useState(false);
  const [busy, setBusy] = useState<Flag | null>(null);
  const converted = !!lead.dateConverted;

  const fail = (error: unknown) => toggleNotification({ type: 'danger', message: failure(error).message });

  const toggle = async (flag: Flag) => {
    if (busy) return;
    setBusy(flag);
    const value = !lead[flag];
    try {
      await setFlag({ id: lead.documentId, flag, value }).unwrap();
      toggleNotification({
        type: 'success',
        message:
          flag === 'lost'
            ? value
              ? t('lostDone', 'The lead is marked as lost.')
              : t('notLostDone', 'The lead is no longer lost.')
            : value
              ? t('junkDone', 'The lead is marked as junk.')
              : t('notJunkDone', 'The lead is no longer junk.'),
      });
    } catch (error) {
      fail(error);
    } finally {
      setBusy(null);
    }
  };

  const deleteLead = async () => {
    try {
      await remove(lead.documentId).unwrap();
      toggleNotification({
        type: 'success',
        message: t('deleted', '{name} was deleted.', { name: lead.name }),
      });
      navigate(listReturnPath(state));
    } catch (error) {
      fail(error);
    }
  };

  return (
    <Flex gap={2} wrap="wrap" justifyContent="flex-end">
      {lead.customer && (
        <LinkButton
          tag={Link}
          to={customerEditPath(lead.customer.documentId)}
          variant="secondary"
          startIcon={<User />}
        >
          {t('customer', 'Open the customer')}
        </LinkButton>
      )}
      {abilities.updateLead && !converted && (
        <>
          <Button variant="tertiary" loading={busy === 'lost'} onClick={() => toggle('lost')}>
            {lead.lost ? t('notLost', 'Not lost') : t('lost', 'Mark as lost')}
          </Button>
          <Button variant="tertiary" loading={busy === 'junk'} onClick={() => toggle('junk')}>
            {lead.junk ? t('notJunk', 'Not junk') : t('junk', 'Mark as junk')}
          </Button>
        </>
      )}
      {abilities.deleteLead && (
        <ConfirmButton
          label={t('delete', 'Delete')}
          icon={<Trash />}
          title={t('deleteTitle', 'Delete this lead?')}
          body={t(
            'deleteBody',
            '{name} will be deleted with its notes, tasks, reminders, opportunities and files. This cannot be undone.',
            { name: lead.name }
          )}
          confirmLabel={t('deleteConfirm', 'Delete')}
          onConfirm={deleteLead}
        />
      )}
      {abilities.convert && !converted && (
        <Button startIcon={<ArrowRight />} onClick={() => setConverting(true)}>
          {t('convert', 'Convert to customer')}
        </Button>
      )}
      {converting && <ConversionModal leadId={lead.documentId} onClose={() => setConverting(false)} />}
    </Flex>
  );
};

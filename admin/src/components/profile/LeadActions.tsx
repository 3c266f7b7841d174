import { Button, Flex, LinkButton } from '@strapi/design-system';
import { ArrowRight, Trash, User } from '@strapi/icons';
import { useNotification } from '@strapi/strapi/admin';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { customerEditPath } from '../../api/conversion';
import { toApiFailure } from '../../api/errors';
import { useLeadActions } from '../../api/leads';
import type { LeadDetail } from '../../api/types';
import { useAbilities } from '../../hooks/useAbilities';
import { ConversionModal } from '../conversion/ConversionModal';
import { ConfirmButton } from './ConfirmButton';
import { useProfileText } from './useProfileText';

interface Props {
  lead: LeadDetail;
  /** The lead as the server now has it, after lost or junk changed. */
  onChange: (lead: LeadDetail) => void;
  /** Reads the lead again (after a conversion). */
  onReload: () => void;
}

type Flag = 'lost' | 'junk';

/** The profile's header actions the user may use: convert, lost, junk, delete, the customer. */
export const LeadActions = ({ lead, onChange, onReload }: Props) => {
  const t = useProfileText('actions');
  const abilities = useAbilities();
  const { toggleNotification } = useNotification();
  const navigate = useNavigate();
  const { setLost, setJunk, remove } = useLeadActions();
  const [converting, setConverting] = useState(false);
  const [busy, setBusy] = useState<Flag | null>(null);
  const converted = !!lead.dateConverted;

  const fail = (error: unknown) =>
    toggleNotification({ type: 'danger', message: toApiFailure(error).message });

  const toggle = async (flag: Flag) => {
    if (busy) return;
    setBusy(flag);
    const value = !lead[flag];
    try {
      const saved = await (flag === 'lost' ? setLost : setJunk)(lead.documentId, value);
      onChange(saved);
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
      await remove(lead.documentId);
      toggleNotification({
        type: 'success',
        message: t('deleted', '{name} was deleted.', { name: lead.name }),
      });
      navigate('/plugins/crm');
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
      {converting && (
        <ConversionModal
          leadId={lead.documentId}
          onClose={() => setConverting(false)}
          onConverted={onReload}
        />
      )}
    </Flex>
  );
};

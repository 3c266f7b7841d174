import { Box, Tabs } from '@strapi/design-system';
import { useSearchParams } from 'react-router-dom';
import { useLeadSettings, type ReferenceData } from '../../api/reference';
import type { LeadDetail } from '../../../../server/src/contracts';
import { useAbilities } from '../../hooks/useAbilities';
import type { SectionKind } from '../../../../server/src/contracts';
import { ActivityPanel } from './ActivityPanel';
import { AttachmentsPanel } from './AttachmentsPanel';
import { GdprPanel } from './GdprPanel';
import { GeneralTab } from './GeneralTab';
import { SectionPanel } from './SectionPanel';
import { SECTION_SPECS } from './sectionSpecs';
import { useCurrentUserId } from './useCurrentUserId';
import { useLeadDraft } from './useLeadDraft';
import { useProfileText } from './useProfileText';

interface Props {
  lead: LeadDetail;
  reference: ReferenceData;
}

type TabId = 'general' | SectionKind | 'attachments' | 'activity' | 'gdpr';

/** The profile's sections as tabs (SPEC §5); the open one is kept in the address (`?tab=`). */
export const ProfileTabs = ({ lead, reference }: Props) => {
  const t = useProfileText('tabs');
  const abilities = useAbilities();
  // `lockConvertedLeads`: a converted lead stays editable only to who sees every lead (the server says)
  const settings = useLeadSettings();
  const locked = !!lead.dateConverted && settings.editsConvertedLeads === false;
  const canEdit = abilities.updateLead && !locked;
  const currentUserId = useCurrentUserId();
  const form = useLeadDraft(lead);
  const [params, setParams] = useSearchParams();

  const section = (kind: SectionKind) =>
    abilities.section(kind, 'read')
      ? [
          {
            id: kind,
            label: t(kind, SECTION_SPECS[kind].texts.title),
            content: (
              <SectionPanel
                kind={kind}
                leadId={lead.documentId}
                staff={reference.staff}
                currentUserId={currentUserId}
              />
            ),
          },
        ]
      : [];

  const tabs: { id: TabId; label: string; content: React.ReactNode }[] = [
    {
      id: 'general',
      label: t('general', 'General'),
      content: <GeneralTab lead={lead} form={form} reference={reference} canEdit={canEdit} locked={locked} />,
    },
    ...section('opportunities'),
    ...section('tasks'),
    {
      id: 'attachments',
      label: t('attachments', 'Attachments'),
      content: <AttachmentsPanel leadId={lead.documentId} canEdit={canEdit} />,
    },
    ...section('reminders'),
    ...section('notes'),
    {
      id: 'activity',
      label: t('activity', 'Activity'),
      content: <ActivityPanel leadId={lead.documentId} customFields={reference.customFields} />,
    },
    ...(abilities.export || abilities.anonymize
      ? [
          {
            id: 'gdpr' as const,
            label: t('gdpr', 'GDPR'),
            content: <GdprPanel lead={lead} />,
          },
        ]
      : []),
  ];

  const asked = params.get('tab');
  const current = tabs.some((tab) => tab.id === asked) ? (asked as TabId) : 'general';
  const open = (id: string) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (id === 'general') next.delete('tab');
        else next.set('tab', id);
        return next;
      },
      { replace: true }
    );

  return (
    <Tabs.Root value={current} onValueChange={open}>
      <Tabs.List aria-label={t('label', 'Lead profile')}>
        {tabs.map((tab) => (
          <Tabs.Trigger key={tab.id} value={tab.id}>
            {tab.label}
          </Tabs.Trigger>
        ))}
      </Tabs.List>
      {tabs.map((tab) => (
        <Tabs.Content key={tab.id} value={tab.id}>
          <Box paddingTop={6} paddingBottom={6} paddingLeft={6} paddingRight={6}>
            {tab.content}
          </Box>
        </Tabs.Content>
      ))}
    </Tabs.Root>
  );
};

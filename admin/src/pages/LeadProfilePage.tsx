import { EmptyStateLayout, LinkButton } from '@strapi/design-system';
import { ArrowLeft } from '@strapi/icons';
import { Layouts, Page } from '@strapi/strapi/admin';
import { Link, useParams } from 'react-router-dom';
import type { ApiError } from '../../../server/src/contracts';
import { useApiFailure } from '../api/errors';
import { useGetLeadQuery } from '../api/leads';
import { useReferenceData } from '../api/reference';
import { ProfileHeader } from '../components/profile/ProfileHeader';
import { ProfileTabs } from '../components/profile/ProfileTabs';
import { useProfileText } from '../components/profile/useProfileText';

/** The lead profile: its sections as tabs and its actions (SPEC §5, §8). */
export const LeadProfilePage = () => {
  const { documentId = '' } = useParams<{ documentId: string }>();
  const t = useProfileText('page');
  const lead = useGetLeadQuery(documentId);
  const reference = useReferenceData();
  const failure = useApiFailure();

  if (!lead.data) {
    if (!lead.isError) return <Page.Loading />;
    return (
      <Layouts.Root>
        <Page.Main>
          <Layouts.Header title={t('notFoundTitle', 'Lead not found')} />
          <Layouts.Content>
            <EmptyStateLayout
              content={
                (lead.error as ApiError).status === 404
                  ? t('notFound', 'This lead does not exist, or you may not see it.')
                  : failure(lead.error).message
              }
              action={
                <LinkButton tag={Link} to="/plugins/crm" variant="secondary" startIcon={<ArrowLeft />}>
                  {t('back', 'Back to the leads')}
                </LinkButton>
              }
            />
          </Layouts.Content>
        </Page.Main>
      </Layouts.Root>
    );
  }

  const current = lead.data.data;
  return (
    <Layouts.Root>
      <Page.Title>{current.name}</Page.Title>
      <Page.Main>
        <ProfileHeader lead={current} />
        <Layouts.Content>
          <ProfileTabs lead={current} reference={reference} />
        </Layouts.Content>
      </Page.Main>
    </Layouts.Root>
  );
};

import { Layouts, Page } from '@strapi/strapi/admin';
import { useParams } from 'react-router-dom';

/** The lead profile: its sections as tabs and its actions (SPEC §5). */
export const LeadProfilePage = () => {
  const { documentId = '' } = useParams<{ documentId: string }>();
  return (
    <Layouts.Root>
      <Page.Main>
        <Layouts.Header title={documentId} />
      </Page.Main>
    </Layouts.Root>
  );
};

import { Layouts, Page } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { StaffList } from '../components/StaffList';
import { getTranslation } from '../utils/getTranslation';

export const LeadsPage = () => {
  const { formatMessage } = useIntl();
  const title = formatMessage({ id: getTranslation('leads.title'), defaultMessage: 'Leads' });

  return (
    <Layouts.Root>
      <Page.Title>{title}</Page.Title>
      <Page.Main>
        <Layouts.Header title={title} />
        <Layouts.Content>
          <StaffList />
        </Layouts.Content>
      </Page.Main>
    </Layouts.Root>
  );
};

import { Flex, LinkButton } from '@strapi/design-system';
import { ChartPie, Check } from '@strapi/icons';
import { useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import { getTranslation } from '../../utils/getTranslation';

/** The Leads page header's way to the reports and to the caller's own work. */
export const LeadsPageLinks = () => {
  const { formatMessage } = useIntl();
  return (
    <Flex gap={2}>
      <LinkButton tag={Link} to="/plugins/crm/reports" variant="tertiary" startIcon={<ChartPie />}>
        {formatMessage({ id: getTranslation('reports.link'), defaultMessage: 'Reports' })}
      </LinkButton>
      <LinkButton tag={Link} to="/plugins/crm/my-work" variant="tertiary" startIcon={<Check />}>
        {formatMessage({ id: getTranslation('myWork.link'), defaultMessage: 'My work' })}
      </LinkButton>
    </Flex>
  );
};

import { Badge, Flex, Link, Typography } from '@strapi/design-system';
import { ArrowLeft } from '@strapi/icons';
import { Layouts } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { NavLink, useLocation } from 'react-router-dom';
import type { LeadDetail } from '../../../../server/src/contracts';
import { listReturnPath } from '../leads/listReturn';
import { StatusBadge } from '../leads/StatusBadge';
import { LeadActions } from './LeadActions';
import { useProfileText } from './useProfileText';

interface Props {
  lead: LeadDetail;
}

/** The lead's name, status and state, the way back to the list, and the actions. */
export const ProfileHeader = ({ lead }: Props) => {
  const t = useProfileText('header');
  const { formatDate } = useIntl();
  const { state } = useLocation();
  return (
    <Layouts.Header
      navigationAction={
        <Link tag={NavLink} to={listReturnPath(state)} startIcon={<ArrowLeft />}>
          {t('back', 'Back to the leads')}
        </Link>
      }
      title={lead.name}
      secondaryAction={<StatusBadge status={lead.status} />}
      subtitle={
        <Flex gap={2} wrap="wrap" tag="span">
          {lead.company && <Typography textColor="neutral600">{lead.company}</Typography>}
          {lead.lost && <Badge>{t('lost', 'Lost')}</Badge>}
          {lead.junk && <Badge>{t('junk', 'Junk')}</Badge>}
          {lead.dateConverted && (
            <Badge active>
              {t('converted', 'Converted on {date}', {
                date: formatDate(lead.dateConverted, { dateStyle: 'medium' }),
              })}
            </Badge>
          )}
        </Flex>
      }
      primaryAction={<LeadActions lead={lead} />}
    />
  );
};

import { Box, Loader, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { useStaff, type StaffMember } from '../api/staff';
import { getTranslation } from '../utils/getTranslation';

const fullName = ({ firstname, lastname }: StaffMember) => [firstname, lastname].filter(Boolean).join(' ');

/** The sales team: the people leads can be assigned to. */
export const StaffList = () => {
  const { formatMessage } = useIntl();
  const state = useStaff();

  if (state.status === 'loading') {
    return (
      <Loader small>
        {formatMessage({ id: getTranslation('staff.loading'), defaultMessage: 'Loading the team…' })}
      </Loader>
    );
  }
  if (state.status === 'error') {
    return (
      <Typography textColor="danger600">
        {formatMessage({
          id: getTranslation('staff.error'),
          defaultMessage: 'The team could not be loaded.',
        })}
      </Typography>
    );
  }
  return (
    <Box>
      <Typography variant="delta" tag="h2">
        {formatMessage(
          { id: getTranslation('staff.title'), defaultMessage: 'Sales team ({count})' },
          { count: state.staff.length }
        )}
      </Typography>
      <ul>
        {state.staff.map((member) => (
          <li key={member.id}>
            <Typography>{fullName(member)}</Typography>
          </li>
        ))}
      </ul>
    </Box>
  );
};

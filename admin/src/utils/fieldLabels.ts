import { CONTACT_FIELD_LABELS } from '../../../server/src/contracts';

/** The lead's standard fields (ids `crm.profile.fields.<field>`), for the form and the activity log. */
export const LEAD_FIELD_LABELS: Record<string, string> = {
  name: 'Name',
  status: 'Status',
  source: 'Source',
  assignedTo: 'Assigned to',
  tags: 'Tags',
  value: 'Value',
  ...CONTACT_FIELD_LABELS,
  isPublic: 'Public lead',
  contactedToday: 'Contacted today',
  lastContactAt: 'Last contact',
};

/** The customer's standard fields (ids `crm.conversion.customer.<field>`), for the conversion dialog. */
export const CUSTOMER_LABELS: Record<string, string> = {
  firstName: 'First name',
  lastName: 'Last name',
  ...CONTACT_FIELD_LABELS,
};

/** The customer's contact fields, in form order: what conversion fills and the portal shows. */
export const CUSTOMER_CONTACT_FIELDS = [
  'firstName',
  'lastName',
  'position',
  'company',
  'email',
  'phone',
  'website',
  'address',
  'city',
  'state',
  'zip',
  'country',
] as const;

/** What a customer may not change about themselves in the portal: the email is their login. */
export const CUSTOMER_SELF_EDITABLE_FIELDS = CUSTOMER_CONTACT_FIELDS.filter((f) => f !== 'email');

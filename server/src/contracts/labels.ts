/**
 * English labels of the contact fields leads and customers share: the plugin's forms (as react-intl
 * defaults) and the Content Manager's layout (written at boot) name them alike.
 */
export const CONTACT_FIELD_LABELS = {
  position: 'Position',
  company: 'Company',
  email: 'Email',
  phone: 'Phone',
  website: 'Website',
  address: 'Address',
  city: 'City',
  state: 'State',
  zip: 'Zip code',
  country: 'Country',
  description: 'Description',
};

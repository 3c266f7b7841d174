/** English labels of the customer's standard fields (ids `crm.conversion.customer.<field>`). */
export const CUSTOMER_LABELS: Record<string, string> = {
  firstName: 'First name',
  lastName: 'Last name',
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

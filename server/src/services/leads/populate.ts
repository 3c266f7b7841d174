/** What a list row and a profile load, in Document Service populate syntax. */
export const SUMMARY_POPULATE = {
  leadStatus: { fields: ['name', 'color', 'order', 'isCustomerStatus'] },
  source: { fields: ['name'] },
  assignedTo: { fields: ['firstname', 'lastname'] },
  tags: { fields: ['name'] },
};

export const DETAIL_POPULATE = {
  ...SUMMARY_POPULATE,
  createdBy: { fields: ['firstname', 'lastname'] },
  customer: { fields: ['firstName', 'lastName', 'email', 'company'] },
  attachments: { fields: ['name', 'url', 'mime', 'size', 'createdAt'] },
};

/** RBAC checks the admin panel makes, mirroring the server's (`server/src/uids.ts`). */
export const PERMISSIONS = {
  readLeads: [{ action: 'plugin::content-manager.explorer.read', subject: 'plugin::crm.lead' }],
};

import type { Core } from '@strapi/strapi';

const LEAD = 'plugin::crm.lead';

/** documentIds of the seeded statuses and sources, by name. */
export const references = async (strapi: Core.Strapi) => {
  const byName = (rows: { name: string; documentId: string }[]) =>
    Object.fromEntries(rows.map((r) => [r.name, r.documentId])) as Record<string, string>;
  return {
    status: byName(await strapi.db.query('plugin::crm.lead-status').findMany()),
    source: byName(await strapi.db.query('plugin::crm.lead-source').findMany()),
  };
};

export interface LeadFixture {
  name: string;
  createdBy?: number;
  assignedTo?: number | null;
  isPublic?: boolean;
  status?: string;
  source?: string;
  [field: string]: unknown;
}

/** Writes a lead straight through the Document Service (no HTTP), as a fixture. */
export const createLead = async (strapi: Core.Strapi, { createdBy, status, ...fields }: LeadFixture) => {
  const refs = await references(strapi);
  return strapi.documents(LEAD).create({
    data: {
      // stored as leadStatus (the Content Manager reserves a top-level `status`)
      leadStatus: status ?? refs.status.New,
      source: refs.source.Website,
      isPublic: false,
      ...fields,
      ...(createdBy ? { createdBy, updatedBy: createdBy } : {}),
    } as never,
  });
};

/** Rows of a table, for "nothing was written" assertions. */
export const countRows = (strapi: Core.Strapi, uid: string) => strapi.db.query(uid as never).count();

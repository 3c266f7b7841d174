import type { Core } from '@strapi/strapi';
import { ensureSalesRoles } from './permissions/roles';
import { getService } from './utils';

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  await getService(strapi, 'defaults').ensure();
  await ensureSalesRoles(strapi);
};

export default bootstrap;

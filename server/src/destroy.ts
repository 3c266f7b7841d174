import type { Core } from '@strapi/strapi';
import { getService } from './utils';

/** Stops the import worker: the batch under way commits and the job is handed back for resuming. */
const destroy = async ({ strapi }: { strapi: Core.Strapi }) => {
  await getService(strapi, 'importWorker').stop();
};

export default destroy;

import { PLUGIN_ID } from '../pluginId';

/** Namespaces a translation key: `getTranslation('leads.title')` → `crm.leads.title`. */
export const getTranslation = (id: string) => `${PLUGIN_ID}.${id}`;

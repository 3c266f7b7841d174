import type { DocumentActionComponent } from '@strapi/content-manager/strapi-admin';
import type { StrapiApp } from '@strapi/strapi/admin';
import { ConvertDocumentAction } from './components/conversion/ConvertDocumentAction';
import { PluginIcon } from './components/PluginIcon';
import { registerWidgets } from './components/widgets';
import { ABILITIES, CUSTOM_FIELD_VALUES } from '../../server/src/contracts';
import { PLUGIN_ID } from './pluginId';
import { getTranslation } from './utils/getTranslation';

export default {
  register(app: StrapiApp) {
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: PluginIcon,
      intlLabel: { id: getTranslation('plugin.name'), defaultMessage: 'Leads' },
      Component: () => import('./pages/App'),
      permissions: ABILITIES.readLeads,
    });
    app.registerPlugin({ id: PLUGIN_ID, name: 'CRM' });
    registerWidgets(app);
    // leads' and customers' custom-field values, typed in the Content Manager (SPEC §8)
    app.customFields.register({
      name: CUSTOM_FIELD_VALUES,
      pluginId: PLUGIN_ID,
      type: 'json',
      intlLabel: { id: getTranslation('customFieldValues.label'), defaultMessage: 'Custom fields' },
      intlDescription: {
        id: getTranslation('customFieldValues.description'),
        defaultMessage: 'The values of the custom fields defined for leads or customers',
      },
      components: { Input: async () => import('./components/custom-fields/CustomFieldValuesInput') },
    });
  },

  bootstrap(app: StrapiApp) {
    const contentManager = app.getPlugin('content-manager') as unknown as {
      apis: { addDocumentAction(actions: DocumentActionComponent[]): void };
    };
    contentManager.apis.addDocumentAction([ConvertDocumentAction]);
  },

  async registerTrads({ locales }: { locales: string[] }) {
    return Promise.all(
      locales.map(async (locale) => {
        try {
          const { default: data } = await import(`./translations/${locale}.json`);
          return { data, locale };
        } catch {
          return { data: {}, locale };
        }
      })
    );
  },
};

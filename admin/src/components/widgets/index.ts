import { ChartPie, Check } from '@strapi/icons';
import type { StrapiApp } from '@strapi/strapi/admin';
import { ABILITIES } from '../../../../server/src/contracts';
import { PLUGIN_ID } from '../../pluginId';
import { getTranslation } from '../../utils/getTranslation';

/** The CRM's widgets on Strapi's homepage (Strapi ≥ 5.13), for users who may read leads. */
export const registerWidgets = (app: StrapiApp) => {
  app.widgets.register([
    {
      id: 'my-work',
      pluginId: PLUGIN_ID,
      icon: Check,
      title: { id: getTranslation('widgets.myWork.title'), defaultMessage: 'My work' },
      link: {
        label: { id: getTranslation('widgets.myWork.link'), defaultMessage: 'See all my work' },
        href: `/plugins/${PLUGIN_ID}/my-work`,
      },
      component: async () => (await import('./MyWorkWidget')).MyWorkWidget,
      permissions: ABILITIES.readLeads,
    },
    {
      id: 'pipeline',
      pluginId: PLUGIN_ID,
      icon: ChartPie,
      title: { id: getTranslation('widgets.pipeline.title'), defaultMessage: 'Pipeline' },
      link: {
        label: { id: getTranslation('widgets.pipeline.link'), defaultMessage: 'Open the reports' },
        href: `/plugins/${PLUGIN_ID}/reports`,
      },
      component: async () => (await import('./PipelineWidget')).PipelineWidget,
      permissions: ABILITIES.readLeads,
    },
  ]);
};

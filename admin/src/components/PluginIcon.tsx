import { Briefcase } from '@strapi/icons';

export const PluginIcon = () => <Briefcase />;

import type { Core } from '@strapi/strapi';
import type { CrmConfig } from '../config';
import type services from '../services';

type Services = typeof services;
type ServiceName = keyof Services;

/** Typed access to the plugin's services: `getService(strapi, 'staff').assignable()`. */
export const getService = <TName extends ServiceName>(strapi: Core.Strapi, name: TName) =>
  strapi.plugin('crm').service(name) as ReturnType<Services[TName]>;

/** The plugin's config at `key`, typed (the config validator checked it at startup). */
export const crmConfig = <K extends keyof CrmConfig>(strapi: Core.Strapi, key: K): CrmConfig[K] =>
  strapi.plugin('crm').config(key);

/** Build source of the plugin's admin entry: `@strapi/sdk-plugin` compiles it into dist/admin. */
export { default } from './admin/src';

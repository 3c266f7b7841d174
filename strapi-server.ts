/** Build source of the plugin's server entry: `@strapi/sdk-plugin` compiles it into dist/server. */
export { default } from './server/src';

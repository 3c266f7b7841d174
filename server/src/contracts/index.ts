/**
 * The contract between the plugin's server and its admin panel: one namespace per admin route of
 * SPEC §9 (`Request`, `Response`) and the rules both sides apply. Plain types, data and pure
 * functions only: the admin bundle imports this folder.
 */
export * from './activity';
export * from './attachments';
export * from './bulk';
export * from './conversion';
export * from './customers';
export * from './errors';
export * from './gdpr';
export * from './labels';
export * from './imports';
export * from './leads';
export * from './permissions';
export * from './portal';
export * from './reference';
export * from './sections';
export * from './reports';
export * from './my-work';

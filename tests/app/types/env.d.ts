/** The environment variables the demo app reads, besides Strapi's own (see the README). */
declare namespace NodeJS {
  interface ProcessEnv {
    DEMO_USERS?: string;
    DEMO_SEED?: string;
    DEMO_ADMIN_EMAIL?: string;
    DEMO_ADMIN_PASSWORD?: string;
    EMAIL_LOG?: string;
    EMAIL_OUTBOX?: string;
  }
}

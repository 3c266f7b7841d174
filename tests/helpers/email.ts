/** The capturing email provider the test app is configured with (tests/app/providers/email-capture). */
interface CapturedMessage {
  to: string;
  from?: string;
  subject: string;
  text?: string;
  html?: string;
  sentAt: string;
}

interface Capture {
  sent: CapturedMessage[];
  failWith(error: Error | null): void;
  reset(): void;
}

export const emails: Capture = require('strapi-provider-email-crm-capture');

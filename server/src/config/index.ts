import { errors } from '@strapi/utils';
import { CUSTOMER_CONTACT_FIELDS, CUSTOMER_SELF_EDITABLE_FIELDS } from '../content-types/customer/fields';
import { DEFAULT_COUNT_CAP } from '../contracts/leads';

/** The welcome email of a new portal login; `{{firstName}}`, `{{email}}` and `{{setPasswordUrl}}` are replaced. */
export interface WelcomeEmailTemplate {
  subject: string;
  text: string;
  /** Used instead of `text` when the customer chose no password (the link is the only way in). */
  textWithSetPassword: string;
}

/** The plugin's configuration (`config/plugins.(js|ts)` → `crm.config`), with its defaults. */
export interface CrmConfig {
  /** ISO 4217 code of lead and opportunity values. */
  currency: string;
  /** When on, only users who may read every lead can still edit a converted lead. */
  lockConvertedLeads: boolean;
  /** Portal password policy applied at conversion. */
  password: { minLength: number };
  /** Web-to-lead capture (POST /api/crm/web-leads). */
  webLeads: {
    /** Lead fields a form may fill; anything else it sends is ignored. */
    fields: string[];
    /** Names of the status and source given to captured leads. */
    defaultStatus: string;
    defaultSource: string;
    /** Admin user id the captured leads are assigned to (and who is emailed), or null. */
    defaultAssignee: number | null;
    isPublic: boolean;
    /** A form field that people leave empty and bots fill: a filled one is accepted and dropped. */
    honeypotField: string;
    /** Per IP; counted in the shared database, or in Redis when `redis` (a redis:// URL) is set and ioredis installed. */
    rateLimit: { max: number; intervalMs: number; redis?: string | null };
    /** A second submission with the email of an open lead updates it ("update") or makes another ("create"). */
    duplicates: 'update' | 'create';
  };
  /**
   * What may be attached to a lead: the largest file in bytes, and MIME types (`image/*` style
   * allowed), decided from the file's content. `privateDir` is where the files are kept, outside
   * the public folder (relative to the app's root unless absolute); several instances share it.
   */
  attachments: { maxSize: number; allowedTypes: string[]; privateDir: string };
  /** When due reminders are sent (Strapi cron rule); runs only with `server.cron.enabled`. */
  reminders: { cronRule: string };
  portal: {
    /**
     * The page of your site where a customer sets a password; it receives `?code=<token>` and
     * posts it to users-permissions' POST /api/auth/reset-password. Defaults to the
     * users-permissions "reset password page" setting.
     */
    resetPasswordUrl: string | null;
    welcomeEmail: WelcomeEmailTemplate;
    /** Customer fields GET /api/crm/me answers, and those PUT /api/crm/me may change. */
    profileFields: string[];
    editableFields: string[];
  };
  /** Lists and the board: above `countCap` matching leads their total is the cap (`totalCapped`). */
  list: { countCap: number };
  /**
   * CSV import of leads (POST /crm/leads/import): the largest file in bytes and the most rows one
   * file may hold; rows written per transaction; how often each instance's worker looks for a job;
   * how long a claimed job stays an instance's before another may resume it; the errors a job keeps
   * for its refused-rows report (the refused rows past them are counted, not listed); the jobs one
   * staff member may have queued or running at once.
   */
  import: {
    maxBytes: number;
    maxRows: number;
    batchSize: number;
    pollIntervalMs: number;
    leaseMs: number;
    maxErrors: number;
    maxUnfinishedPerUser: number;
  };
}

const defaultConfig: CrmConfig = {
  currency: 'USD',
  lockConvertedLeads: true,
  password: { minLength: 10 },
  webLeads: {
    fields: ['name', 'email', 'phone', 'company', 'website', 'position', 'city', 'country', 'description'],
    defaultStatus: 'New',
    defaultSource: 'Website',
    defaultAssignee: null,
    isPublic: false,
    honeypotField: 'nickname',
    rateLimit: { max: 10, intervalMs: 60_000, redis: null },
    duplicates: 'update',
  },
  attachments: {
    privateDir: 'private/crm-attachments',
    maxSize: 10 * 1024 * 1024,
    allowedTypes: [
      'image/*',
      'application/pdf',
      'text/plain',
      'text/csv',
      'application/msword',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'application/vnd.ms-excel',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ],
  },
  reminders: { cronRule: '*/1 * * * *' },
  import: {
    maxBytes: 20 * 1024 * 1024,
    maxRows: 100_000,
    batchSize: 200,
    pollIntervalMs: 2000,
    leaseMs: 60_000,
    maxErrors: 1000,
    maxUnfinishedPerUser: 2,
  },
  portal: {
    resetPasswordUrl: null,
    profileFields: [...CUSTOMER_CONTACT_FIELDS],
    editableFields: [...CUSTOMER_SELF_EDITABLE_FIELDS],
    welcomeEmail: {
      subject: 'Welcome to your customer portal',
      text: 'Hello {{firstName}},\n\nYour customer portal account is ready. Log in with {{email}} and the password you chose.\n',
      textWithSetPassword:
        'Hello {{firstName}},\n\nYour customer portal account is ready. Choose your password here:\n{{setPasswordUrl}}\n\nThen log in with {{email}}.\n',
    },
  },
  list: { countCap: DEFAULT_COUNT_CAP },
};

const validator = (config: CrmConfig) => {
  if (!/^[A-Z]{3}$/.test(config.currency)) {
    throw new errors.ValidationError('crm.currency must be a three-letter ISO 4217 code, e.g. "EUR"');
  }
  if (typeof config.lockConvertedLeads !== 'boolean') {
    throw new errors.ValidationError('crm.lockConvertedLeads must be a boolean');
  }
  if (!Number.isInteger(config.password?.minLength) || config.password.minLength < 8) {
    throw new errors.ValidationError('crm.password.minLength must be an integer of at least 8');
  }
  if (
    !Number.isInteger(config.attachments?.maxSize) ||
    config.attachments.maxSize <= 0 ||
    !Array.isArray(config.attachments.allowedTypes) ||
    typeof config.attachments.privateDir !== 'string' ||
    !config.attachments.privateDir.trim()
  ) {
    throw new errors.ValidationError(
      'crm.attachments needs a positive maxSize (bytes), an allowedTypes list and a privateDir'
    );
  }
  const web = config.webLeads;
  if (!web || !Array.isArray(web.fields) || !['update', 'create'].includes(web.duplicates)) {
    throw new errors.ValidationError('crm.webLeads needs a fields list and duplicates "update" or "create"');
  }
  if (!Number.isInteger(web.rateLimit?.max) || !Number.isInteger(web.rateLimit?.intervalMs)) {
    throw new errors.ValidationError('crm.webLeads.rateLimit needs whole numbers max and intervalMs');
  }
  if (typeof config.reminders?.cronRule !== 'string' || !config.reminders.cronRule.trim()) {
    throw new errors.ValidationError('crm.reminders.cronRule must be a cron rule, e.g. "*/1 * * * *"');
  }
  // The email is the portal login and what a conversion matches an existing customer on: a customer
  // who could set it to a lead's address would be offered that lead's data by a staff merge.
  const editable = config.portal?.editableFields;
  const selfEditable: readonly string[] = CUSTOMER_SELF_EDITABLE_FIELDS;
  if (!Array.isArray(editable) || editable.some((field) => !selfEditable.includes(field))) {
    throw new errors.ValidationError(
      `crm.portal.editableFields may hold only ${CUSTOMER_SELF_EDITABLE_FIELDS.join(', ')} (never the email, which is the login)`
    );
  }
  const imp = config.import;
  if (
    !imp ||
    (
      [
        'maxBytes',
        'maxRows',
        'batchSize',
        'pollIntervalMs',
        'leaseMs',
        'maxErrors',
        'maxUnfinishedPerUser',
      ] as const
    ).some((key) => !Number.isInteger(imp[key]) || imp[key] <= 0)
  ) {
    throw new errors.ValidationError(
      'crm.import needs positive whole numbers maxBytes, maxRows, batchSize, pollIntervalMs, leaseMs, maxErrors and maxUnfinishedPerUser'
    );
  }
  const email = config.portal?.welcomeEmail;
  if (
    !email ||
    ['subject', 'text', 'textWithSetPassword'].some((k) => typeof email[k as keyof typeof email] !== 'string')
  ) {
    throw new errors.ValidationError(
      'crm.portal.welcomeEmail needs subject, text and textWithSetPassword strings'
    );
  }
  if (email.textWithSetPassword && !email.textWithSetPassword.includes('{{setPasswordUrl}}')) {
    throw new errors.ValidationError(
      'crm.portal.welcomeEmail.textWithSetPassword must contain {{setPasswordUrl}}'
    );
  }
  if (!Number.isSafeInteger(config.list?.countCap) || config.list.countCap < 1) {
    throw new errors.ValidationError('crm.list.countCap must be a whole number of at least 1');
  }
};

export default { default: defaultConfig, validator };

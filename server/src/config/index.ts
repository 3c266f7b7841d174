import { errors } from '@strapi/utils';

/** The plugin's configuration (`config/plugins.(js|ts)` → `crm.config`), with its defaults. */
export interface CrmConfig {
  /** ISO 4217 code of lead and opportunity values. */
  currency: string;
  /** When on, only users who may read every lead can still edit a converted lead. */
  lockConvertedLeads: boolean;
  /** Portal password policy applied at conversion. */
  password: { minLength: number };
}

const defaultConfig: CrmConfig = {
  currency: 'USD',
  lockConvertedLeads: true,
  password: { minLength: 10 },
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
};

export default { default: defaultConfig, validator };

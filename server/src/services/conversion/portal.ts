import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import type { WelcomeEmailTemplate } from '../../config';
import { conflictError } from '../../errors';
import { CUSTOMER_ROLE } from '../defaults';
import { UID } from '../../uids';

const USER = 'plugin::users-permissions.user';

export interface PortalLogin {
  id: number;
  email: string;
  /** Set when no password was chosen: the token of users-permissions' reset-password flow. */
  resetPasswordToken: string | null;
  created: boolean;
}

const fill = (template: string, values: Record<string, string>) =>
  template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => values[key] ?? '');

/** Customer portal logins: users-permissions users with the Customer role. */
const portalService = ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * The login of `email` for a customer: a new confirmed Customer user (the password hashed by
   * Strapi; without one, a reset token for the welcome email), or an existing user not yet
   * linked to a customer. Inside the conversion's transaction.
   */
  async ensureLogin(
    email: string,
    password: string | undefined,
    customerId: number | null
  ): Promise<PortalLogin> {
    const existing = await strapi.db.query(USER).findOne({ where: { email: email.toLowerCase() } });
    if (existing) {
      const owner = await strapi.db.query(UID.customer).findOne({ where: { user: { id: existing.id } } });
      if (owner && owner.id === customerId)
        return { id: existing.id, email: existing.email, resetPasswordToken: null, created: false };
      // An account the conversion did not make for this customer (anyone can register one with any
      // email) is never handed the customer's data: the login is refused, nothing is written.
      throw conflictError(
        owner
          ? 'This email already has a portal login linked to another customer'
          : 'An account with this email already exists and was not made for this customer: convert without a portal login, then link the account once its owner is verified',
        { field: 'login' }
      );
    }
    const role = await strapi.db
      .query('plugin::users-permissions.role')
      .findOne({ where: { type: CUSTOMER_ROLE.type } });
    const resetPasswordToken = password ? null : crypto.randomBytes(64).toString('hex');
    const user = await strapi
      .plugin('users-permissions')
      .service('user')
      .add({
        username: email.toLowerCase(),
        email: email.toLowerCase(),
        provider: 'local',
        confirmed: true,
        blocked: false,
        role: role.id,
        ...(password ? { password } : { resetPasswordToken }),
      });
    return { id: user.id, email: user.email, resetPasswordToken, created: true };
  },

  /** Where a customer sets their password: plugin config, else users-permissions' own setting. */
  async resetPasswordUrl(): Promise<string> {
    const configured = strapi.plugin('crm').config('portal.resetPasswordUrl') as string | null;
    if (configured) return configured;
    const advanced = (await strapi
      .store({ type: 'plugin', name: 'users-permissions', key: 'advanced' })
      .get()) as { email_reset_password?: string | null } | undefined;
    return (
      advanced?.email_reset_password ||
      `${strapi.config.get('server.url') || 'http://localhost:1337'}/reset-password`
    );
  },

  /** Sends the welcome email; the password is never part of it. Throws what the provider throws. */
  async sendWelcome(login: PortalLogin, firstName: string) {
    const template = strapi.plugin('crm').config('portal.welcomeEmail') as WelcomeEmailTemplate;
    const setPasswordUrl = login.resetPasswordToken
      ? `${await this.resetPasswordUrl()}?code=${login.resetPasswordToken}`
      : '';
    const values = { firstName, email: login.email, setPasswordUrl };
    await strapi
      .plugin('email')
      .service('email')
      .send({
        to: login.email,
        subject: fill(template.subject, values),
        text: fill(login.resetPasswordToken ? template.textWithSetPassword : template.text, values),
      });
  },
});

export default portalService;
export type PortalService = ReturnType<typeof portalService>;

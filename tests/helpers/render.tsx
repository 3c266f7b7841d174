import { DesignSystemProvider } from '@strapi/design-system';
import { NotificationsProvider } from '@strapi/strapi/admin';
import { render as renderRTL } from '@testing-library/react';
import type { ReactElement } from 'react';
import { IntlProvider } from 'react-intl';
import { MemoryRouter } from 'react-router-dom';
import { AbilitiesContext } from '../../admin/src/hooks/useAbilities';
import { abilitiesFrom } from '../../admin/src/permissions';
import en from '../../admin/src/translations/en.json';
import { onIntlError } from './translations';

/** Every CRM permission a Sales Manager holds: the default for component tests. */
export const ALL_PERMISSIONS = [
  ...['read', 'create', 'update', 'delete'].flatMap((action) =>
    ['lead', 'customer', 'note', 'task', 'reminder', 'opportunity'].map((type) => ({
      action: `plugin::content-manager.explorer.${action}`,
      subject: `plugin::crm.${type}`,
    }))
  ),
  ...['convert', 'export', 'anonymize'].map((action) => ({ action: `plugin::crm.leads.${action}` })),
];

interface Options {
  initialEntries?: string[];
  /** The signed-in user's permissions, as the admin panel holds them. */
  permissions?: { action: string; subject?: string | null }[];
}

/**
 * Renders an admin component inside the providers the admin panel gives it: the shipped English
 * messages (an id missing from en.json fails the test file), light theme, notifications, abilities.
 */
export const render = (
  ui: ReactElement,
  { initialEntries = ['/'], permissions = ALL_PERMISSIONS }: Options = {}
) =>
  renderRTL(ui, {
    // defaultLocale differs from locale, or react-intl would not report ids missing from en.json
    wrapper: ({ children }) => (
      <IntlProvider locale="en" messages={en} defaultLocale="en-US" onError={onIntlError}>
        <DesignSystemProvider locale="en">
          <NotificationsProvider>
            <AbilitiesContext.Provider value={abilitiesFrom(permissions)}>
              <MemoryRouter
                initialEntries={initialEntries}
                future={{ v7_startTransition: true, v7_relativeSplatPath: true }}
              >
                {children}
              </MemoryRouter>
            </AbilitiesContext.Provider>
          </NotificationsProvider>
        </DesignSystemProvider>
      </IntlProvider>
    ),
  });

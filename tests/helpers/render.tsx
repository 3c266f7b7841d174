import { configureStore } from '@reduxjs/toolkit';
import { DesignSystemProvider } from '@strapi/design-system';
import { adminApi, NotificationsProvider } from '@strapi/strapi/admin';
import { render as renderRTL } from '@testing-library/react';
import type { ComponentType, ReactElement, ReactNode } from 'react';
import { IntlProvider } from 'react-intl';
import { Provider as StoreProvider } from 'react-redux';
import { MemoryRouter } from 'react-router-dom';
import { AbilitiesProvider } from '../../admin/src/hooks/useAbilities';
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

type HeldPermission = { action: string; subject?: string | null };

/*
 * The admin's own providers of the signed-in user (its permissions, read by `useRBAC`) and of the
 * app (the RBAC middlewares): the admin panel renders them around every plugin page, but exports
 * neither. These are the files its own tests render.
 */
const ADMIN = '../../node_modules/@strapi/admin/dist/admin/admin/src/features';
const { AuthProvider } = jest.requireActual<{
  AuthProvider: ComponentType<{
    children: ReactNode;
    _defaultPermissions: HeldPermission[];
    _disableRenewToken: boolean;
  }>;
}>(`${ADMIN}/Auth.js`);
const { StrapiAppProvider } = jest.requireActual<{
  StrapiAppProvider: ComponentType<{ children: ReactNode; rbac: { run: unknown } }>;
}>(`${ADMIN}/StrapiApp.js`);

const rbac = { run: async (_context: unknown, permissions: HeldPermission[]) => permissions };

/** A store like the admin panel's: RTK Query's `adminApi` and no signed-in token to refresh. */
export const createStore = () =>
  configureStore({
    reducer: {
      [adminApi.reducerPath]: adminApi.reducer,
      admin_app: (state = { token: null, language: { locale: 'en', localeNames: { en: 'English' } } }) =>
        state,
    },
    middleware: (getDefaultMiddleware) =>
      getDefaultMiddleware({ serializableCheck: false, immutableCheck: false }).concat(adminApi.middleware),
  });

interface Options {
  /** Where the router starts: a URL, or a location with its history state. */
  initialEntries?: (string | { pathname: string; search?: string; state?: unknown })[];
  /** The signed-in user's permissions, as the admin panel holds them. */
  permissions?: HeldPermission[];
  store?: ReturnType<typeof createStore>;
}

/**
 * Renders an admin component inside the providers the admin panel gives it: the shipped English
 * messages (an id missing from en.json fails the test file), light theme, notifications, a fresh
 * RTK Query store, the user's permissions as `useRBAC` reads them.
 */
export const render = (
  ui: ReactElement,
  { initialEntries = ['/'], permissions = ALL_PERMISSIONS, store = createStore() }: Options = {}
) =>
  renderRTL(ui, {
    // defaultLocale differs from locale, or react-intl would not report ids missing from en.json
    wrapper: ({ children }) => (
      <StoreProvider store={store}>
        <IntlProvider locale="en" messages={en} defaultLocale="en-US" onError={onIntlError}>
          <DesignSystemProvider locale="en">
            <NotificationsProvider>
              <MemoryRouter
                initialEntries={initialEntries}
                future={{ v7_startTransition: true, v7_relativeSplatPath: true }}
              >
                <StrapiAppProvider rbac={rbac}>
                  <AuthProvider _defaultPermissions={permissions} _disableRenewToken>
                    <AbilitiesProvider>{children}</AbilitiesProvider>
                  </AuthProvider>
                </StrapiAppProvider>
              </MemoryRouter>
            </NotificationsProvider>
          </DesignSystemProvider>
        </IntlProvider>
      </StoreProvider>
    ),
  });

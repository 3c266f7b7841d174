import { DesignSystemProvider } from '@strapi/design-system';
import { render as renderRTL } from '@testing-library/react';
import type { ReactElement } from 'react';
import { IntlProvider } from 'react-intl';
import { MemoryRouter } from 'react-router-dom';

/** Renders an admin component inside the providers the admin panel gives it (English, light theme). */
export const render = (ui: ReactElement, { initialEntries = ['/'] }: { initialEntries?: string[] } = {}) =>
  renderRTL(ui, {
    wrapper: ({ children }) => (
      <IntlProvider locale="en" messages={{}} defaultLocale="en" onError={() => undefined}>
        <DesignSystemProvider locale="en">
          <MemoryRouter
            initialEntries={initialEntries}
            future={{ v7_startTransition: true, v7_relativeSplatPath: true }}
          >
            {children}
          </MemoryRouter>
        </DesignSystemProvider>
      </IntlProvider>
    ),
  });

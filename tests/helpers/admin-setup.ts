import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';
import { server } from './msw';
import { missingTranslations, writeMissingTranslations } from './translations';

// Strapi's fetch client reads the backend URL from here and the admin token from storage.
(window as unknown as { strapi: object }).strapi = {
  backendURL: 'http://localhost:1337',
  isEE: false,
  features: { isEnabled: () => false },
  flags: {},
  future: { isEnabled: () => false },
};
window.localStorage.setItem('jwtToken', JSON.stringify('test-admin-token'));

// userEvent drives the design system's selects step by step: slow on a busy two-core CI machine
jest.setTimeout(30_000);
// findBy/waitFor wait this long for what a component renders after its (mocked) requests: CI runs
// this Jest run beside the PostgreSQL and MariaDB ones, and 1 s (the default) is too short there
configure({ asyncUtilTimeout: 10_000 });

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

// Every string the components render comes from en.json: an id missing there fails the file.
afterAll(() => {
  if (process.env.CRM_WRITE_TRANSLATIONS === '1') writeMissingTranslations();
  else expect(Object.fromEntries(missingTranslations)).toEqual({});
});

// Radix (behind the design system's selects and menus) calls pointer-capture and scrolling APIs
// that jsdom does not implement.
Object.assign(window.HTMLElement.prototype, {
  hasPointerCapture: () => false,
  releasePointerCapture: () => undefined,
  setPointerCapture: () => undefined,
  scrollIntoView: () => undefined,
});

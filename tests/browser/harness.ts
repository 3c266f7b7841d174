import fs from 'fs';
import path from 'path';
import { chromium, type Browser, type Page } from 'playwright-core';

/** The demo app started by tests/scripts/browser.js. */
export const BASE = process.env.CRM_BROWSER_BASE_URL ?? 'http://127.0.0.1:1337';
const ARTIFACTS = path.resolve(__dirname, '../artifacts');

export const USERS = {
  admin: { email: 'admin@crm.example.com', password: 'Demo-Admin-2026' },
  sam: { email: 'sam@crm.example.com', password: 'Demo-Sales-2026' },
  sara: { email: 'sara@crm.example.com', password: 'Demo-Sales-2026' },
};

/** Debian's chromium, never a downloaded browser, with the flags CI needs. */
export const launchBrowser = (): Promise<Browser> =>
  chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });

/** A fresh page whose console errors and failed page loads are collected for the test to assert. */
export const openPage = async (browser: Browser) => {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'en-US' });
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    // Strapi's own panel logs failed resource loads (telemetry, GitHub releases, AI features) offline
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
      consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  return { page, consoleErrors };
};

/** Logs in through the admin panel's login form, as a person does. */
export const logIn = async (page: Page, user: { email: string; password: string }) => {
  await page.goto(`${BASE}/admin/auth/login`);
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Login' }).click();
  await page.waitForURL((url) => !url.pathname.includes('/auth/'), { timeout: 60_000 });
};

export const screenshot = async (page: Page, name: string) => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
};

/** The admin HTTP API, for arranging data and checking results beside what the page shows. */
export const api = async (user: { email: string; password: string }) => {
  const login = await fetch(`${BASE}/admin/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(user),
  });
  if (!login.ok) throw new Error(`login of ${user.email} failed: ${login.status}`);
  const token: string = (await login.json()).data.token;
  const call = async (method: string, url: string, body?: unknown) => {
    const res = await fetch(`${BASE}${url}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  };
  return {
    get: (url: string) => call('GET', url),
    post: (url: string, body?: unknown) => call('POST', url, body),
    put: (url: string, body?: unknown) => call('PUT', url, body),
  };
};

export type Api = Awaited<ReturnType<typeof api>>;

/** The documentId of a status or source by name, read through the Content Manager. */
export const referenceId = async (as: Api, type: 'lead-status' | 'lead-source', name: string) => {
  const res = await as.get(
    `/content-manager/collection-types/plugin::crm.${type}?filters[name][$eq]=${encodeURIComponent(name)}`
  );
  const found = res.body?.results?.[0]?.documentId;
  if (!found) throw new Error(`no ${type} named ${name}`);
  return found as string;
};

/** Creates a lead through the plugin's API as `as` (who becomes its creator). */
export const createLead = async (as: Api, data: Record<string, unknown>) => {
  const res = await as.post('/crm/leads', {
    status: await referenceId(as, 'lead-status', 'New'),
    source: await referenceId(as, 'lead-source', 'Website'),
    isPublic: false,
    ...data,
  });
  if (res.status !== 201) throw new Error(`lead not created: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data as { documentId: string; name: string };
};

/** The id of a staff member, by email, as the Super Admin sees the admin users. */
export const staffId = async (admin: Api, email: string) => {
  const res = await admin.get(`/admin/users?filters[email][$eq]=${encodeURIComponent(email)}`);
  return res.body.data.results[0].id as number;
};

import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';

/** Where browser tests keep their artifacts (screenshots); CI keeps this folder. */
export const ARTIFACTS_DIR = path.resolve(import.meta.dirname, '../../test-results');

/** Debian's Chromium, headless, with the flags this machine needs (no background networking). */
export async function launchChromium(executablePath: string): Promise<Browser> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  return chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export interface SignInOptions {
  email: string;
  password: string;
  viewport?: { width: number; height: number };
  /** The page to land on after signing in (sent as `?redirect=`); otherwise any workspace page. */
  redirect?: string;
  acceptDownloads?: boolean;
  /** Playwright's default timeout in the new context (ms). */
  timeout?: number;
  /** The browser's locale (`navigator.language`), which the app formats dates in; Chromium's own otherwise. */
  locale?: string;
}

/**
 * A page in a fresh browser context (its own cookies) signed in through the sign-in form, as a
 * person would; it resolves once the app has left the sign-in page for `redirect` (its path) or,
 * without one, for a workspace page.
 */
export async function signedInPage(browser: Browser, baseUrl: string, options: SignInOptions): Promise<Page> {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1440, height: 900 },
    acceptDownloads: options.acceptDownloads ?? false,
    ...(options.locale ? { locale: options.locale } : {}),
  });
  context.setDefaultTimeout(options.timeout ?? 20_000);
  const page = await context.newPage();
  const { redirect } = options;
  await page.goto(`${baseUrl}/sign-in${redirect ? `?redirect=${encodeURIComponent(redirect)}` : ''}`);
  await page.locator('input[name=email]').fill(options.email);
  await page.locator('input[name=password]').fill(options.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  const landing = redirect ? new URL(redirect, baseUrl).pathname : null;
  await page.waitForURL((url) => (landing ? url.pathname === landing : url.pathname.startsWith('/w/')));
  return page;
}

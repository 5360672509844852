import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { type Browser, chromium } from 'playwright-core';

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

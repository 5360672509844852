/** True under CI (`CI=true`), where a missing PostgreSQL or Chromium fails the run instead of skipping. */
export const IN_CI = process.env.CI === 'true' || process.env.CI === '1';

/** Base PostgreSQL URL for tests; each test file creates its own database beside it. */
export const POSTGRES_TEST_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

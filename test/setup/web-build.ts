import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { CHROMIUM_PATH, IN_CI } from '../support/env.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Path of the Chromium to drive, or null when missing outside CI (the tier is skipped, loudly). */
    chromiumPath: string | null;
  }
}

/** Global set-up of the browser tier: the web app must be built and Chromium present. */
export default function setup(project: TestProject): void {
  const root = path.resolve(import.meta.dirname, '../..');
  const build = spawnSync(process.execPath, ['scripts/ensure-web-build.mjs'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (build.status !== 0) throw new Error('building the web app failed');

  if (!existsSync(CHROMIUM_PATH)) {
    const message = `Chromium not found at ${CHROMIUM_PATH} (apt-get install -y chromium)`;
    if (IN_CI) throw new Error(`${message} (CI=true: the browser tier must run)`);
    console.warn(`\n!!! ${message}\n!!! SKIPPING the browser tier.\n`);
    project.provide('chromiumPath', null);
    return;
  }
  project.provide('chromiumPath', CHROMIUM_PATH);
}

import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * The source of a worker thread (`new Worker(source, { eval: true })`) that runs `entry`. Bundled
 * (`npm start` runs dist/space2id.mjs, where this module is inlined), the entry is the bundle's
 * `bundledFile` beside it (scripts/build-server.mjs writes it). From the sources, the worker
 * registers tsx's ESM loader first, then imports the `.ts` entry: on Node 20,
 * `execArgv: ['--import', 'tsx']` does not make a `.ts` worker entry loadable, while registering
 * from the worker itself works under `node --import tsx` and under vitest alike.
 *
 * @example
 * new Worker(workerSource('report-worker.mjs', new URL('./render-worker.ts', import.meta.url)), { eval: true });
 */
export function workerSource(bundledFile: string, entry: URL): string {
  const bundled = new URL(`./${bundledFile}`, import.meta.url);
  if (existsSync(fileURLToPath(bundled))) return `import(${JSON.stringify(bundled.href)});`;
  const tsx = pathToFileURL(
    createRequire(import.meta.url)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs'),
  ).href;
  return `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry.href)}); });`;
}

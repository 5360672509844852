// Bundles the server (src/) into dist/ with esbuild when the bundle is missing or older than its
// sources, so `npm start` runs plain JavaScript: no TypeScript loader resolving every module at
// start-up (about a second less on this machine). Packages stay external (node_modules).
// Development, tests and `npx space2id` run the TypeScript directly through tsx.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
const outdir = path.join(root, 'dist');
const bundle = path.join(outdir, 'space2id.mjs');
const sources = ['src', 'package.json', 'package-lock.json', 'scripts/build-server.mjs'];

function newestMtime(target) {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

const builtAt = existsSync(bundle) ? statSync(bundle).mtimeMs : 0;
const sourcesAt = Math.max(...sources.map((s) => newestMtime(path.join(root, s))));
if (builtAt >= sourcesAt && !process.argv.includes('--force')) process.exit(0);

await build({
  // Both files sit directly in dist/, one level below the project root like src/*.ts, so paths
  // such as '../package.json' resolve the same from the bundle and from the sources.
  entryPoints: {
    space2id: path.join(root, 'src/cli/main.ts'),
    'scheduler-worker': path.join(root, 'src/jobs/scheduler/worker.ts'),
    'report-worker': path.join(root, 'src/features/reports/render-worker.ts'),
  },
  outdir,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});

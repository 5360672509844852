import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { formatSpread, summarize, writeResult } from './lib/report.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const TARGET_MS = 3000;

/**
 * `npm run bench -- startup [--runs N]`: time from spawning `npm start` (dependencies installed,
 * web built) to the first healthy `GET /api/health`, on a new SQLite file (first start: migrate +
 * seed) and again on that same file (a normal restart).
 */
export async function main(args: string[]): Promise<void> {
  const index = args.indexOf('--runs');
  const runs = index >= 0 ? Number(args[index + 1]) : 5;
  const first: number[] = [];
  const again: number[] = [];
  for (let run = 1; run <= runs; run++) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'space2id-startup-'));
    const env = { DATABASE_URL: path.join(dir, 'hub.db') };
    try {
      first.push(await timeStart(env));
      again.push(await timeStart(env));
      console.log(`run ${run}: first start ${first.at(-1)} ms, restart ${again.at(-1)} ms`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const verdict = (list: number[]) => (summarize(list).max < TARGET_MS ? 'met (every run)' : 'NOT met');
  const body = `
\`npm start\` spawned as a user would run it (npm, the web-build freshness check, tsx, migrations,
seed, listen), timed until \`GET /api/health\` first answers 200 (polled every 10 ms).
${runs} runs; median (min–max) in milliseconds. Target: under ${TARGET_MS} ms.

| start | time to healthy (ms) | target |
|---|---|---|
| first start on a new database (migrate + seed the catalogue) | ${formatSpread(first, 0)} | ${verdict(first)} |
| restart on an existing database | ${formatSpread(again, 0)} | ${verdict(again)} |
`;
  console.log(`\nwritten ${writeResult('startup', 'Start-up: npm start to a healthy /api/health', body)}`);
}

async function timeStart(env: Record<string, string>): Promise<number> {
  const port = await freePort();
  const startedAt = performance.now();
  const child = spawn('npm', ['start', '--silent'], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port), LOG_LEVEL: 'warn' },
    stdio: 'ignore',
    detached: true,
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}`);
      if (performance.now() - startedAt > 30_000) throw new Error('not healthy after 30 s');
      try {
        const res = await fetch(`http://127.0.0.1:${port}/api/health`);
        if (res.ok) return Math.round(performance.now() - startedAt);
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  } finally {
    // npm starts node as a child: end the whole process group.
    if (child.pid) process.kill(-child.pid, 'SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

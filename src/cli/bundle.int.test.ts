import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');
const BUNDLE = path.join(ROOT, 'dist/space2id.mjs');

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

// `npm start` runs the esbuild bundle of src/ (scripts/build-server.mjs): it must behave as the sources do.
describe('the bundled server (what npm start runs)', () => {
  it('builds, serves a healthy Hub on a new SQLite file, and schedules and draws reports in its bundled workers', async () => {
    await run(process.execPath, [path.join(ROOT, 'scripts/build-server.mjs'), '--force'], { cwd: ROOT });

    const dir = mkdtempSync(path.join(os.tmpdir(), 'space2id-bundle-'));
    const port = await freePort();
    const child = spawn(process.execPath, [BUNDLE, 'serve'], {
      cwd: dir,
      env: {
        ...process.env,
        PORT: String(port),
        DATABASE_URL: path.join(dir, 'hub.db'),
        LOG_LEVEL: 'silent',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let health: unknown;
      for (let i = 0; i < 300 && health === undefined; i++) {
        health = await fetch(`http://127.0.0.1:${port}/api/health`)
          .then((r) => (r.ok ? r.json() : undefined))
          .catch(() => undefined);
        if (health === undefined) await new Promise((r) => setTimeout(r, 50));
      }
      expect(health).toMatchObject({ status: 'ok', database: 'sqlite', version: expect.any(String) });
      const list = (await fetch(`http://127.0.0.1:${port}/api/v1/instruments`).then((r) => r.json())) as {
        items: unknown[];
      };
      expect(list.items).toHaveLength(17);
    } finally {
      child.kill('SIGTERM');
    }

    const event = path.join(dir, 'event.json');
    writeFileSync(
      event,
      JSON.stringify({
        slots: 3,
        tables: 1,
        participants: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
        meetings: [{ participants: ['a', 'b'] }, { participants: ['a', 'c'] }, { participants: ['b', 'c'] }],
      }),
    );
    const { stdout } = await run(process.execPath, [BUNDLE, 'schedule', event, '--json']);
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({ status: 'optimal', breaks: 1 });
    expect(result.assignments).toHaveLength(3);

    // The demo workspace the server created; the report's file is drawn in dist/report-worker.mjs.
    const out = path.join(dir, 'report.xlsx');
    const report = await run(
      process.execPath,
      [BUNDLE, 'report', '--workspace', 'demo', '--from', '2025-01-01', '--to', '2027-12-31', '--out', out],
      { cwd: dir, env: { ...process.env, DATABASE_URL: path.join(dir, 'hub.db') } },
    );
    expect(report.stdout).toMatch(/report\.xlsx: XLSX, \d+ bytes, [1-9]\d* activit/);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
  }, 60_000);
});

import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../src/db/database.ts';
import { DEMO_WORKSPACE_SLUG } from '../../src/features/demo/seed-demo.ts';
import { createTestDatabase, type TestDatabase, testDialects } from '../support/databases.ts';
import { IN_CI } from '../support/env.ts';
import { Factory } from '../support/factories.ts';
import { waitUntil } from '../support/wait.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'bin/space2id.mjs');
/** Short, so a dead server's job is taken over within seconds; long enough for a busy machine. */
const LEASE_MS = 3000;

/** A `space2id serve` child process on its own port. */
interface Server {
  name: string;
  child: ChildProcess;
  pid: number;
  url: string;
  output: string[];
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Starts `space2id serve` on the database and resolves once it answers `/api/health`. */
async function startServer(name: string, databaseUrl: string): Promise<Server> {
  const port = await freePort();
  const child = spawn(process.execPath, [BIN, 'serve'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'warn',
      SEED_DEMO: 'true',
      JOB_LEASE_MS: String(LEASE_MS),
      JOB_POLL_MS: '100',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stdout?.on('data', (chunk) => output.push(String(chunk)));
  child.stderr?.on('data', (chunk) => output.push(String(chunk)));
  const server = { name, child, pid: child.pid ?? 0, url: `http://127.0.0.1:${port}`, output };
  await waitUntil(
    `server ${name} answers /api/health`,
    async () => {
      if (child.exitCode !== null) throw new Error(`server ${name} exited:\n${output.join('')}`);
      return fetch(`${server.url}/api/health`)
        .then((res) => res.ok)
        .catch(() => false);
    },
    { timeoutMs: 40_000, intervalMs: 50 },
  );
  return server;
}

async function stopServer(server: Server | undefined): Promise<void> {
  if (!server || server.child.exitCode !== null || server.child.signalCode !== null) return;
  const exited = once(server.child, 'exit');
  server.child.kill('SIGTERM');
  await exited;
}

const hasPostgres = testDialects().includes('postgres');
if (!hasPostgres && !IN_CI) {
  console.warn('\n!!! SKIPPING the several-servers test: it needs PostgreSQL.\n');
}

/**
 * Issue 19: several Hub processes share one PostgreSQL. Two real `space2id serve` processes on
 * one fresh database: the rate limits are counted once for both, and a job whose server is killed
 * while running it is finished by the other, once.
 */
describe.skipIf(!hasPostgres)('two servers on one PostgreSQL', () => {
  let testDatabase: TestDatabase;
  let database: Database;
  let first: Server | undefined;
  let second: Server | undefined;

  beforeAll(async () => {
    testDatabase = await createTestDatabase('postgres');
    // The first server migrates and seeds the demo workspace; the second finds them done.
    first = await startServer('first', testDatabase.url);
    second = await startServer('second', testDatabase.url);
    database = openDatabase(testDatabase.url);
  }, 90_000);
  afterAll(async () => {
    await stopServer(first);
    await stopServer(second);
    await database?.close();
    await testDatabase?.drop();
  });

  const servers = () => [first, second] as Server[];

  it('share the sign-in rate limit: 12 attempts spread over both, the 11th and 12th are 429', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const server = servers()[i % 2] as Server;
      const res = await fetch(`${server.url}/api/v1/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'nobody@several-servers.example', password: 'not the password' }),
      });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([...Array(10).fill(401), 429, 429]);
  });

  it('finish the job of a server killed while running it exactly once, on the other server', async () => {
    const killed = first as Server;
    const survivor = second as Server;
    const workspace = await database.db
      .selectFrom('workspace')
      .select('id')
      .where('slug', '=', DEMO_WORKSPACE_SLUG)
      .executeTakeFirstOrThrow();
    const { headers } = await new Factory(database.db).memberWithToken(workspace.id, 'coordinator');

    const ids: string[] = [];
    for (const [i, format] of ['pdf', 'xlsx', 'pdf', 'xlsx'].entries()) {
      const server = servers()[i % 2] as Server;
      const res = await fetch(`${server.url}/api/v1/workspaces/${DEMO_WORKSPACE_SLUG}/reports`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({ from: '2020-01-01', to: '2029-12-31', format }),
      });
      expect(res.status).toBe(202);
      ids.push(((await res.json()) as { job: { id: string } }).job.id);
    }
    const jobs = () => database.db.selectFrom('job').selectAll().where('id', 'in', ids).execute();

    // The first server is seen running a report: it dies there, without a chance to clean up.
    const victim = await waitUntil(
      'the first server runs a report',
      async () =>
        (await jobs()).find((job) => job.status === 'running' && job.worker_id?.includes(`/${killed.pid}/`)),
      { intervalMs: 10 },
    );
    const exited = once(killed.child, 'exit');
    killed.child.kill('SIGKILL');
    await exited;
    const atDeath = (await jobs()).find((job) => job.id === victim.id);
    expect(atDeath, 'the report was still running when its server died').toMatchObject({
      status: 'running',
      worker_id: victim.worker_id,
      attempts: 1,
    });

    const finished = await waitUntil(
      'every report finished',
      async () => {
        const rows = await jobs();
        return rows.every((job) => job.status === 'succeeded' || job.status === 'failed') && rows;
      },
      { timeoutMs: 45_000, intervalMs: 100 },
    );
    const taken = finished.find((job) => job.id === victim.id);
    expect(taken).toMatchObject({ status: 'succeeded', attempts: 2, error: null, progress: 1 });
    expect(taken?.worker_id).toContain(`/${survivor.pid}/`);
    for (const job of finished.filter((row) => row.id !== victim.id)) {
      expect(job).toMatchObject({ status: 'succeeded', attempts: 1 });
    }

    // One file per report, and the victim's is a whole document, served by the survivor.
    const files = await database.db
      .selectFrom('job_file')
      .select(['job_id', 'size'])
      .where('job_id', 'in', ids)
      .execute();
    expect(files.map((file) => file.job_id).sort()).toEqual([...ids].sort());
    const res = await fetch(
      `${survivor.url}/api/v1/workspaces/${DEMO_WORKSPACE_SLUG}/jobs/${victim.id}/file`,
      {
        headers,
      },
    );
    expect(res.status).toBe(200);
    const content = Buffer.from(await res.arrayBuffer());
    const expectedStart = victim.params.includes('"pdf"') ? '%PDF' : 'PK';
    expect(content.subarray(0, expectedStart.length).toString()).toBe(expectedStart);
    expect(content.length).toBe(files.find((file) => file.job_id === victim.id)?.size);
  }, 60_000);
});

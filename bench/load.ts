import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { seedDemo } from '../src/app/seed-demo.ts';
import { openDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { DEMO_WORKSPACE_SLUG } from '../src/features/demo/seed-demo.ts';
import { seedCatalogue } from '../src/features/instruments/seed.ts';
import { type KindSummary, LoadRecorder, latencySpread } from './lib/load-stats.ts';
import { writeResult } from './lib/report.ts';
import { freshDatabase, numberArg } from './lib/setup.ts';
import {
  addLoadData,
  createLoadUsers,
  DEFAULT_LOAD_SHAPE,
  type LoadUser,
  type LoadWorld,
} from './load-data.ts';
import { VirtualUser } from './load-mix.ts';

/**
 * `npm run bench -- load [--seconds S] [--users N] [--think-ms T] [--warmup S] [--only sqlite|postgres]
 * [--cpu-prof]`: the mixed load of issue 19. A real Hub server process (`space2id serve` from the
 * server bundle, as `npm start` runs it) over a fresh SQLite file, then a fresh PostgreSQL database,
 * each holding the demo workspace plus generated members, people, activities, budget lines and
 * participants; N virtual users (default 50: coordinators, cluster managers and viewers), each
 * with its own session, browse, edit and make reports over real HTTP (fetch, keep-alive) for S
 * seconds (default 60). Target: 0 errors, p95 of the reads under 200 ms.
 */

const READ_P95_TARGET_MS = 200;

export async function main(args: string[]): Promise<void> {
  const seconds = numberArg(args, '--seconds', 60, false);
  const userCount = numberArg(args, '--users', 50);
  const thinkMs = numberArg(args, '--think-ms', 1000);
  const warmup = numberArg(args, '--warmup', 5, false);
  const only = valueArg(args, '--only');
  if (only !== undefined && only !== 'sqlite' && only !== 'postgres') {
    throw new Error('--only takes sqlite or postgres');
  }
  const cpuProfile = args.includes('--cpu-prof');
  const kinds = (['sqlite', 'postgres'] as const).filter((kind) => !only || kind === only);
  const load = loadAverage();
  const sections: string[] = [];
  for (const kind of kinds)
    sections.push(await runOn(kind, { seconds, userCount, thinkMs, warmup, cpuProfile }));

  const body = `
Each database: a fresh one with the demo workspace plus generated data (${DEFAULT_LOAD_SHAPE.organisations} member
organisations with ${DEFAULT_LOAD_SHAPE.peoplePerOrganisation} people each, ${DEFAULT_LOAD_SHAPE.activities} activities with ${DEFAULT_LOAD_SHAPE.linesPerActivity} budget lines and
up to ${DEFAULT_LOAD_SHAPE.participantsPerActivity} participants each), analysed; then a Hub server in its own process (\`space2id serve\`
from the server bundle as \`npm start\` runs it, logging at info to a file) and ${userCount} virtual users in the
benchmark's process, each with its own session (one in five a coordinator, two cluster managers,
two viewers). A user opens the app (\`/me\`, its abilities), then visits pages with a think time of
${thinkMs / 2}–${(thinkMs * 3) / 2} ms between them: lists with random sort and a next page now and then
(members, people, markets, activities, audit, workspace members), plan, market, organisation and
activity pages, the dashboard (its four requests in parallel, as web/src/routes/dashboard sends
them), the global search, edits (read, then PATCH with the version read), a person or a cost line
created then deleted, and about one visit in 250 a funder report (PDF or XLSX) polled every 500 ms
until its file is made. A role only does what it may. ${warmup} s of warm-up (not counted), then
${seconds} s measured; latencies in milliseconds from sending the request to the whole answer read,
on the client (the load generator shares the machine's ${os.cpus().length} cores with the server).

An error is any answer that is not 2xx, except a 409 on an edit (another user saved the same record
first), which is counted apart under "409". Load average when the run started: ${load}.

${sections.join('\n\n')}
`;
  const name = only ? `load-${only}` : 'load';
  const command = `npm run bench -- ${['load', ...args].join(' ')}`;
  console.log(
    `\nwritten ${writeResult(name, 'Mixed load: 50 users browsing, editing and making reports', body, command)}`,
  );
}

interface RunOptions {
  seconds: number;
  userCount: number;
  thinkMs: number;
  warmup: number;
  cpuProfile: boolean;
}

async function runOn(kind: 'sqlite' | 'postgres', options: RunOptions): Promise<string> {
  const target = await freshDatabase(kind, 'load');
  try {
    const started = performance.now();
    const { world, users } = await prepare(target.url, kind, options.userCount);
    const prepared = (performance.now() - started) / 1000;
    console.log(`${kind}: data ready in ${prepared.toFixed(1)} s`, world.counts);
    const server = await startServer(target.url, options.cpuProfile);
    let section: string;
    try {
      const recorder = new LoadRecorder();
      const loadAtStart = loadAverage();
      const cpuBefore = server.cpuSeconds();
      const begin = performance.now();
      const measureFrom = begin + options.warmup * 1000;
      const until = measureFrom + options.seconds * 1000;
      // Users arrive over the first two seconds, not all in the same millisecond.
      await Promise.all(
        users.map(async (user, index) => {
          await new Promise((resolve) => setTimeout(resolve, (2000 * index) / users.length));
          await new VirtualUser({
            baseUrl: server.url,
            world,
            user,
            seed: 1000 + index,
            thinkMs: options.thinkMs,
            measureFrom,
            until,
            recorder,
          }).run();
        }),
      );
      // The server's CPU over the whole run (warm-up and the last visits included), per measured second.
      const cpu =
        ((server.cpuSeconds() - cpuBefore) * options.seconds) / ((performance.now() - begin) / 1000);
      const elapsed = options.seconds;
      const serverTime = serverTimes(server.logFile);
      section = report(kind, recorder, {
        ...options,
        elapsed,
        cpu,
        loadAtStart,
        prepared,
        world,
        server: serverTime,
      });
      for (const failure of recorder.failures.slice(0, 10)) console.log(`  failure: ${failure}`);
      console.log(`${kind}: slowest answers in the server's log:\n${slowestInLog(server.logFile, 8)}`);
    } finally {
      await server.stop();
    }
    return section;
  } finally {
    await target.drop();
  }
}

/** Migrations, catalogue, demo workspace, generated data and the users, then statistics gathered. */
async function prepare(
  url: string,
  kind: 'sqlite' | 'postgres',
  userCount: number,
): Promise<{ world: LoadWorld; users: LoadUser[] }> {
  const database = openDatabase(url);
  try {
    await migrateToLatest(database.db);
    await seedCatalogue(database.db);
    await seedDemo(database.db);
    const world = await addLoadData(database.db, DEMO_WORKSPACE_SLUG, DEFAULT_LOAD_SHAPE);
    const users = await createLoadUsers(database.db, world, userCount);
    await sql.raw(kind === 'postgres' ? 'vacuum analyze' : 'analyze').execute(database.db);
    return { world, users };
  } finally {
    await database.close();
  }
}

interface Server {
  url: string;
  logFile: string;
  /** User + system CPU seconds the server process has used so far (from /proc). */
  cpuSeconds(): number;
  stop(): Promise<void>;
}

/**
 * `space2id serve` in its own process on a free port, as `npm start` runs it: the server bundle
 * (built first when older than its sources; the web app is not needed), plain JavaScript. Its
 * output goes straight to a file (no pipe through this busy process), read for the start banner
 * and afterwards for the slowest answers.
 */
async function startServer(databaseUrl: string, cpuProfile: boolean): Promise<Server> {
  const root = path.resolve(import.meta.dirname, '..');
  execFileSync(process.execPath, ['scripts/build-server.mjs'], { cwd: root, stdio: 'inherit' });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'space2id-load-'));
  const logFile = path.join(dir, 'server.log');
  const out = openSync(logFile, 'w');
  const nodeArgs = cpuProfile ? ['--cpu-prof', `--cpu-prof-dir=${dir}`] : [];
  const child: ChildProcess = spawn(
    process.execPath,
    [...nodeArgs, '--enable-source-maps', 'dist/space2id.mjs', 'serve', '--port', '0', '--host', '127.0.0.1'],
    {
      cwd: root,
      env: { ...process.env, DATABASE_URL: databaseUrl, SEED_DEMO: 'false', LOG_LEVEL: 'info' },
      stdio: ['ignore', out, 'inherit'],
    },
  );
  closeSync(out);
  if (cpuProfile) console.log(`server CPU profile will be written to ${dir}`);
  let exited: number | null | undefined;
  child.once('exit', (code) => {
    exited = code;
  });
  const deadline = Date.now() + 60_000;
  let port: string | undefined;
  while (!port) {
    if (exited !== undefined) throw new Error(`the server exited with ${exited} before listening`);
    if (Date.now() > deadline) throw new Error('the server did not start within 60 s');
    await new Promise((resolve) => setTimeout(resolve, 100));
    port = /running at http:\/\/\S+?:(\d+)/.exec(readFileSync(logFile, 'utf8'))?.[1];
  }
  const pid = child.pid as number;
  return {
    url: `http://127.0.0.1:${port}`,
    logFile,
    cpuSeconds: () => {
      // Fields 14 and 15 of /proc/<pid>/stat: user and system time in clock ticks (100 a second).
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      return (Number(fields[11]) + Number(fields[12])) / 100;
    },
    stop: () =>
      new Promise((done) => {
        if (exited !== undefined) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}

/** The API answers the server itself logged ("request answered"): its own time, without the client's. */
function answersInLog(logFile: string): { ms: number; line: string }[] {
  const answers: { ms: number; line: string }[] = [];
  for (const line of readFileSync(logFile, 'utf8').split('\n')) {
    if (!line.startsWith('{')) continue;
    try {
      const entry = JSON.parse(line) as {
        msg?: string;
        ms?: number;
        method?: string;
        url?: string;
        statusCode?: number;
      };
      if (entry.msg === 'request answered' && typeof entry.ms === 'number') {
        answers.push({
          ms: entry.ms,
          line: `${entry.ms} ms ${entry.method} ${entry.url} → ${entry.statusCode}`,
        });
      }
    } catch {
      // not a log line
    }
  }
  return answers;
}

function slowestInLog(logFile: string, count: number): string {
  return answersInLog(logFile)
    .sort((a, b) => b.ms - a.ms)
    .slice(0, count)
    .map((answer) => `  ${answer.line}`)
    .join('\n');
}

/** Median and p95 of the server's own time over every API answer of the run (warm-up included). */
function serverTimes(logFile: string): string {
  const times = answersInLog(logFile).map((answer) => answer.ms);
  if (times.length === 0) return 'no answers logged';
  const spread = latencySpread(times);
  return `median ${spread.median.toFixed(1)} ms, p95 ${spread.p95.toFixed(1)} ms, max ${spread.max.toFixed(1)} ms over ${times.length} answers`;
}

function report(
  kind: 'sqlite' | 'postgres',
  recorder: LoadRecorder,
  run: RunOptions & {
    elapsed: number;
    cpu: number;
    loadAtStart: string;
    prepared: number;
    world: LoadWorld;
    /** The server's own time per answer, from its log. */
    server: string;
  },
): string {
  const reads = recorder.total('read');
  const writes = recorder.total('write');
  const errors = (reads?.errors ?? 0) + (writes?.errors ?? 0) + (recorder.total('job')?.errors ?? 0);
  const requests = (reads?.count ?? 0) + (writes?.count ?? 0);
  const verdict =
    reads && errors === 0 && reads.p95 < READ_P95_TARGET_MS
      ? 'met'
      : `NOT met (${errors} errors, read p95 ${reads?.p95.toFixed(0) ?? '–'} ms)`;
  const row = (summary: KindSummary, bold = false) => {
    const b = (text: string) => (bold ? `**${text}**` : text);
    return `| ${b(summary.kind)} | ${summary.count} | ${summary.errors} | ${summary.conflicts} | ${summary.min.toFixed(1)} | ${summary.median.toFixed(1)} | ${b(summary.p95.toFixed(1))} | ${summary.max.toFixed(1)} |`;
  };
  const totals = [reads, writes].filter((summary): summary is KindSummary => summary !== undefined);
  const console_ = `${kind}: ${requests} requests in ${run.elapsed.toFixed(1)} s, ${errors} errors, read p95 ${reads?.p95.toFixed(1)} ms, write p95 ${writes?.p95.toFixed(1)} ms, server CPU ${run.cpu.toFixed(1)} s`;
  console.log(console_);
  const counts = run.world.counts;
  return `### ${kind === 'sqlite' ? 'SQLite' : 'PostgreSQL'}: ${verdict}

Generated in ${run.prepared.toFixed(1)} s besides the demo: ${counts.organisations} organisations, ${counts.people} people,
${counts.activities} activities, ${counts.costLines} budget lines, ${counts.participants} participants. ${requests} requests in
${run.elapsed.toFixed(1)} s (${(requests / run.elapsed).toFixed(0)} a second); the server process used about ${run.cpu.toFixed(1)} s of CPU
(${((run.cpu / run.elapsed) * 100).toFixed(0)} % of one core; ${((run.cpu * 1e6) / Math.max(1, requests)).toFixed(0)} µs a request). Load average when this database's
run started: ${run.loadAtStart}. The server's own time per answer (its log, from reading the request
to sending the answer; waiting to be read is not in it): ${run.server}.

| requests | count | errors | 409 | min | median | p95 | max |
|---|---|---|---|---|---|---|---|
${totals.map((summary) => row(summary, true)).join('\n')}
${recorder
  .summaries()
  .map((summary) => row(summary))
  .join('\n')}
${
  recorder.failures.length > 0
    ? `\nFirst failures:\n\n${recorder.failures
        .slice(0, 5)
        .map((f) => `- \`${f.slice(0, 300)}\``)
        .join('\n')}\n`
    : ''
}`;
}

function loadAverage(): string {
  return os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(', ');
}

/** `--name value` from a benchmark's arguments. */
function valueArg(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index < 0 ? undefined : args[index + 1];
}

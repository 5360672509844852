/**
 * `npm run bench -- archive [--orgs N] [--evidence N] [--backup-mb N]`: the workspace archive and
 * the SQLite backup at scale (issue 20's figures).
 *
 * 1. Builds a SQLite workspace of `--orgs` member organisations (default 100,000) and `--evidence`
 *    evidence records (default 1,000,000: 40 % participations, 40 % cost lines, 20 % KPI entries)
 *    with fast bulk inserts.
 * 2. Exports it with the CLI's code in a child process: time and peak RSS (targets < 60 s, < 500 MB).
 * 3. Imports that archive into a fresh PostgreSQL database in a child process (target < 120 s).
 * 4. Pads the database to `--backup-mb` (default 1024) and backs it up with `space2id backup`'s
 *    code while a server on the same file answers reads in a loop: the reads' p95 before and
 *    during the backup (target p95 < 100 ms during).
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { openDatabase } from '../src/db/database.ts';
import { newId } from '../src/db/ids.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { seedCatalogue } from '../src/features/instruments/seed.ts';
import { startChildServer } from './lib/child-server.ts';
import { percentile, writeResult } from './lib/report.ts';
import { coordinatorToken, freshDatabase, numberArg } from './lib/setup.ts';

interface ChildResult {
  ms: number;
  maxRssMb: number;
  detail: string;
}

/** Runs `bench/archive.ts --child <what> …` in a fresh process (its RSS is its own). */
function child(args: string[], env: NodeJS.ProcessEnv = {}): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const process_ = spawn(process.execPath, ['--import', 'tsx', import.meta.filename, '--child', ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    process_.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    process_.on('exit', (code) => {
      const line = out.trim().split('\n').at(-1) ?? '';
      if (code !== 0) reject(new Error(`child ${args[0]} exited with ${code}: ${out}`));
      else resolve(JSON.parse(line) as ChildResult);
    });
  });
}

async function runChild(args: string[]): Promise<void> {
  const [what, ...rest] = args;
  const started = performance.now();
  let detail = '';
  const sink = { write: () => true } as unknown as NodeJS.WritableStream;
  if (what === 'export') {
    const { runArchiveExport } = await import('../src/cli/commands/archive.ts');
    const manifest = await runArchiveExport({ workspace: 'bench', out: rest[0] as string }, sink);
    detail = `${manifest.tables.reduce((sum, table) => sum + table.rows, 0)} rows`;
  } else if (what === 'import') {
    const { runArchiveImport } = await import('../src/cli/commands/archive.ts');
    const result = await runArchiveImport({ in: rest[0] as string, workspace: 'bench-copy' }, sink);
    detail = `${result.tables.reduce((sum, table) => sum + table.rows, 0)} rows`;
  } else if (what === 'backup') {
    const { runBackup } = await import('../src/cli/commands/archive.ts');
    const result = await runBackup(rest[0] as string, sink);
    detail = `${Math.round(result.bytes / 2 ** 20)} MB, integrity ${result.integrity}`;
  }
  const ms = performance.now() - started;
  process.stdout.write(
    `${JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024, detail })}\n`,
  );
}

/** The bench workspace, straight into SQLite with prepared statements in a few big transactions. */
function generate(file: string, orgs: number, evidence: number): void {
  const db = new SQLite(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const now = new Date().toISOString();
  const workspaceId = newId();
  db.prepare('insert into workspace (id, slug, name, created_at) values (?, ?, ?, ?)').run(
    workspaceId,
    'bench',
    'Bench consortium',
    now,
  );
  const instrument = (
    db.prepare("select id from instrument where workspace_id is null and key = 'study-visits'").get() as {
      id: string;
    }
  ).id;
  const clusters: string[] = [];
  const cluster = db.prepare(
    'insert into cluster (id, workspace_id, name, short_name, country, city, day_rate_cents, website, version, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, null, 1, ?, ?)',
  );
  const organisation = db.prepare(
    `insert into organisation (id, workspace_id, cluster_id, name, normalised_name, type, size, country, city, website, registration_id,
      space_segments, melca, offers, offer_tags, requests, request_tags, target_market_interests, export_experience, version, created_at, updated_at)
      values (?, ?, ?, ?, ?, 'sme', 'small', 'BE', 'Brussels', null, null, '[]', '[]', 'Satellite parts', '[]', '', '[]', '[]', 'none', 1, ?, ?)`,
  );
  const activity = db.prepare(
    `insert into activity (id, workspace_id, plan_id, instrument_id, title, starts_on, ends_on, city, country, cluster_id, status, outcome_notes,
      estimate_parameters, version, created_at, updated_at) values (?, ?, null, ?, ?, '2026-03-10', '2026-03-12', null, null, ?, 'done', '', '{}', 1, ?, ?)`,
  );
  const participant = db.prepare(
    "insert into activity_participant (id, activity_id, organisation_id, person_id, role, attendance, created_at) values (?, ?, ?, null, 'participant', 'present', ?)",
  );
  const costLine = db.prepare(
    `insert into cost_line (id, workspace_id, activity_id, kind, category, funding_source, description, formula, amount_cents, effort_centidays,
      origin, incurred_on, version, created_at, updated_at) values (?, ?, ?, 'actual', 'travel', 'cosme', 'Train tickets', null, ?, 0, 'manual', '2026-03-10', 1, ?, ?)`,
  );
  const entry = db.prepare(
    `insert into kpi_entry (id, workspace_id, activity_id, kpi_key, value_number, value_text, recorded_on, comment, author_user_id, version, created_at, updated_at)
      values (?, ?, ?, 'satisfaction', ?, null, '2026-03-12', '', null, 1, ?, ?)`,
  );
  const activities: string[] = [];
  const organisations: string[] = [];
  db.transaction(() => {
    for (let i = 0; i < 10; i++) {
      const id = newId();
      clusters.push(id);
      cluster.run(id, workspaceId, `Cluster ${i}`, `C${i}`, 'BE', 'Brussels', 45_000, now, now);
    }
    for (let i = 0; i < orgs; i++) {
      const id = newId();
      organisations.push(id);
      organisation.run(id, workspaceId, clusters[i % 10], `Organisation ${i}`, `organisation ${i}`, now, now);
    }
    const activityCount = Math.max(1, Math.round(evidence / 500));
    for (let i = 0; i < activityCount; i++) {
      const id = newId();
      activities.push(id);
      activity.run(id, workspaceId, instrument, `Study visit ${i}`, clusters[i % 10], now, now);
    }
  })();
  const participations = Math.round(evidence * 0.4);
  const costs = Math.round(evidence * 0.4);
  const entries = evidence - participations - costs;
  const perActivity = Math.ceil(participations / activities.length);
  const insertMany = db.transaction((from: number, to: number, write: (i: number) => void) => {
    for (let i = from; i < to; i++) write(i);
  });
  for (let from = 0; from < participations; from += 100_000) {
    insertMany(from, Math.min(participations, from + 100_000), (i) => {
      const a = i % activities.length;
      const j = Math.floor(i / activities.length);
      participant.run(
        newId(),
        activities[a],
        organisations[(a * perActivity + j) % organisations.length],
        now,
      );
    });
  }
  for (let from = 0; from < costs; from += 100_000) {
    insertMany(from, Math.min(costs, from + 100_000), (i) => {
      costLine.run(newId(), workspaceId, activities[i % activities.length], 1_000 + (i % 50_000), now, now);
    });
  }
  for (let from = 0; from < entries; from += 100_000) {
    insertMany(from, Math.min(entries, from + 100_000), (i) => {
      entry.run(newId(), workspaceId, activities[i % activities.length], 1 + (i % 5), now, now);
    });
  }
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

/** Grows the file to `megabytes` with audit events of another workspace (bulk filler, not exported). */
function pad(file: string, megabytes: number): void {
  const db = new SQLite(file);
  db.pragma('synchronous = OFF');
  const now = new Date().toISOString();
  const workspaceId = newId();
  db.prepare('insert into workspace (id, slug, name, created_at) values (?, ?, ?, ?)').run(
    workspaceId,
    'filler',
    'Filler',
    now,
  );
  const event = db.prepare(
    "insert into audit_event (id, workspace_id, actor_user_id, action, entity_type, entity_id, changes, created_at) values (?, ?, null, 'update', 'organisation', ?, ?, ?)",
  );
  const changes = JSON.stringify({ offers: ['x'.repeat(1500), 'y'.repeat(1500)] });
  while (statSync(file).size < megabytes * 2 ** 20) {
    db.transaction(() => {
      for (let i = 0; i < 20_000; i++) event.run(newId(), workspaceId, newId(), changes, now);
    })();
    db.pragma('wal_checkpoint(TRUNCATE)');
  }
  db.close();
}

/** Reads in a loop until `stop()`, each read's latency with the time it started. */
function readLoop(url: string, token: string) {
  const samples: { at: number; ms: number }[] = [];
  let running = true;
  const paths = [
    '/api/v1/workspaces/bench/organisations?limit=20',
    '/api/v1/workspaces/bench/clusters',
    '/api/v1/workspaces/bench/activities?limit=20',
  ];
  const done = (async () => {
    let i = 0;
    while (running) {
      const at = performance.now();
      const response = await fetch(`${url}${paths[i++ % paths.length]}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`read answered ${response.status}`);
      samples.push({ at, ms: performance.now() - at });
    }
  })();
  return {
    samples,
    stop: async () => {
      running = false;
      await done;
    },
  };
}

export async function main(args: string[]): Promise<void> {
  if (args[0] === '--child') return runChild(args.slice(1));
  const orgs = numberArg(args, '--orgs', 100_000);
  const evidence = numberArg(args, '--evidence', 1_000_000);
  const backupMb = numberArg(args, '--backup-mb', 1024);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'space2id-bench-archive-'));
  const file = path.join(dir, 'source.db');
  const load = () =>
    os
      .loadavg()
      .map((value) => value.toFixed(1))
      .join(', ');
  const loads: string[] = [`start: ${load()}`];
  try {
    const database = openDatabase(file);
    await migrateToLatest(database.db);
    await seedCatalogue(database.db);
    await database.close();
    let started = performance.now();
    generate(file, orgs, evidence);
    const generateS = (performance.now() - started) / 1000;
    console.error(
      `generated ${orgs} organisations, ${evidence} evidence records in ${generateS.toFixed(0)} s`,
    );

    const zip = path.join(dir, 'bench.zip');
    const exported = await child(['export', zip], { DATABASE_URL: file });
    loads.push(`after export: ${load()}`);
    const zipMb = statSync(zip).size / 2 ** 20;
    console.error(
      `export: ${(exported.ms / 1000).toFixed(1)} s, ${exported.maxRssMb.toFixed(0)} MB, ${zipMb.toFixed(0)} MB archive`,
    );

    const target = await freshDatabase('postgres', 'archive');
    let imported: ChildResult;
    try {
      imported = await child(['import', zip], { DATABASE_URL: target.url });
    } finally {
      await target.drop();
    }
    loads.push(`after import: ${load()}`);
    console.error(
      `import into PostgreSQL: ${(imported.ms / 1000).toFixed(1)} s, ${imported.maxRssMb.toFixed(0)} MB`,
    );

    started = performance.now();
    pad(file, backupMb);
    console.error(
      `padded to ${(statSync(file).size / 2 ** 20).toFixed(0)} MB in ${((performance.now() - started) / 1000).toFixed(0)} s`,
    );
    const db = openDatabase(file);
    const workspace = await db.db
      .selectFrom('workspace')
      .select('id')
      .where('slug', '=', 'bench')
      .executeTakeFirstOrThrow();
    const token = await coordinatorToken(db.db, workspace.id, 'archive');
    await db.close();
    const server = await startChildServer('hub-server.ts', { DATABASE_URL: file });
    let backup: ChildResult;
    let before: number[];
    let during: number[];
    try {
      const loop = readLoop(server.url, token);
      await new Promise((resolve) => setTimeout(resolve, 10_000));
      const backupStart = performance.now();
      backup = await child(['backup', path.join(dir, 'backup.db')], { DATABASE_URL: file });
      const backupEnd = performance.now();
      await loop.stop();
      before = loop.samples.filter((s) => s.at < backupStart && s.at > backupStart - 8_000).map((s) => s.ms);
      during = loop.samples.filter((s) => s.at >= backupStart && s.at <= backupEnd).map((s) => s.ms);
    } finally {
      await server.stop();
    }
    loads.push(`after backup: ${load()}`);
    const backupMbCopied = statSync(path.join(dir, 'backup.db')).size / 2 ** 20;
    const p95Before = percentile(before, 0.95);
    const p95During = percentile(during, 0.95);
    console.error(
      `backup: ${(backup.ms / 1000).toFixed(1)} s; reads p95 ${p95Before.toFixed(1)} ms before, ${p95During.toFixed(1)} ms during (${during.length} reads)`,
    );

    const verdict = (ok: boolean) => (ok ? 'met' : '**missed**');
    const cpu = os.cpus()[0]?.model ?? '';
    const otherLoad = (() => {
      try {
        return execFileSync('sh', ['-c', 'ps -eo pcpu,comm --sort=-pcpu | head -6'], { encoding: 'utf8' });
      } catch {
        return '';
      }
    })();
    const body = `
Workspace: ${orgs.toLocaleString('en')} member organisations, ${evidence.toLocaleString('en')} evidence records
(40 % participations, 40 % cost lines, 20 % KPI entries) over ${Math.max(1, Math.round(evidence / 500))} activities; generated with bulk
inserts in ${generateS.toFixed(0)} s. Each measured step ran once in its own process (${cpu}).

| step | time | peak RSS | target | result |
|---|---|---|---|---|
| \`archive export\` (SQLite → ${zipMb.toFixed(0)} MB ZIP, ${exported.detail}) | ${(exported.ms / 1000).toFixed(1)} s | ${exported.maxRssMb.toFixed(0)} MB | < 60 s, < 500 MB | ${verdict(exported.ms < 60_000 && exported.maxRssMb < 500)} |
| \`archive import\` into PostgreSQL (${imported.detail}) | ${(imported.ms / 1000).toFixed(1)} s | ${imported.maxRssMb.toFixed(0)} MB | < 120 s | ${verdict(imported.ms < 120_000)} |
| \`backup\` of a ${backupMbCopied.toFixed(0)} MB SQLite file (${backup.detail}) | ${(backup.ms / 1000).toFixed(1)} s | ${backup.maxRssMb.toFixed(0)} MB | | |

Reads of a server on the same file (organisations, clusters, activities lists in a loop, one at a time):

| | reads | min | median | p95 | max |
|---|---|---|---|---|---|
| 8 s before the backup | ${before.length} | ${Math.min(...before).toFixed(1)} ms | ${percentile(before, 0.5).toFixed(1)} ms | ${p95Before.toFixed(1)} ms | ${Math.max(...before).toFixed(1)} ms |
| during the backup | ${during.length} | ${Math.min(...during).toFixed(1)} ms | ${percentile(during, 0.5).toFixed(1)} ms | ${p95During.toFixed(1)} ms | ${Math.max(...during).toFixed(1)} ms |

Target p95 < 100 ms during the backup: ${verdict(p95During < 100)}.

Machine load (load average, 1/5/15 min; the machine's 2 cores are shared with other work):
${loads.map((line) => `- ${line}`).join('\n')}

Busiest processes at the end:
\`\`\`
${otherLoad.trim()}
\`\`\`
`;
    const out = writeResult(
      'archive',
      'Workspace archive and SQLite backup',
      body,
      `npm run bench -- archive --orgs ${orgs} --evidence ${evidence} --backup-mb ${backupMb}`,
    );
    console.error(`wrote ${out}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Run directly (the child processes above): `node --import tsx bench/archive.ts --child …`.
if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename)
  await main(process.argv.slice(2));

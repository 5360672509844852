import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../../src/db/database.ts';
import {
  accessViolations,
  answerViolations,
  databaseViolations,
  type Found,
  SAFE_METHODS,
  type ViolationKind,
  writeViolations,
} from './checks.ts';
import {
  changedTables,
  handledRequests,
  leakFinder,
  type Snapshot,
  snapshotter,
  writeCounter,
} from './invariants.ts';
import { materialise } from './materialise.ts';
import { type Operation, operationsOf } from './operations.ts';
import { type PlannedRequest, requestArbitrary } from './requests.ts';
import type { Context } from './schema-arbitraries.ts';
import { SCOPED_TABLES } from './scopes.ts';
import { Pools, pooledTables, tablesOf } from './targets.ts';
import { CALLER_NAMES, type CallerName, createWorld, MARKER } from './world.ts';

/**
 * The hostile-input run: `requests` generated requests, every operation of the OpenAPI document
 * in turn, each caller in turn (so every operation meets every role), each request checked
 * against the invariants before the next is sent. The same seed generates the same requests.
 */
export interface RunOptions {
  app: FastifyInstance;
  database: Database;
  requests: number;
  seed: number;
  /** Waits for work the app does after answering (jobs, mails), so the next snapshot is still. */
  idle: () => Promise<unknown>;
  onProgress?: (done: number) => void;
}

export type { ViolationKind };

export interface Violation {
  kind: ViolationKind;
  index: number;
  caller: CallerName;
  operation: string;
  hostility: string;
  status: number;
  request: string;
  detail: string;
}

export interface RunReport {
  seed: number;
  requests: number;
  operations: number;
  durationMs: number;
  statuses: Map<number, number>;
  violations: Violation[];
  counts: Record<ViolationKind, number>;
  /** `caller operation` pairs sent at least once. */
  sent: Set<string>;
  callers: number;
  /** Operations that answered 2xx at least once (the generator reached their use case). */
  succeeded: Set<string>;
  writesAccepted: number;
  /** How often A's data was written again after the run had deleted all of a kind. */
  replenished: number;
  /** Why writing A's data again failed, when it did (the run then goes on without it). */
  replenishFailures: string[];
  /** Milliseconds spent generating, answering, checking the database, re-reading records. */
  phases: Record<'generate' | 'answer' | 'snapshot' | 'records' | 'replenish', number>;
}

/** A per-request seed: request `index` of run `seed` is the same request whatever ran before it. */
function seedOf(seed: number, index: number): number {
  return (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) + Math.imul(index + 1, 0xc2b2ae35)) | 0;
}

export async function runHostileRequests(options: RunOptions): Promise<RunReport> {
  const { app, database } = options;
  const document = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  const operations = operationsOf(document);
  const world = await createWorld(app, database);
  await options.idle();
  const tables = await tablesOf(database);
  const pooled = pooledTables(operations, tables);
  for (const table of SCOPED_TABLES) if (tables.some((t) => t.name === table)) pooled.add(table);
  const pools = new Pools(database, tables, pooled, { a: world.a.id, b: world.b.id }, world.protectedIds);
  await pools.refresh();
  // What A had at the start, it keeps: a table the run emptied (deletes) is written again.
  const kept = pools
    .tablesWith('A')
    .filter((t) => tables.find((i) => i.name === t)?.columns.includes('workspace_id'));
  let replenished = 0;
  const idsOfB = new Set(pools.secretsOfB());
  const findLeaks = leakFinder([...idsOfB, MARKER, world.b.slug, world.b.id]);
  const fullSnapshot = snapshotter(database, tables, world.b.id);
  const writes = await writeCounter(database, tables);
  let counted = '';
  let last: Snapshot | undefined;
  /** The database's snapshot, taken again only when a statement may have written since. */
  const snapshot = async (): Promise<Snapshot> => {
    const now = await writes();
    if (last && now === counted) return last;
    last = await fullSnapshot();
    counted = now;
    return last;
  };
  const handled = handledRequests();
  const ctx: Context = { tables };
  const arbitraries = new Map<string, fc.Arbitrary<PlannedRequest>>();
  const arbitraryOf = (op: Operation, caller: CallerName) => {
    const key = `${caller} ${op.key}`;
    let arbitrary = arbitraries.get(key);
    if (!arbitrary) {
      arbitrary = requestArbitrary(op, caller, ctx);
      arbitraries.set(key, arbitrary);
    }
    return arbitrary;
  };

  const report: RunReport = {
    seed: options.seed,
    requests: 0,
    operations: operations.length,
    durationMs: 0,
    statuses: new Map(),
    violations: [],
    counts: {
      '5xx': 0,
      'leak of B': 0,
      'forbidden write': 0,
      'forbidden read': 0,
      'changed after refusal': 0,
      'B changed': 0,
      'not a problem document': 0,
      'unaudited write': 0,
    },
    sent: new Set(),
    callers: CALLER_NAMES.length,
    succeeded: new Set(),
    writesAccepted: 0,
    replenished: 0,
    replenishFailures: [],
    phases: { generate: 0, answer: 0, snapshot: 0, records: 0, replenish: 0 },
  };
  let clock = performance.now();
  const lap = (phase: keyof RunReport['phases']) => {
    const now = performance.now();
    report.phases[phase] += now - clock;
    clock = now;
  };
  const started = performance.now();
  let before = await snapshot();
  try {
    for (let index = 0; index < options.requests; index++) {
      const op = operations[index % operations.length] as Operation;
      const caller = CALLER_NAMES[Math.floor(index / operations.length) % CALLER_NAMES.length] as CallerName;
      const [plan] = fc.sample(arbitraryOf(op, caller), { seed: seedOf(options.seed, index), numRuns: 1 });
      const request = materialise(plan as PlannedRequest, world, pools);
      handled.take();
      lap('generate');
      const res = await app.inject({
        method: request.method as 'GET',
        url: request.url,
        headers: request.headers,
        ...(request.payload === undefined ? {} : { payload: request.payload }),
      });
      await options.idle();
      lap('answer');
      const after = await snapshot();
      lap('snapshot');
      const route = handled.take();
      const changed = changedTables(before, after);
      const status = res.statusCode;
      report.requests++;
      report.sent.add(`${caller} ${op.key}`);
      report.statuses.set(status, (report.statuses.get(status) ?? 0) + 1);

      const found: Found[] = [
        ...answerViolations(res, request, findLeaks),
        ...databaseViolations(status, changed),
      ];
      if (status >= 200 && status < 300) {
        report.succeeded.add(op.key);
        if (!SAFE_METHODS.has(request.method)) report.writesAccepted++;
        found.push(...accessViolations(request, route, world.callers.get(caller)?.role ?? null, world.a.id));
      }
      const rows =
        changed.length > 0 ? await pools.refresh(changed.map((t) => t.replace(' (B)', ''))) : new Map();
      lap('records');
      if (status >= 200 && status < 300 && route?.actor && !SAFE_METHODS.has(request.method)) {
        found.push(...writeViolations(route.actor, rows, changed, pools, idsOfB));
      }
      for (const [kind, detail] of found) {
        report.counts[kind]++;
        if (report.violations.length >= 200) continue;
        report.violations.push({
          kind,
          index,
          caller,
          operation: op.key,
          hostility: (plan as PlannedRequest).hostility,
          status,
          request: `${request.method} ${request.url.slice(0, 300)}${request.payload ? ` body ${String(request.payload).slice(0, 300)}` : ''}`,
          detail: detail.slice(0, 500),
        });
      }
      before = after;
      const emptied = changed.length > 0 && kept.some((t) => pools.pick(t, 'id', 'A', 0) === undefined);
      if (emptied && report.replenishFailures.length < 3) {
        lap('records');
        try {
          await world.replenish();
          replenished++;
        } catch (error) {
          // The seed is written through the API: a 5xx there is a finding like any other.
          const message = error instanceof Error ? error.message : String(error);
          report.replenishFailures.push(message);
          if (/: 5\d\d /.test(message)) report.counts['5xx']++;
        }
        await options.idle();
        await pools.refresh();
        before = await snapshot();
        lap('replenish');
      }
      options.onProgress?.(index + 1);
    }
  } finally {
    handled.close();
  }
  report.durationMs = performance.now() - started;
  report.replenished = replenished;
  return report;
}

/** A few lines for a failed assertion or a log: the seed to replay, then the first violations. */
export function describeViolations(report: RunReport, limit = 10): string {
  const lines = [
    `seed ${report.seed} (replay: HOSTILE_SEED=${report.seed}); ${report.requests} requests; violations: ${JSON.stringify(report.counts)}`,
  ];
  for (const v of report.violations.slice(0, limit)) {
    lines.push(
      `#${v.index} ${v.kind}: ${v.caller} ${v.operation} [${v.hostility}] → ${v.status}\n    ${v.request}\n    ${v.detail}`,
    );
  }
  return lines.join('\n');
}

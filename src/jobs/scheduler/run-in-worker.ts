/**
 * Runs the scheduler in worker threads (so a server or CLI stays responsive), relays progress, and
 * enforces the time limit from outside: if a worker has not answered by the limit plus a grace
 * period, it is terminated and its answer is 'unknown'. With two or more cores, plain break
 * minimisation runs as a portfolio of two workers sharing bounds (their pure parts stay with the
 * engine in src/domain/scheduler/: portfolio.ts, shared-bounds.ts).
 */

import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type {
  ScheduleResult,
  SchedulingProblem,
  SolveOptions,
  SolveProgress,
} from '../../domain/scheduler/model.ts';
import { combineResults, PORTFOLIO, portfolioFits } from '../../domain/scheduler/portfolio.ts';
import { SharedBounds } from '../../domain/scheduler/shared-bounds.ts';
import { workerSource } from '../worker-source.ts';

export interface WorkerRunOptions extends SolveOptions {
  /** Extra seconds allowed past timeLimitSeconds before the worker is terminated (default 5). */
  graceSeconds?: number;
  /** Run a two-worker portfolio where it applies (default: when the machine has two or more cores). */
  parallel?: boolean;
}

export async function runInWorker(
  problem: SchedulingProblem,
  options: WorkerRunOptions = {},
): Promise<ScheduleResult> {
  const { parallel = os.availableParallelism() >= 2, onProgress, ...rest } = options;
  if (!parallel || !portfolioFits(problem) || rest.strategy !== undefined)
    return (await runOneWorker(problem, { ...rest, onProgress })) ?? unknownResult(0);
  const cells = SharedBounds.createCells();
  const shared = new SharedBounds(cells);
  const relay = onProgress
    ? (p: SolveProgress) => onProgress({ ...p, best: shared.best ?? p.best, lowerBound: shared.lowerBound })
    : undefined;
  // the first proof (optimal or infeasible) settles the answer: the other workers are stopped then
  const settled = new AbortController();
  const results = await Promise.all(
    PORTFOLIO.map((strategy) =>
      runOneWorker(problem, {
        ...rest,
        strategy,
        sharedBounds: cells,
        onProgress: relay,
        signal: settled.signal,
      }).then((r) => {
        if (r && (r.status === 'optimal' || r.status === 'infeasible')) settled.abort();
        return r;
      }),
    ),
  );
  return combineResults(
    results.filter((r): r is ScheduleResult => r !== null),
    shared.lowerBound,
  );
}

function unknownResult(seconds: number): ScheduleResult {
  return { status: 'unknown', breaks: null, lowerBound: 0, maxBreakSpread: null, seconds, assignments: [] };
}

/** One worker; it resolves to null when `signal` stops it first. */
function runOneWorker(
  problem: SchedulingProblem,
  options: Omit<WorkerRunOptions, 'parallel'> & { signal?: AbortSignal },
): Promise<ScheduleResult | null> {
  const { onProgress, graceSeconds = 5, signal, ...rest } = options;
  const limit = rest.timeLimitSeconds ?? 60;
  const t0 = Date.now();
  return new Promise<ScheduleResult | null>((resolve, reject) => {
    const worker = new Worker(workerSource('scheduler-worker.mjs', new URL('./worker.ts', import.meta.url)), {
      eval: true,
      workerData: { problem, options: { ...rest, timeLimitSeconds: limit } },
    });
    let done = false;
    const finish = (f: () => void) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      f();
      void worker.terminate();
    };
    const onAbort = () => finish(() => resolve(null));
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort);
    const timer = setTimeout(
      () => finish(() => resolve(unknownResult((Date.now() - t0) / 1000))),
      (limit + graceSeconds) * 1000,
    );
    worker.on(
      'message',
      (msg: { type: string; progress?: SolveProgress; result?: ScheduleResult; message?: string }) => {
        if (msg.type === 'progress' && msg.progress) onProgress?.(msg.progress);
        else if (msg.type === 'result' && msg.result) {
          const r = msg.result;
          finish(() => resolve(r));
        } else if (msg.type === 'error') finish(() => reject(new Error(msg.message)));
      },
    );
    worker.on('error', (e) => finish(() => reject(e)));
    worker.on('exit', (code) => {
      if (!done) finish(() => reject(new Error(`scheduler worker exited with code ${code}`)));
    });
  });
}

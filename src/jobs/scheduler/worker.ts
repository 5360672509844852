/**
 * Worker-thread entry (started by run-in-worker.ts; bundled as dist/scheduler-worker.mjs): runs
 * the pure engine's `solve` on the problem in workerData and posts
 * { type: 'progress', progress } messages, then { type: 'result', result } or { type: 'error', message }.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { SchedulingProblem, SolveOptions } from '../../domain/scheduler/model.ts';
import { solve } from '../../domain/scheduler/solver.ts';

interface Job {
  problem: SchedulingProblem;
  options: Omit<SolveOptions, 'onProgress'>;
}

const job = workerData as Job;
try {
  const result = solve(job.problem, {
    ...job.options,
    onProgress: (progress) => parentPort?.postMessage({ type: 'progress', progress }),
  });
  parentPort?.postMessage({ type: 'result', result });
} catch (e) {
  parentPort?.postMessage({ type: 'error', message: e instanceof Error ? e.message : String(e) });
}

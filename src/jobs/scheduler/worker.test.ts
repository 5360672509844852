import { describe, expect, it } from 'vitest';
import { expectValid, problem } from '../../../test/support/scheduler.ts';
import { runInWorker } from './run-in-worker.ts';

describe('runInWorker', () => {
  it('solves in a worker thread and relays progress', async () => {
    const p = problem(3, 3, 1, [
      [1, 2],
      [1, 3],
      [2, 3],
    ]);
    const progress: number[] = [];
    const r = await runInWorker(p, { timeLimitSeconds: 10, onProgress: (x) => progress.push(x.lowerBound) });
    expectValid(p, r);
    expect(r.status).toBe('optimal');
    expect(r.breaks).toBe(1);
    expect(progress.length).toBeGreaterThan(0);
  }, 30_000);

  it('runs a portfolio of two workers that share bounds, or one worker when asked', async () => {
    const p = problem(5, 5, 2, [
      [1, 2],
      [1, 3],
      [2, 3],
      [3, 4],
      [4, 5],
      [1, 5],
    ]);
    const both = await runInWorker(p, { timeLimitSeconds: 20, parallel: true });
    const one = await runInWorker(p, { timeLimitSeconds: 20, parallel: false });
    for (const r of [both, one]) {
      expectValid(p, r);
      expect(r.status).toBe('optimal');
    }
    expect(both.breaks).toBe(one.breaks);
  }, 60_000);

  it('rejects with the worker error message on a malformed problem', async () => {
    const p = problem(2, 2, 1, [[1, 2]]);
    // biome-ignore lint/suspicious/noExplicitAny: deliberately malformed input
    (p as any).meetings = null;
    await expect(runInWorker(p, { timeLimitSeconds: 5 })).rejects.toThrow();
  }, 30_000);
});

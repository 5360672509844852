import { describe, expect, it } from 'vitest';
import { BENCH_DIR, benchInstanceText, expectValid } from '../../../test/support/scheduler.ts';
import { parseDzn } from './dzn.ts';
import { SharedBounds } from './shared-bounds.ts';
import { solve } from './solver.ts';

const load = (name: string) => parseDzn(benchInstanceText(name), name);

// A few fast instances of the JAIR 2022 benchmark, with the published answers (Tables 5-8).
describe.skipIf(!BENCH_DIR)('benchmark instances (fast ones)', () => {
  it.each([
    ['tic-12.original', 0],
    ['forumt-14.original', 5],
    ['tic-12.fixed020-Forb', 1],
    ['forumt-14crafd.original', 4],
  ])(
    '%s: optimal with %i breaks, lower bound proved',
    (name, opt) => {
      const p = load(name);
      const r = solve(p, { timeLimitSeconds: 20 });
      expectValid(p, r);
      expect(r.status).toBe('optimal');
      expect(r.breaks).toBe(opt);
      expect(r.lowerBound).toBe(opt);
    },
    30_000,
  );

  it.each(['tic-12.forb0003', 'tic-13.forb0007', 'forum-13crafb.fixed040-Forb', 'tic-13crafc.forb0003'])(
    '%s: proved infeasible',
    (name) => {
      const r = solve(load(name), { timeLimitSeconds: 20 });
      expect(r.status).toBe('infeasible');
    },
    30_000,
  );

  it('the schedule hunter attacks a proved lower bound first: its first schedule there is optimal', () => {
    const p = load('forumt-14.original');
    const cells = SharedBounds.createCells();
    new SharedBounds(cells).raiseLowerBound(5); // the prover of a portfolio has refuted 4 breaks
    const firsts: number[] = [];
    const r = solve(p, {
      strategy: 'above',
      sharedBounds: cells,
      timeLimitSeconds: 20,
      onProgress: (pr) => {
        if (pr.best !== null) firsts.push(pr.best);
      },
    });
    expectValid(p, r);
    expect(r).toMatchObject({ status: 'optimal', breaks: 5, lowerBound: 5 });
    expect(firsts[0]).toBe(5);
  }, 30_000);
});

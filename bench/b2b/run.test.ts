import { describe, expect, it } from 'vitest';
import { calibrate, findBenchDir } from './run.ts';

describe('b2b bench speed calibration', () => {
  it('takes the same conflicts on every run, so only its seconds depend on the machine', () => {
    const dir = findBenchDir();
    const a = calibrate(dir, 'forumt-14crafd.original');
    const b = calibrate(dir, 'forumt-14crafd.original');
    expect(a.conflicts).toBeGreaterThan(100);
    expect(b.conflicts).toBe(a.conflicts);
    expect(a.seconds).toBeGreaterThan(0);
  }, 60_000);
});

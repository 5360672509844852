import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ThrottledProgress } from './progress.ts';

describe(ThrottledProgress.name, () => {
  let now = 0;
  let writes: [number, string][];
  let progress: ThrottledProgress;

  beforeEach(() => {
    vi.useFakeTimers();
    now = 0;
    writes = [];
    progress = new ThrottledProgress(
      async (fraction, message) => {
        writes.push([fraction, message]);
      },
      250,
      () => now,
    );
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('writes the first report at once and at most one more per interval, the latest value', async () => {
    progress.report(0.1, 'one');
    for (let i = 2; i <= 9; i++) progress.report(i / 10, `step ${i}`);
    await progress.flush();
    expect(writes).toEqual([
      [0.1, 'one'],
      [0.9, 'step 9'],
    ]);
  });

  it('writes what is pending when the interval has passed', async () => {
    progress.report(0.1, 'one');
    progress.report(0.2, 'two');
    now = 250;
    await vi.advanceTimersByTimeAsync(250);
    expect(writes).toEqual([
      [0.1, 'one'],
      [0.2, 'two'],
    ]);
  });

  it('never lowers the stored progress and keeps it between 0 and 1', async () => {
    progress.report(0.5, 'half');
    await progress.flush();
    progress.report(0.2, 'later step');
    await progress.flush();
    progress.report(7, 'beyond');
    await progress.flush();
    expect(writes.map(([fraction]) => fraction)).toEqual([0.5, 0.5, 1]);
  });

  it('drops the pending value on cancel', async () => {
    progress.report(0.1, 'one');
    progress.report(0.2, 'two');
    await progress.cancel();
    await vi.advanceTimersByTimeAsync(1000);
    expect(writes).toEqual([[0.1, 'one']]);
  });
});

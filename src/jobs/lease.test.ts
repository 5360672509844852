import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { JobLease } from './lease.ts';

describe(JobLease.name, () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const lease = (renew: () => Promise<boolean>) =>
    new JobLease(renew, { leaseMs: 300, heartbeatMs: 100, lost: () => new Error('taken over') }, () =>
      Date.now(),
    );

  it('renews every heartbeat while it is held, and stops renewing when ended', async () => {
    const renew = vi.fn(async () => true);
    const held = lease(renew);
    await vi.advanceTimersByTimeAsync(1000);
    expect(renew).toHaveBeenCalledTimes(10);
    expect(held.signal.aborted).toBe(false);
    await held.end();
    await vi.advanceTimersByTimeAsync(1000);
    expect(renew).toHaveBeenCalledTimes(10);
  });

  it('is lost, and aborts its signal, when a renewal finds another worker holding the job', async () => {
    let holds = true;
    const held = lease(async () => holds);
    await vi.advanceTimersByTimeAsync(250);
    expect(held.lost).toBe(false);
    holds = false;
    await vi.advanceTimersByTimeAsync(100);
    expect(held.lost).toBe(true);
    expect(held.signal.reason).toEqual(new Error('taken over'));
    await held.end();
  });

  it('survives failed renewals until the lease it secured runs out, then is lost', async () => {
    let failing = false;
    const held = lease(async () => {
      if (failing) throw new Error('connection refused');
      return true;
    });
    await vi.advanceTimersByTimeAsync(200); // secured until 500
    failing = true;
    await vi.advanceTimersByTimeAsync(200); // renewals at 300 and 400 fail: still held
    expect(held.lost).toBe(false);
    await vi.advanceTimersByTimeAsync(100); // the renewal at 500 fails at the end of the lease
    expect(held.lost).toBe(true);
    await held.end();
  });

  it('aborted by the queue (a stop) is not lost: the worker still holds the job and may store its failure', async () => {
    const held = lease(async () => true);
    held.abort(new Error('interrupted by a restart'));
    expect(held.signal.aborted).toBe(true);
    expect(held.lost).toBe(false);
    await held.end();
  });
});

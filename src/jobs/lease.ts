/**
 * A worker's hold on the job it runs (decision 0014): renewed every `heartbeatMs` while the job
 * runs. The hold is lost — `signal` aborts, and the handler stops at its next check — when a
 * renewal finds that another worker holds the job (the lease had expired and it took over), or
 * when renewals keep failing until the lease this worker last secured has run out (the database
 * is unreachable: another worker may take the job over from then on).
 */
export class JobLease {
  private readonly controller = new AbortController();
  private readonly timer: NodeJS.Timeout;
  private renewing: Promise<void> | null = null;
  private heldUntil: number;
  private ended = false;
  private lostReason: Error | null = null;

  /**
   * @param renew extends the lease in the database; resolves false when the worker no longer holds the job
   * @param lost the reason `signal` aborts with when the hold is lost
   */
  constructor(
    private readonly renew: () => Promise<boolean>,
    private readonly options: { leaseMs: number; heartbeatMs: number; lost: () => Error },
    private readonly now: () => number = () => Date.now(),
  ) {
    this.heldUntil = now() + options.leaseMs;
    this.timer = setInterval(() => this.beat(), options.heartbeatMs);
  }

  /** Aborts when the hold is lost, or when `abort` is called (the queue stops). */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** True when another worker may hold the job now: nothing may be stored for it. */
  get lost(): boolean {
    return this.controller.signal.aborted && this.controller.signal.reason === this.lostReason;
  }

  /** Aborts the handler for another reason (the queue stops); the hold itself is kept. */
  abort(reason: Error): void {
    this.controller.abort(reason);
  }

  /** Stops renewing and waits for a renewal under way. */
  async end(): Promise<void> {
    this.ended = true;
    clearInterval(this.timer);
    await this.renewing;
  }

  private beat(): void {
    if (this.renewing || this.ended) return;
    const startedAt = this.now();
    this.renewing = this.renew()
      .then((held) => {
        if (held) this.heldUntil = startedAt + this.options.leaseMs;
        else this.lose();
      })
      .catch(() => {
        // A failed renewal is tried again at the next beat, until the lease secured has run out.
        if (this.now() >= this.heldUntil) this.lose();
      })
      .finally(() => {
        this.renewing = null;
      });
  }

  private lose(): void {
    if (this.ended || this.controller.signal.aborted) return;
    this.lostReason = this.options.lost();
    this.controller.abort(this.lostReason);
  }
}

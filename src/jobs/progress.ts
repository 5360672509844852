/**
 * A job's progress as its handler reports it: every call is accepted, but at most one write per
 * `intervalMs` reaches the database (a report of 5,000 activities would otherwise write thousands
 * of times). Writes run one after another, so the stored value never goes back; `flush()` writes
 * the last value still pending.
 */
export class ThrottledProgress {
  private lastWriteAt = Number.NEGATIVE_INFINITY;
  private pending: { progress: number; message: string } | null = null;
  private timer: NodeJS.Timeout | null = null;
  private writing: Promise<void> = Promise.resolve();
  private highest = 0;

  constructor(
    private readonly write: (progress: number, message: string) => Promise<void>,
    private readonly intervalMs = 250,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** `progress` from 0 to 1 (clamped; never lower than a value reported before). */
  report(progress: number, message: string): void {
    this.highest = Math.max(this.highest, Math.min(1, Math.max(0, Number.isFinite(progress) ? progress : 0)));
    this.pending = { progress: this.highest, message };
    const wait = this.lastWriteAt + this.intervalMs - this.now();
    if (wait <= 0) this.writePending();
    else this.timer ??= setTimeout(() => this.writePending(), wait);
  }

  /** Writes what is pending now, and resolves when every write has finished. */
  async flush(): Promise<void> {
    this.writePending();
    await this.writing;
  }

  /** Drops what is pending (the job ended another way) and waits for writes under way. */
  async cancel(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.pending = null;
    await this.writing;
  }

  private writePending(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const value = this.pending;
    if (!value) return;
    this.pending = null;
    this.lastWriteAt = this.now();
    // A failed progress write is not the job's failure: the next one (or the end) corrects it.
    this.writing = this.writing.then(() => this.write(value.progress, value.message).catch(() => {}));
  }
}

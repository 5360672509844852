/**
 * Work the Hub does after answering, such as sending a password-reset mail: the answer then takes
 * the same time whether or not there was anything to send. Failures are reported, never thrown at
 * the caller; `idle()` waits for what is running (on shutdown, and in tests).
 */
export class BackgroundTasks {
  private readonly running = new Set<Promise<void>>();

  constructor(
    private readonly onError: (error: unknown, name: string) => void = (error, name) =>
      console.error(`background task ${name} failed`, error),
  ) {}

  /**
   * Starts `task` without waiting for it.
   *
   * @example
   * background.run('password-reset mail', () => mailer.send(message));
   * await background.idle();
   */
  run(name: string, task: () => Promise<void>): void {
    const promise = Promise.resolve()
      .then(task)
      .catch((error: unknown) => this.onError(error, name))
      .finally(() => this.running.delete(promise));
    this.running.add(promise);
  }

  /** Resolves when every task started so far (and any they started) has finished. */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running]);
  }
}

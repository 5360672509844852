/**
 * Checks `condition` every `intervalMs` until it holds, and returns its value; fails after
 * `timeoutMs` naming `what`. For state another process or a timer changes (a job row, a lease):
 * the test waits for the state, never for a fixed time.
 *
 * @example
 * await waitUntil('the job runs', async () => (await job(id)).status === 'running');
 */
export async function waitUntil<T>(
  what: string,
  condition: () => Promise<T | false | null | undefined> | T | false | null | undefined,
  { timeoutMs = 20_000, intervalMs = 25 }: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await condition();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

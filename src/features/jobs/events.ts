import { setTimeout as sleep } from 'node:timers/promises';
import type { JobDto } from './schema.ts';

/** How often a stream re-reads its job: the job may run in another process, so the database is the truth. */
export const JOB_EVENTS_POLL_MS = 500;

const FINISHED: ReadonlySet<JobDto['status']> = new Set(['succeeded', 'failed']);

/**
 * Server-sent events of one job: `event: job` with the job's JSON each time it changed, until it
 * succeeded or failed (then the stream ends), or `signal` aborts (the client left, the server stops).
 */
export async function* jobEvents(
  first: JobDto,
  read: () => Promise<JobDto>,
  signal: AbortSignal,
  pollMs = JOB_EVENTS_POLL_MS,
): AsyncGenerator<string> {
  let job = first;
  let sent = '';
  // A comment line first, so proxies and browsers see the stream open at once.
  yield ': job events\n\n';
  for (;;) {
    const data = JSON.stringify(job);
    if (data !== sent) {
      yield `event: job\ndata: ${data}\n\n`;
      sent = data;
    }
    if (FINISHED.has(job.status)) return;
    try {
      await sleep(pollMs, undefined, { signal });
    } catch {
      return;
    }
    job = await read();
  }
}

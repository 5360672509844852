import { percentile, summarize } from './report.ts';

/**
 * The mixed-load benchmark's bookkeeping: every request's kind, class, latency and outcome, and the
 * table of count, errors and latency spread per kind and per class. Pure, so it is unit-tested.
 */

/** Reads and writes are the figures of the target; a job is a report timed from start to file. */
export type RequestClass = 'read' | 'write' | 'job';

/**
 * `ok`: a 2xx. `conflict`: an answer the mix expects now and then and is no failure (a 409 when
 * another user edited the same record first). `error`: anything else, or no answer at all.
 */
export type Outcome = 'ok' | 'conflict' | 'error';

export interface LatencySpread {
  min: number;
  median: number;
  p95: number;
  max: number;
}

export interface KindSummary extends LatencySpread {
  kind: string;
  class: RequestClass;
  count: number;
  conflicts: number;
  errors: number;
}

export function latencySpread(values: readonly number[]): LatencySpread {
  return { ...summarize([...values]), p95: percentile(values, 0.95) };
}

/** How an answer counts: a 2xx is fine, a status the caller expects now and then a conflict, else an error. */
export function outcomeOf(status: number | null, expected: readonly number[] = []): Outcome {
  if (status !== null && status >= 200 && status < 300) return 'ok';
  if (status !== null && expected.includes(status)) return 'conflict';
  return 'error';
}

/**
 * One of `choices` by weight, for a number `roll` in [0, 1) (the caller's seeded random). Choices
 * of weight 0 are never picked.
 */
export function pickWeighted<T>(choices: readonly { weight: number; value: T }[], roll: number): T {
  const total = choices.reduce((sum, choice) => sum + Math.max(0, choice.weight), 0);
  if (total <= 0) throw new Error('pickWeighted: no choice has a weight');
  let left = roll * total;
  for (const choice of choices) {
    if (choice.weight <= 0) continue;
    if (left < choice.weight) return choice.value;
    left -= choice.weight;
  }
  // roll * total rounded up to total: the last weighted choice.
  return [...choices].reverse().find((choice) => choice.weight > 0)?.value as T;
}

interface KindRecord {
  class: RequestClass;
  latencies: number[];
  conflicts: number;
  errors: number;
}

/** Collects the requests of a run; `summaries()` and `totals()` make the report's rows. */
export class LoadRecorder {
  private readonly kinds = new Map<string, KindRecord>();
  /** The first few failures, to say what went wrong. */
  readonly failures: string[] = [];

  record(kind: string, requestClass: RequestClass, ms: number, outcome: Outcome, detail = ''): void {
    let entry = this.kinds.get(kind);
    if (!entry) {
      entry = { class: requestClass, latencies: [], conflicts: 0, errors: 0 };
      this.kinds.set(kind, entry);
    }
    if (entry.class !== requestClass) {
      throw new Error(`${kind}: recorded as ${entry.class} and as ${requestClass}`);
    }
    entry.latencies.push(ms);
    if (outcome === 'conflict') entry.conflicts++;
    if (outcome === 'error') {
      entry.errors++;
      if (this.failures.length < 20) this.failures.push(`${kind}: ${detail}`);
    }
  }

  /** One row per kind, reads first, then writes, then jobs, each by name. */
  summaries(): KindSummary[] {
    const order: Record<RequestClass, number> = { read: 0, write: 1, job: 2 };
    return [...this.kinds.entries()]
      .map(([kind, entry]) => summaryOf(kind, entry))
      .sort((a, b) => order[a.class] - order[b.class] || a.kind.localeCompare(b.kind));
  }

  /** All requests of one class together (undefined when there were none). */
  total(requestClass: RequestClass): KindSummary | undefined {
    const entries = [...this.kinds.values()].filter((entry) => entry.class === requestClass);
    if (entries.length === 0) return undefined;
    return summaryOf(`all ${requestClass}s`, {
      class: requestClass,
      latencies: entries.flatMap((entry) => entry.latencies),
      conflicts: entries.reduce((sum, entry) => sum + entry.conflicts, 0),
      errors: entries.reduce((sum, entry) => sum + entry.errors, 0),
    });
  }
}

function summaryOf(kind: string, entry: KindRecord): KindSummary {
  return {
    kind,
    class: entry.class,
    count: entry.latencies.length,
    conflicts: entry.conflicts,
    errors: entry.errors,
    ...latencySpread(entry.latencies),
  };
}

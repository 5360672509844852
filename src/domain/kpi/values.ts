import type { KpiKind } from '../catalogue/types.ts';

/**
 * What a KPI value of each kind may be, for targets and hand-entered values alike. Money is EUR
 * with at most 2 decimals here (cents in the database); a count is a whole number; a rating is
 * on the catalogue's 1–5 scale; a percentage is 0–100; text is free text of at most 2,000
 * characters. Only money may be negative (a variation of sales can be a fall), and only for an
 * entered value: a target is never negative.
 */
export type KpiValue = number | string;

export const MAX_KPI_TEXT = 2_000;
const MAX_COUNT = 1_000_000_000;
const MAX_EUR = 1_000_000_000;

/** Why `value` cannot be a value of this kind, or null when it can. */
export function kpiValueProblem(kind: KpiKind, value: unknown, use: 'entry' | 'target'): string | null {
  if (kind === 'text') {
    if (use === 'target') return 'a text KPI has no numeric target';
    if (typeof value !== 'string') return 'must be text for a text KPI';
    if (value.trim().length === 0) return 'must not be empty';
    return value.length > MAX_KPI_TEXT ? `must be at most ${MAX_KPI_TEXT} characters` : null;
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) return `must be a number for a ${kind} KPI`;
  switch (kind) {
    case 'count':
      if (!Number.isInteger(value)) return 'must be a whole number for a count';
      if (value < 0) return 'must not be negative for a count';
      return value > MAX_COUNT ? `must be at most ${MAX_COUNT}` : null;
    case 'money':
      if (Math.abs(value * 100 - Math.round(value * 100)) > 1e-6) return 'must have at most 2 decimals';
      if (use === 'target' && value < 0) return 'must not be negative for a target';
      return Math.abs(value) > MAX_EUR ? `must be at most ${MAX_EUR} EUR` : null;
    case 'percent':
      return value < 0 || value > 100 ? 'must be a percentage from 0 to 100' : null;
    case 'rating':
      return value < 1 || value > 5 ? 'must be a rating from 1 to 5' : null;
  }
}

/** How a group's value is made from its activities' values. */
export function aggregationOf(kind: KpiKind): 'sum' | 'mean' | 'list' {
  if (kind === 'count' || kind === 'money') return 'sum';
  return kind === 'text' ? 'list' : 'mean';
}

/**
 * A portfolio runs two solvers on one problem side by side (one per core): one proves lower bounds
 * upwards ('below'), the other hunts better schedules ('above'); they share bounds while running
 * (shared-bounds.ts) and their answers are merged here. Pure.
 */
import type { ScheduleResult, SchedulingProblem, SearchStrategy } from './model.ts';

/** The strategies a portfolio runs, one per worker. */
export const PORTFOLIO: readonly SearchStrategy[] = ['below', 'above'];

/**
 * Only plain break minimisation is split: with optional meetings or a previous schedule, the break
 * bounds of two solvers would rest on different placements or change counts, so they could not be
 * combined.
 */
export function portfolioFits(problem: SchedulingProblem): boolean {
  return !problem.optionalMeetings && !(problem.previous && problem.previous.length > 0);
}

/**
 * Merges the answers of the portfolio's solvers: a proof of infeasibility wins; otherwise the
 * schedule with the fewest breaks, with the best lower bound any solver proved (optimal when they meet).
 */
export function combineResults(results: ScheduleResult[], sharedLowerBound = 0): ScheduleResult {
  const seconds = Math.max(0, ...results.map((r) => r.seconds));
  const infeasible = results.find((r) => r.status === 'infeasible');
  if (infeasible) return { ...infeasible, seconds };
  const lb = Math.max(sharedLowerBound, ...results.map((r) => r.lowerBound));
  let best: ScheduleResult | null = null;
  for (const r of results)
    if (r.breaks !== null && (best === null || r.breaks < (best.breaks ?? 0))) best = r;
  if (best === null) return { ...results[0]!, status: 'unknown', lowerBound: lb, seconds };
  const breaks = best.breaks ?? 0;
  return {
    ...best,
    status: lb >= breaks ? 'optimal' : 'feasible',
    lowerBound: Math.min(lb, breaks),
    seconds,
  };
}

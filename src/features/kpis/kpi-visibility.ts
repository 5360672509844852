import { type Actor, can } from '../../domain/access/policy.ts';
import type { TrackedKpi } from './definitions.ts';

/**
 * Money spent is the partnership's business: roles that do not see costs (members, mentors) do
 * not see the Hub's "Actual costs" KPI either, neither its value nor its targets.
 */
export function mayReadKpi(actor: Actor, kpi: Pick<TrackedKpi, 'instrumentId' | 'kpiKey'>): boolean {
  return kpi.instrumentId !== null || kpi.kpiKey !== 'actual_costs' || can(actor, 'budget.read');
}

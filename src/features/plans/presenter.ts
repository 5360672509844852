import { PHASES, type Phase } from '../../domain/catalogue/types.ts';
import { formatEurWithCode } from '../../domain/planning/money.ts';
import type { ActivityStatus } from '../../domain/planning/types.ts';
import type { ActivitySummaryRow, PlanInstrumentRow, PlanRow } from './repository.ts';
import type { ActivitySummaryDto, PlanDetailDto, PlanInstrumentDto, PlanSummaryDto } from './schema.ts';

/** Cents → EUR number with 2 decimals (null stays null). */
export function eurOf(cents: number): number;
export function eurOf(cents: number | null): number | null;
export function eurOf(cents: number | null): number | null {
  return cents === null ? null : cents / 100;
}

/** A plan as listed; `showMoney` false (members, mentors) hides the budget cap. */
export function presentPlanSummary(row: PlanRow, showMoney: boolean): PlanSummaryDto {
  return {
    id: row.id,
    marketId: row.market_id,
    marketName: row.market_name,
    marketCountry: row.market_country,
    name: row.name,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    budgetCapEur: showMoney ? eurOf(row.budget_cap_cents) : null,
    status: row.status,
    activityCount: row.activity_count,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function presentActivitySummary(row: ActivitySummaryRow): ActivitySummaryDto {
  return {
    id: row.id,
    planId: row.plan_id,
    planName: row.plan_name,
    marketId: row.market_id,
    marketName: row.market_name,
    marketCountry: row.market_country,
    title: row.title,
    instrumentKey: row.instrument_key,
    instrumentCode: row.instrument_code,
    instrumentName: row.instrument_name,
    phase: row.phase as Phase,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    status: row.status as ActivityStatus,
    city: row.city,
    country: row.country,
    clusterId: row.cluster_id,
    clusterShortName: row.cluster_short_name,
  };
}

/** The plan's instruments in D4.2 phase order (preparatory → leads → sustain), then by position. */
export function presentPlanInstruments(rows: PlanInstrumentRow[]): PlanInstrumentDto[] {
  const phaseRank = (phase: string) => {
    const rank = PHASES.indexOf(phase as Phase);
    return rank === -1 ? PHASES.length : rank;
  };
  return [...rows]
    .sort((a, b) => phaseRank(a.phase) - phaseRank(b.phase) || a.position - b.position)
    .map((row) => ({
      instrumentId: row.instrument_id,
      instrumentKey: row.key,
      code: row.code,
      name: row.name,
      phase: row.phase as Phase,
      position: row.position,
      rationale: row.rationale,
    }));
}

/** Planned and actual cents of one activity (absent: no lines of that kind). */
export interface ActivityCosts {
  planned: number;
  actual: number;
}

/** The plan's budget against its cap, with a warning per total that goes past it. */
export function planBudget(capCents: number | null, plannedCents: number, actualCents: number) {
  const warnings: string[] = [];
  if (capCents !== null) {
    for (const [label, cents] of [
      ['Planned', plannedCents],
      ['Actual', actualCents],
    ] as const) {
      if (cents > capCents) {
        warnings.push(
          `${label} ${formatEurWithCode(cents)} exceeds the plan's cap of ${formatEurWithCode(capCents)} by ${formatEurWithCode(cents - capCents)}`,
        );
      }
    }
  }
  return {
    capEur: eurOf(capCents),
    plannedEur: eurOf(plannedCents),
    actualEur: eurOf(actualCents),
    overCap: warnings.length > 0,
    warnings,
  };
}

/**
 * The plan page: the plan, its instruments, its activities with their costs and the budget. With
 * `costs` null (the caller may not read budgets) every money field is null.
 */
export function presentPlanDetail(
  plan: PlanRow,
  instruments: PlanInstrumentRow[],
  activities: ActivitySummaryRow[],
  costs: Map<string, ActivityCosts> | null,
): PlanDetailDto {
  // As the budget roll-ups: a cancelled activity's plan no longer counts, what it spent does.
  const cancelled = new Set(activities.filter((a) => a.status === 'cancelled').map((a) => a.id));
  let planned = 0;
  let actual = 0;
  for (const [activityId, cost] of costs ?? []) {
    if (!cancelled.has(activityId)) planned += cost.planned;
    actual += cost.actual;
  }
  return {
    ...presentPlanSummary(plan, costs !== null),
    notes: plan.notes,
    market: {
      id: plan.market_id,
      name: plan.market_name,
      country: plan.market_country,
      ownerClusterId: plan.market_owner_cluster_id,
    },
    instruments: presentPlanInstruments(instruments),
    activities: activities.map((row) => {
      const cost = costs?.get(row.id);
      return {
        ...presentActivitySummary(row),
        plannedEur: costs ? eurOf(cost?.planned ?? 0) : null,
        actualEur: costs ? eurOf(cost?.actual ?? 0) : null,
      };
    }),
    budget: costs ? planBudget(plan.budget_cap_cents, planned, actual) : null,
  };
}

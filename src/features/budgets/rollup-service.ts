import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { type Actor, requireAccess } from '../../domain/access/policy.ts';
import {
  FUNDING_SOURCE_LABELS,
  FUNDING_SOURCES,
  PHASE_LABELS,
  PHASES,
} from '../../domain/catalogue/types.ts';
import { checkRange } from '../../domain/dates.ts';
import { formatEurWithCode, toEur } from '../../domain/planning/money.ts';
import { BUDGET_CATEGORIES, BUDGET_CATEGORY_LABELS } from '../../domain/planning/types.ts';
import { type RollupGroupRow, RollupRepository } from './rollup-repository.ts';
import type { RollupDimension, RollupDto, RollupQuery } from './schema.ts';

type Group = RollupDto['groups'][number];

/**
 * Budget roll-ups: planned vs actual by one dimension, with the plans' caps and a warning for every
 * plan in scope whose planned total exceeds its cap. Planned totals leave cancelled activities out;
 * actual costs count whatever the activity's status (money spent on a cancelled trip was spent).
 */
export class RollupService {
  constructor(private readonly db: Kysely<DB>) {}

  async rollup(actor: Actor, query: RollupQuery): Promise<RollupDto> {
    requireAccess(actor, 'budget.read');
    checkRange(query);
    const repository = new RollupRepository(this.db);
    const { groupBy, ...filters } = query;
    const scope = {
      ...(filters.planId ? { planId: filters.planId } : {}),
      ...(filters.marketId ? { marketId: filters.marketId } : {}),
    };
    const { groups: rows, plannedByPlan } = await repository.groups(actor.workspaceId, groupBy, filters);
    const plans = await repository.plans(actor.workspaceId, scope);
    // A cap is about the whole plan: with activity filters (cluster, dates), or by a dimension of
    // the line, its total takes a second statement; otherwise the first one holds it already.
    const narrowed =
      filters.clusterId !== undefined || filters.from !== undefined || filters.to !== undefined;
    const plannedOfPlan =
      plannedByPlan && !narrowed ? plannedByPlan : await repository.plannedByPlan(actor.workspaceId, scope);

    const capOf = capsOf(groupBy, plans);
    const groups: Group[] = withEmptyPlans(groupBy, rows, plans).map((row) => {
      const cap = capOf(row.key);
      return {
        key: row.key,
        label: labelOf(groupBy, row),
        plannedEur: toEur(row.planned),
        actualEur: toEur(row.actual),
        capEur: cap === null ? null : toEur(cap),
        overCap: cap !== null && row.planned > cap,
      };
    });
    const caps = plans.map((p) => p.budget_cap_cents).filter((cap): cap is number => cap !== null);
    return {
      totals: {
        plannedEur: toEur(rows.reduce((sum, r) => sum + r.planned, 0)),
        actualEur: toEur(rows.reduce((sum, r) => sum + r.actual, 0)),
        capEur: caps.length === 0 ? null : toEur(caps.reduce((sum, cap) => sum + cap, 0)),
        effortDays: rows.reduce((sum, r) => sum + r.effort, 0) / 100,
      },
      groups: sortGroups(groupBy, groups),
      warnings: capWarnings(plans, plannedOfPlan),
    };
  }
}

type PlanInScope = Awaited<ReturnType<RollupRepository['plans']>>[number];

/** The cap of a group: a plan's own, a market's the sum of its plans' (null when none has one). */
function capsOf(dimension: RollupDimension, plans: PlanInScope[]): (key: string | null) => number | null {
  const caps = new Map<string, number | null>();
  for (const plan of plans) {
    const key = dimension === 'plan' ? plan.id : plan.market_id;
    const sum = caps.get(key) ?? null;
    if (plan.budget_cap_cents !== null) caps.set(key, (sum ?? 0) + plan.budget_cap_cents);
    else if (!caps.has(key)) caps.set(key, null);
  }
  return (key) =>
    key !== null && (dimension === 'plan' || dimension === 'market') ? (caps.get(key) ?? null) : null;
}

/** Plans (or markets) in scope without any line still show, at 0 against their cap. */
function withEmptyPlans(dimension: RollupDimension, rows: RollupGroupRow[], plans: PlanInScope[]) {
  if (dimension !== 'plan' && dimension !== 'market') return rows;
  const all = [...rows];
  const seen = new Set(rows.map((r) => r.key));
  for (const plan of plans) {
    const key = dimension === 'plan' ? plan.id : plan.market_id;
    if (seen.has(key)) continue;
    seen.add(key);
    const label = dimension === 'plan' ? plan.name : plan.market_name;
    all.push({ key, label, planned: 0, actual: 0, effort: 0 });
  }
  return all;
}

/** "Planned 12,345 EUR exceeds the plan's cap of 10,000 EUR by 2,345 EUR", for every plan beyond its cap. */
function capWarnings(plans: PlanInScope[], plannedOfPlan: Map<string, number>): RollupDto['warnings'] {
  return plans.flatMap((plan) => {
    const planned = plannedOfPlan.get(plan.id) ?? 0;
    const cap = plan.budget_cap_cents;
    if (cap === null || planned <= cap) return [];
    return [
      {
        planId: plan.id,
        planName: plan.name,
        message: `Planned ${formatEurWithCode(planned)} exceeds the plan's cap of ${formatEurWithCode(cap)} by ${formatEurWithCode(planned - cap)}`,
      },
    ];
  });
}

function labelOf(dimension: RollupDimension, row: RollupGroupRow): string {
  const key = row.key;
  switch (dimension) {
    case 'workspace':
      return 'Whole workspace';
    case 'plan':
    case 'market':
      return key === null ? 'Standalone activities' : (row.label ?? key);
    case 'cluster':
      return key === null ? 'No responsible cluster' : (row.label ?? key);
    case 'phase':
      return PHASE_LABELS[key as keyof typeof PHASE_LABELS] ?? String(key);
    case 'fundingSource':
      return FUNDING_SOURCE_LABELS[key as keyof typeof FUNDING_SOURCE_LABELS] ?? String(key);
    case 'category':
      return BUDGET_CATEGORY_LABELS[key as keyof typeof BUDGET_CATEGORY_LABELS] ?? String(key);
    default:
      return row.label ?? String(key);
  }
}

/** Vocabulary order for the fixed dimensions, calendar order for months, else by label (no-key last). */
function sortGroups(dimension: RollupDimension, groups: Group[]): Group[] {
  const order: readonly string[] | undefined =
    dimension === 'phase'
      ? PHASES
      : dimension === 'fundingSource'
        ? FUNDING_SOURCES
        : dimension === 'category'
          ? BUDGET_CATEGORIES
          : undefined;
  return [...groups].sort((a, b) => {
    if (a.key === null || b.key === null) return a.key === null ? (b.key === null ? 0 : 1) : -1;
    if (order) return order.indexOf(a.key) - order.indexOf(b.key);
    if (dimension === 'month') return a.key.localeCompare(b.key);
    return a.label.localeCompare(b.label) || a.key.localeCompare(b.key);
  });
}

import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { type Actor, requireAccess } from '../../domain/access/policy.ts';
import {
  FUNDING_SOURCE_LABELS,
  FUNDING_SOURCES,
  PHASE_LABELS,
  PHASES,
} from '../../domain/catalogue/types.ts';
import { BUDGET_CATEGORIES, BUDGET_CATEGORY_LABELS } from '../../domain/planning/types.ts';
import { checkRange } from '../activities/dates.ts';
import { formatEur, toEur } from './money.ts';
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
    const rows = await repository.groups(actor.workspaceId, groupBy, filters);
    const plans = await repository.plans(actor.workspaceId, {
      ...(filters.planId ? { planId: filters.planId } : {}),
      ...(filters.marketId ? { marketId: filters.marketId } : {}),
    });

    const capOfPlan = new Map(plans.map((p) => [p.id, p.budget_cap_cents]));
    const capOfMarket = new Map<string, number | null>();
    for (const plan of plans) {
      const sum = capOfMarket.get(plan.market_id) ?? null;
      if (plan.budget_cap_cents !== null) capOfMarket.set(plan.market_id, (sum ?? 0) + plan.budget_cap_cents);
      else if (!capOfMarket.has(plan.market_id)) capOfMarket.set(plan.market_id, null);
    }
    const capOf = (key: string | null): number | null => {
      if (key === null) return null;
      if (groupBy === 'plan') return capOfPlan.get(key) ?? null;
      if (groupBy === 'market') return capOfMarket.get(key) ?? null;
      return null;
    };

    // Plans and markets in scope without any line still show, at 0 against their cap.
    const all: RollupGroupRow[] = [...rows];
    const seen = new Set(rows.map((r) => r.key));
    const empty = (key: string, label: string) => ({ key, label, planned: 0, actual: 0, effort: 0 });
    for (const plan of plans) {
      const key = groupBy === 'plan' ? plan.id : groupBy === 'market' ? plan.market_id : null;
      if (key === null || seen.has(key)) continue;
      seen.add(key);
      all.push(empty(key, groupBy === 'plan' ? plan.name : plan.market_name));
    }

    const groups: Group[] = all.map((row) => {
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
      warnings: plans
        .filter((p) => p.budget_cap_cents !== null && p.planned > p.budget_cap_cents)
        .map((p) => ({
          planId: p.id,
          planName: p.name,
          message: `Planned ${formatEur(p.planned)} exceeds the plan's cap of ${formatEur(p.budget_cap_cents as number)} by ${formatEur(p.planned - (p.budget_cap_cents as number))}`,
        })),
    };
  }
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

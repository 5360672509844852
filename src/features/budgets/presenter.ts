import { FUNDING_SOURCES, type FundingSource } from '../../domain/catalogue/types.ts';
import { toEur } from '../../domain/planning/money.ts';
import { BUDGET_CATEGORIES, type BudgetCategory, type Estimate } from '../../domain/planning/types.ts';
import type { CostLineRow } from './repository.ts';
import type { BudgetBlockDto, CostLineDto, EstimateDto } from './schema.ts';

export function presentCostLine(row: CostLineRow): CostLineDto {
  return {
    id: row.id,
    activityId: row.activity_id,
    kind: row.kind,
    category: row.category as BudgetCategory,
    fundingSource: row.funding_source as FundingSource,
    description: row.description,
    formula: row.formula,
    amountEur: toEur(row.amount_cents),
    effortDays: row.effort_centidays / 100,
    origin: row.origin,
    incurredOn: row.incurred_on,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/**
 * An activity's budget: planned and actual sums (effort counts planned lines), by funding source
 * and by category, in the vocabularies' order and only where a line exists.
 */
export function presentBudgetBlock(rows: CostLineRow[]): BudgetBlockDto {
  const sum = (list: CostLineRow[], kind: 'planned' | 'actual') =>
    list.filter((r) => r.kind === kind).reduce((total, r) => total + r.amount_cents, 0);
  const planned = rows.filter((r) => r.kind === 'planned');
  return {
    plannedEur: toEur(sum(rows, 'planned')),
    actualEur: toEur(sum(rows, 'actual')),
    effortDays: planned.reduce((total, r) => total + r.effort_centidays, 0) / 100,
    lines: rows.map(presentCostLine),
    byFundingSource: FUNDING_SOURCES.flatMap((fundingSource) => {
      const of = rows.filter((r) => r.funding_source === fundingSource);
      return of.length === 0
        ? []
        : [{ fundingSource, plannedEur: toEur(sum(of, 'planned')), actualEur: toEur(sum(of, 'actual')) }];
    }),
    byCategory: BUDGET_CATEGORIES.flatMap((category) => {
      const of = rows.filter((r) => r.category === category);
      return of.length === 0
        ? []
        : [{ category, plannedEur: toEur(sum(of, 'planned')), actualEur: toEur(sum(of, 'actual')) }];
    }),
  };
}

export function presentEstimate(estimate: Estimate, assumptions: EstimateDto['assumptions']): EstimateDto {
  return {
    lines: estimate.lines.map((line) => ({
      category: line.category,
      description: line.description,
      formula: line.formula,
      amountEur: toEur(line.amountCents),
      effortDays: line.effortDays,
    })),
    effortDays: estimate.effortDays,
    totalEur: toEur(estimate.totalCents),
    notes: estimate.notes,
    assumptions,
  };
}

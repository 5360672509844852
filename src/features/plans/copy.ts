import type { Insertable, Kysely } from 'kysely';
import { newId, nowIso } from '../../db/ids.ts';
import type { ActivityTable, CostLineTable, DB } from '../../db/schema.ts';
import type { Actor } from '../../domain/access/policy.ts';
import { type AuditEntry, AuditRepository, diff } from '../audit/repository.ts';
import { refreshKpiActuals } from '../kpis/actuals.ts';
import type { MarketRow } from '../markets/repository.ts';
import { addDays, daysBetween } from './dates.ts';
import { auditedInstruments } from './instruments.ts';
import { presentPlanInstruments } from './presenter.ts';
import { PlanRepository, type PlanRow, type PlanValues } from './repository.ts';
import type { CopyPlanInput } from './schema.ts';

/**
 * Writes the copy of `source` for `market` inside the caller's transaction `trx` (access already
 * checked) and @returns the new plan's id. Queries: a fixed handful, whatever the plan's size
 * (activities and cost lines go in multi-row inserts).
 *
 * What is copied: name, cap, notes, instruments with their rationale; activities as `planned`
 * with their title, instrument, place, responsible cluster and estimate parameters, and their
 * planned cost lines. Not copied: participants, outcome notes, actual cost lines.
 */
export async function copyPlan(
  trx: Kysely<DB>,
  actor: Actor,
  source: PlanRow,
  market: MarketRow,
  input: CopyPlanInput,
): Promise<string> {
  const plans = new PlanRepository(trx);
  const shift = input.startsOn === undefined ? 0 : daysBetween(source.starts_on, input.startsOn);
  const values: PlanValues = {
    market_id: market.id,
    name: input.name ?? source.name,
    starts_on: addDays(source.starts_on, shift),
    ends_on: addDays(source.ends_on, shift),
    budget_cap_cents: source.budget_cap_cents,
    status: 'draft',
    notes: source.notes,
  };
  const id = await plans.create(actor.workspaceId, values);
  const instruments = await plans.instrumentsOf(source.id);
  await plans.replaceInstruments(
    id,
    instruments.map((row) => ({
      instrument_id: row.instrument_id,
      position: row.position,
      rationale: row.rationale,
    })),
  );

  const audit: AuditEntry[] = [
    {
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      action: 'create',
      entityType: 'plan',
      entityId: id,
      changes: {
        ...diff({}, values),
        copied_from: [null, source.id],
        ...(instruments.length > 0
          ? { instruments: [null, auditedInstruments(presentPlanInstruments(instruments))] }
          : {}),
      },
    },
  ];
  if (input.includeActivities) {
    const copies = await copyActivities(plans, actor, source.id, id, shift);
    audit.push(...copies);
    await refreshKpiActuals(
      trx,
      copies.map((entry) => entry.entityId),
    );
  }
  await new AuditRepository(trx).recordMany(audit);
  return id;
}

/** Copies the source plan's activities and their planned lines; @returns their audit entries. */
async function copyActivities(
  plans: PlanRepository,
  actor: Actor,
  sourcePlanId: string,
  planId: string,
  shift: number,
): Promise<AuditEntry[]> {
  const [activities, lines] = await Promise.all([
    plans.activityRowsOf(actor.workspaceId, sourcePlanId),
    plans.plannedCostLinesOf(actor.workspaceId, sourcePlanId),
  ]);
  const now = nowIso();
  const copyOf = new Map<string, string>();
  const linesPerActivity = new Map<string, number>();
  for (const line of lines) {
    linesPerActivity.set(line.activity_id, (linesPerActivity.get(line.activity_id) ?? 0) + 1);
  }
  const audit: AuditEntry[] = [];
  const activityRows: Insertable<ActivityTable>[] = activities.map((activity) => {
    const id = newId();
    copyOf.set(activity.id, id);
    const values = {
      plan_id: planId,
      instrument_id: activity.instrument_id,
      title: activity.title,
      starts_on: addDays(activity.starts_on, shift),
      ends_on: addDays(activity.ends_on, shift),
      city: activity.city,
      country: activity.country,
      cluster_id: activity.cluster_id,
      status: 'planned' as const,
      outcome_notes: '',
      estimate_parameters: activity.estimate_parameters,
    };
    audit.push({
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      action: 'create',
      entityType: 'activity',
      entityId: id,
      changes: {
        ...diff({}, values),
        copied_from: [null, activity.id],
        planned_cost_lines: [null, linesPerActivity.get(activity.id) ?? 0],
      },
    });
    return { id, workspace_id: actor.workspaceId, ...values, created_at: now, updated_at: now };
  });
  const lineRows: Insertable<CostLineTable>[] = lines.map((line) => ({
    id: newId(),
    workspace_id: actor.workspaceId,
    activity_id: copyOf.get(line.activity_id) as string,
    kind: 'planned',
    category: line.category,
    funding_source: line.funding_source,
    description: line.description,
    formula: line.formula,
    amount_cents: line.amount_cents,
    effort_centidays: line.effort_centidays,
    origin: line.origin,
    incurred_on: null,
    created_at: now,
    updated_at: now,
  }));
  await plans.insertActivities(activityRows);
  await plans.insertCostLines(lineRows);
  return audit;
}

import type { Insertable, Kysely } from 'kysely';
import { newId, nowIso } from '../db/ids.ts';
import type { ActivityTable, CostLineTable, DB } from '../db/schema.ts';
import { writeTransaction } from '../db/write-transaction.ts';
import { type Actor, clusterScope, requireAccess } from '../domain/access/policy.ts';
import { addDays, daysBetween } from '../domain/dates.ts';
import { ActivityRepository } from '../features/activities/repository.ts';
import { type AuditEntry, AuditRepository, diff } from '../features/audit/repository.ts';
import { CostLineRepository } from '../features/budgets/repository.ts';
import type { MarketRow } from '../features/markets/repository.ts';
import { MarketRepository } from '../features/markets/repository.ts';
import { loadMarket } from '../features/markets/service.ts';
import { auditedInstruments } from '../features/plans/instruments.ts';
import { presentPlanInstruments } from '../features/plans/presenter.ts';
import { PlanRepository, type PlanRow, type PlanValues } from '../features/plans/repository.ts';
import type { CopyPlanInput, PlanDetailDto } from '../features/plans/schema.ts';
import { loadPlan, PlanService } from '../features/plans/service.ts';

/**
 * `POST /plans/{id}/copy`: a draft copy of the plan for a market (possibly the same one): its
 * instruments, and unless told otherwise its activities (planned, without participants or
 * outcome) with their planned cost lines, shifted by as many days as the new start moves. It
 * writes plans, activities, cost lines and the audit log in one transaction, hence a command.
 */
export function copyPlanCommand(db: Kysely<DB>) {
  return (actor: Actor, id: string, input: CopyPlanInput): Promise<PlanDetailDto> =>
    writeTransaction(db, async (trx) => {
      const source = await loadPlan(new PlanRepository(trx), actor.workspaceId, id);
      const market = await loadMarket(
        new MarketRepository(trx),
        actor.workspaceId,
        input.marketId,
        'body.marketId',
      );
      requireAccess(actor, 'plan.create', clusterScope(market.owner_cluster_id));
      const copyId = await copyPlan(trx, actor, source, market, input);
      return new PlanService(trx).get(actor, copyId);
    });
}

/**
 * Writes the copy of `source` for `market` inside `trx` (access already checked) and @returns
 * the new plan's id. Queries: a fixed handful, whatever the plan's size (activities and cost
 * lines go in multi-row inserts).
 *
 * What is copied: name, cap, notes, instruments with their rationale; activities as `planned`
 * with their title, instrument, place, responsible cluster and estimate parameters, and their
 * planned cost lines. Not copied: participants, outcome notes, actual cost lines.
 */
async function copyPlan(
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
    audit.push(...(await copyActivities(trx, actor, source.id, id, shift)));
  }
  await new AuditRepository(trx).recordMany(audit);
  return id;
}

/**
 * Copies the source plan's activities and their planned lines; @returns their audit entries.
 * @throws ForbiddenError when one of them is another cluster's (or the coordinators') and the
 * actor may not create it.
 */
async function copyActivities(
  trx: Kysely<DB>,
  actor: Actor,
  sourcePlanId: string,
  planId: string,
  shift: number,
): Promise<AuditEntry[]> {
  const plans = new PlanRepository(trx);
  const [activities, lines] = await Promise.all([
    plans.activityRowsOf(actor.workspaceId, sourcePlanId),
    plans.plannedCostLinesOf(actor.workspaceId, sourcePlanId),
  ]);
  // A copy creates each activity (and its planned lines) anew, in the name of its responsible
  // cluster: the actor must be allowed to create it, as with POST /activities.
  for (const activity of activities)
    requireAccess(actor, 'activity.create', clusterScope(activity.cluster_id));
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
  await new ActivityRepository(trx).insertMany(activityRows);
  await new CostLineRepository(trx).insertMany(lineRows);
  return audit;
}

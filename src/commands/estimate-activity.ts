import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { writeTransaction } from '../db/write-transaction.ts';
import { type Actor, clusterScope, requireAccess } from '../domain/access/policy.ts';
import { ConflictError, InvalidInputError, NotFoundError } from '../domain/errors.ts';
import { eurToCents, formatEurWithCode } from '../domain/planning/money.ts';
import { ActivityRepository } from '../features/activities/repository.ts';
import { loadActivity } from '../features/activities/service.ts';
import { type AuditRecordType, AuditRepository } from '../features/audit/repository.ts';
import { goneChanges } from '../features/budgets/cost-line-service.ts';
import { computeEstimate } from '../features/budgets/estimate-service.ts';
import { presentEstimate } from '../features/budgets/presenter.ts';
import { CostLineRepository, type CostLineValues } from '../features/budgets/repository.ts';
import { type ActivityEstimateInput, type EstimateDto, MAX_LINE_EUR } from '../features/budgets/schema.ts';
import { InstrumentRepository } from '../features/instruments/repository.ts';

/**
 * `POST /activities/{id}/estimate`: the estimate of an activity (its instrument, its cluster's day rate and home). With `apply`,
 * in one transaction: the parameters are stored on the activity (new version), its planned lines
 * from an earlier estimate are replaced by this estimate's lines; typed lines stay.
 * A command: applying writes the activity, its cost lines and the audit log in one transaction.
 */
export function estimateActivityCommand(db: Kysely<DB>) {
  return (actor: Actor, activityId: string, input: ActivityEstimateInput): Promise<EstimateDto> =>
    writeTransaction(db, async (trx) => {
      const activities = new ActivityRepository(trx);
      const activity = await loadActivity(activities, actor, activityId);
      requireAccess(actor, 'budget.update', clusterScope(activity.cluster_id));
      const instrument = await new InstrumentRepository(trx).findRef(activity.instrument_id);
      if (!instrument) throw new NotFoundError('instrument', activity.instrument_id);
      const { estimate, assumptions } = await computeEstimate(trx, actor.workspaceId, {
        instrument,
        parameters: input.parameters,
        clusterId: activity.cluster_id,
        dayRateEur: input.dayRateEur,
      });
      if (!input.apply) return presentEstimate(estimate, assumptions);
      checkLinesFit(estimate.lines);

      const stored = JSON.stringify({
        ...input.parameters,
        ...(input.dayRateEur !== undefined ? { dayRateCents: eurToCents(input.dayRateEur) } : {}),
      });
      const updated = await activities.update(actor.workspaceId, activityId, input.version, {
        estimate_parameters: stored,
      });
      if (!updated) {
        throw new ConflictError(
          `The activity ${activityId} was changed by someone else (version ${activity.version}, you sent ${input.version}): reload it and estimate again.`,
          activity.version,
        );
      }
      const lines = new CostLineRepository(trx);
      const removed = await lines.deleteEstimateLines(actor.workspaceId, activityId);
      const added = await lines.createMany(
        actor.workspaceId,
        activityId,
        estimate.lines.map(
          (line): CostLineValues => ({
            kind: 'planned',
            category: line.category,
            funding_source: input.fundingSource,
            description: line.description,
            formula: line.formula,
            amount_cents: line.amountCents,
            effort_centidays: Math.round(line.effortDays * 100),
            origin: 'estimate',
            incurred_on: null,
          }),
        ),
      );
      const audit = new AuditRepository(trx);
      const record = (
        action: 'create' | 'update' | 'delete',
        entityType: AuditRecordType,
        entityId: string,
        changes: Record<string, [unknown, unknown]>,
      ) =>
        audit.record({
          workspaceId: actor.workspaceId,
          actorUserId: actor.userId,
          action,
          entityType,
          entityId,
          changes,
        });
      if (stored !== activity.estimate_parameters) {
        await record('update', 'activity', activityId, {
          estimate_parameters: [activity.estimate_parameters, stored],
        });
      }
      for (const row of removed) await record('delete', 'cost_line', row.id, goneChanges(row));
      for (const row of added) {
        const { id, workspace_id: _w, version: _v, created_at: _c, updated_at: _u, ...values } = row;
        await record(
          'create',
          'cost_line',
          id,
          Object.fromEntries(Object.entries(values).map(([k, v]) => [k, [null, v]])),
        );
      }
      return presentEstimate(estimate, assumptions);
    });
}

/**
 * An applied estimate writes its lines as budget lines, which hold at most `MAX_LINE_EUR` each (as
 * typed ones do): a larger line is refused with what to change, before anything is written.
 */
function checkLinesFit(lines: readonly { description: string; amountCents: number }[]): void {
  const tooLarge = lines.filter((line) => line.amountCents > eurToCents(MAX_LINE_EUR));
  if (tooLarge.length === 0) return;
  const list = tooLarge
    .map((line) => `"${line.description}" (${formatEurWithCode(line.amountCents)})`)
    .join(', ');
  throw new InvalidInputError(
    `The estimate cannot be applied: ${list} exceeds the ${formatEurWithCode(eurToCents(MAX_LINE_EUR))} a budget line may hold`,
    [
      {
        field: 'body.parameters',
        message: `give fewer units, travellers or nights: a line may hold at most ${MAX_LINE_EUR.toLocaleString('en-US')} EUR`,
      },
    ],
  );
}

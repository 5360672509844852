import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { writeTransaction } from '../../db/write-transaction.ts';
import { type Actor, clusterScope, requireAccess } from '../../domain/access/policy.ts';
import type { BudgetItem } from '../../domain/catalogue/types.ts';
import { ConflictError, InvalidInputError, NotFoundError } from '../../domain/errors.ts';
import { estimateBudget } from '../../domain/planning/budget-estimate.ts';
import { eurToCents } from '../../domain/planning/money.ts';
import type { Estimate, EstimateParameters, TravelRate } from '../../domain/planning/types.ts';
import { ActivityRepository, type InstrumentRef } from '../activities/repository.ts';
import { loadActivity, unknownInstrument } from '../activities/service.ts';
import { AuditRepository } from '../audit/repository.ts';
import { presentTravelRate } from '../travel-rates/presenter.ts';
import { TravelRateRepository } from '../travel-rates/repository.ts';
import { resolveTravelRate, travelHome } from '../travel-rates/service.ts';
import { goneChanges } from './cost-line-service.ts';
import { presentEstimate } from './presenter.ts';
import { CostLineRepository, type CostLineValues } from './repository.ts';
import type { ActivityEstimateInput, EstimateBodyInput, EstimateDto } from './schema.ts';

/** The day rate when neither an override nor a cluster gives one (EUR 450, in cents). */
export const DEFAULT_DAY_RATE_CENTS = 45_000;

/** Budget estimates: a preview for any instrument, or an activity's, optionally applied as its planned lines. */
export class EstimateService {
  constructor(private readonly db: Kysely<DB>) {}

  /** A preview: writes nothing. */
  async preview(actor: Actor, input: EstimateBodyInput): Promise<EstimateDto> {
    requireAccess(actor, 'budget.read');
    const instrument = await new ActivityRepository(this.db).findInstrument(
      actor.workspaceId,
      input.instrumentKey,
    );
    if (!instrument) throw unknownInstrument('body.instrumentKey', input.instrumentKey);
    const { estimate, assumptions } = await computeEstimate(this.db, actor.workspaceId, {
      instrument,
      parameters: input.parameters,
      clusterId: input.clusterId ?? null,
      dayRateEur: input.dayRateEur,
    });
    return presentEstimate(estimate, assumptions);
  }

  /**
   * The estimate of an activity (its instrument, its cluster's day rate and home). With `apply`,
   * in one transaction: the parameters are stored on the activity (new version), its planned lines
   * from an earlier estimate are replaced by this estimate's lines; typed lines stay.
   */
  async forActivity(actor: Actor, activityId: string, input: ActivityEstimateInput): Promise<EstimateDto> {
    return writeTransaction(this.db, async (trx) => {
      const activities = new ActivityRepository(trx);
      const activity = await loadActivity(activities, actor, activityId);
      requireAccess(actor, 'budget.update', clusterScope(activity.cluster_id));
      const instrument = await activities.findInstrumentById(activity.instrument_id);
      if (!instrument) throw new NotFoundError('instrument', activity.instrument_id);
      const { estimate, assumptions } = await computeEstimate(trx, actor.workspaceId, {
        instrument,
        parameters: input.parameters,
        clusterId: activity.cluster_id,
        dayRateEur: input.dayRateEur,
      });
      if (!input.apply) return presentEstimate(estimate, assumptions);

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
        entityType: string,
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
}

/**
 * Runs the budget engine with the workspace's rates. Day rate: the override, else the cluster's,
 * else EUR 450 (labelled default). Travel to `parameters.destination`: the workspace's rate for that
 * country, else the Hub's default from the cluster's home (no cluster: the workspace's first, else
 * Belgium). The engine's field names are prefixed with `body.`.
 */
async function computeEstimate(
  db: Kysely<DB>,
  workspaceId: string,
  options: {
    instrument: InstrumentRef;
    parameters: EstimateParameters;
    clusterId: string | null;
    dayRateEur: number | undefined;
  },
): Promise<{ estimate: Estimate; assumptions: EstimateDto['assumptions'] }> {
  const rates = new TravelRateRepository(db);
  const cluster = options.clusterId !== null ? await rates.home(workspaceId, options.clusterId) : undefined;
  if (options.clusterId !== null && !cluster) {
    throw new InvalidInputError(`No cluster "${options.clusterId}" in this workspace`, [
      { field: 'body.clusterId', message: 'is not a cluster of this workspace' },
    ]);
  }
  const dayRate =
    options.dayRateEur !== undefined
      ? { cents: eurToCents(options.dayRateEur), source: 'override' as const }
      : cluster
        ? { cents: cluster.day_rate_cents, source: 'cluster' as const }
        : { cents: DEFAULT_DAY_RATE_CENTS, source: 'default' as const };
  let travel: { rate: TravelRate; version: number | null } | null = null;
  if (options.parameters.destination !== undefined) {
    const origin = cluster
      ? { country: cluster.country, city: cluster.city }
      : await travelHome(rates, workspaceId, null, 'body.clusterId');
    travel = await resolveTravelRate(
      rates,
      workspaceId,
      origin,
      options.parameters.destination,
      'body.parameters.destination',
    );
  }
  const { instrument } = options;
  let estimate: Estimate;
  try {
    estimate = estimateBudget({
      instrument: {
        code: instrument.code,
        key: instrument.key,
        name: instrument.name,
        budget: { text: instrument.budget_text, items: JSON.parse(instrument.budget_items) as BudgetItem[] },
      },
      parameters: options.parameters,
      dayRateCents: dayRate.cents,
      travelRate: travel?.rate ?? null,
    });
  } catch (error) {
    if (error instanceof InvalidInputError) {
      throw new InvalidInputError(
        error.message,
        error.errors.map((e) => ({ ...e, field: `body.${e.field}` })),
      );
    }
    throw error;
  }
  return {
    estimate,
    assumptions: {
      dayRateEur: dayRate.cents / 100,
      dayRateSource: dayRate.source,
      travelRate: travel ? presentTravelRate(travel.rate, travel.version) : null,
    },
  };
}

import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { type Actor, requireAccess } from '../../domain/access/policy.ts';
import type { BudgetItem } from '../../domain/catalogue/types.ts';
import { InvalidInputError } from '../../domain/errors.ts';
import { estimateBudget } from '../../domain/planning/budget-estimate.ts';
import { eurToCents } from '../../domain/planning/money.ts';
import type { Estimate, EstimateParameters, TravelRate } from '../../domain/planning/types.ts';
import { type InstrumentRef, InstrumentRepository } from '../instruments/repository.ts';
import { unknownInstrument } from '../instruments/service.ts';
import { presentTravelRate } from '../travel-rates/presenter.ts';
import { TravelRateRepository } from '../travel-rates/repository.ts';
import { resolveTravelRate, travelHome } from '../travel-rates/service.ts';
import { WorkspaceSettingsRepository } from '../workspaces/settings-repository.ts';
import { presentEstimate } from './presenter.ts';
import type { EstimateBodyInput, EstimateDto } from './schema.ts';

/** The day rate when neither an override nor a cluster nor the workspace's settings give one (EUR 450, in cents). */
export { DEFAULT_DAY_RATE_CENTS } from '../../domain/workspaces/rules.ts';

/**
 * Budget estimates: a preview for any instrument. An activity's estimate, optionally applied as its
 * planned lines, is the command `src/commands/estimate-activity.ts` (it writes the activity too).
 */
export class EstimateService {
  constructor(private readonly db: Kysely<DB>) {}

  /** A preview: writes nothing. */
  async preview(actor: Actor, input: EstimateBodyInput): Promise<EstimateDto> {
    requireAccess(actor, 'budget.read');
    const instrument = await new InstrumentRepository(this.db).findForWorkspace(
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
}

/**
 * Runs the budget engine with the workspace's rates. Day rate: the override, else the cluster's,
 * else the workspace's default day rate (settings; EUR 450 unless changed; labelled default). Travel to `parameters.destination`: the workspace's rate for that
 * country, else the Hub's default from the cluster's home (no cluster: the workspace's first, else
 * Belgium). The engine's field names are prefixed with `body.`.
 */
export async function computeEstimate(
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
        : {
            cents: await new WorkspaceSettingsRepository(db).defaultDayRateCents(workspaceId),
            source: 'default' as const,
          };
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

import { performance } from 'node:perf_hooks';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { type Actor, requireAccess } from '../../domain/access/policy.ts';
import type { BudgetItem, BudgetModel, InstrumentDefinition, Phase } from '../../domain/catalogue/types.ts';
import { daysBetween } from '../../domain/dates.ts';
import { InvalidInputError } from '../../domain/errors.ts';
import { estimateBudget, requiredParameters } from '../../domain/planning/budget-estimate.ts';
import type { EstimateLine, EstimateParameters, TravelRate } from '../../domain/planning/types.ts';
import {
  DEFAULT_EXPECTED_PER_UNIT,
  DIMINISHING_RETURNS,
  type InstrumentFacts,
  type MarketFacts,
  marketCandidates,
  membersNotReady,
} from '../../domain/recommender/market-model.ts';
import { type Recommendation, recommend } from '../../domain/recommender/recommender.ts';
import { READINESS_STAGES, type ReadinessStage } from '../../domain/surveys/types.ts';
import { InstrumentRepository, type StoredInstrument } from '../instruments/repository.ts';
import { MarketRepository, type MarketRow } from '../markets/repository.ts';
import { loadMarket } from '../markets/service.ts';
import { ReadinessReader } from '../survey-results/readiness-reader.ts';
import { TravelRateRepository } from '../travel-rates/repository.ts';
import { resolveTravelRate, travelHome } from '../travel-rates/service.ts';
import { WorkspaceSettingsRepository } from '../workspaces/settings-repository.ts';
import { RoadmapRepository } from './repository.ts';
import { MAX_PERIOD_DAYS, type RecommendationDto, type RecommendationQuery } from './schema.ts';

/** Nights away per mission when the recommender costs a travel model (D4.2 gives none). */
export const MISSION_NIGHTS = 2;
/** Staff days per unit assumed for an instrument whose D4.2 budget gives no figure. */
export const ASSUMED_DAYS_PER_UNIT = 5;

export type QuantityUnit = 'units' | 'months' | 'entities';

/** One costed instrument of a market, with how its quantity becomes estimate parameters. */
export interface CostedInstrument {
  instrument: StoredInstrument;
  quantityUnit: QuantityUnit;
  unitCostCents: number;
  costAssumed: boolean;
  /** The costed lines of `quantity` units. */
  lines(quantity: number): EstimateLine[];
  /** The parameters stored on an activity of `quantity` units. */
  parameters(quantity: number): EstimateParameters;
}

export interface GatheredRecommendation {
  market: MarketRow;
  dto: RecommendationDto;
  result: Recommendation;
  costed: Map<string, CostedInstrument>;
}

/** The recommended roadmap of a market (issue 23, item 7–8; decision 0044). */
export class RoadmapService {
  constructor(private readonly db: Kysely<DB>) {}

  async recommendation(
    actor: Actor,
    marketId: string,
    query: RecommendationQuery,
  ): Promise<RecommendationDto> {
    requireAccess(actor, 'budget.read');
    requireAccess(actor, 'market.read');
    return (await gatherRecommendation(this.db, actor, marketId, query, 'query')).dto;
  }
}

/** @throws InvalidInputError naming `<prefix>.to` when the period is reversed or too long. */
export function checkPeriod(from: string, to: string, prefix: 'query' | 'body'): number {
  if (to < from) {
    throw new InvalidInputError(`The period ends (${to}) before it starts (${from})`, [
      { field: `${prefix}.to`, message: `must not be before from (${from})` },
    ]);
  }
  const days = daysBetween(from, to) + 1;
  if (days > MAX_PERIOD_DAYS) {
    throw new InvalidInputError(`The period spans ${days} days`, [
      { field: `${prefix}.to`, message: 'must be at most five years after from' },
    ]);
  }
  return Math.max(1, Math.round(days / 30.44));
}

/**
 * Gathers a market's facts, costs every D4.2 instrument for its country, runs the recommender.
 * Access is checked by the caller. Another workspace's market is 404.
 */
export async function gatherRecommendation(
  db: Kysely<DB>,
  actor: Actor,
  marketId: string,
  query: RecommendationQuery,
  prefix: 'query' | 'body',
): Promise<GatheredRecommendation> {
  const market = await loadMarket(new MarketRepository(db), actor.workspaceId, marketId);
  const periodMonths = checkPeriod(query.from, query.to, prefix);
  const repo = new RoadmapRepository(db);
  const [memberIds, network, phasesDone, history, instruments] = await Promise.all([
    repo.interestedMemberIds(actor.workspaceId, market.country),
    repo.network(actor.workspaceId, market.id, market.country),
    repo.phasesDone(actor.workspaceId, market.id),
    repo.kpiHistory(actor.workspaceId),
    new InstrumentRepository(db).listGlobal(),
  ]);
  const readiness = await new ReadinessReader(db).latest(actor.workspaceId, memberIds);
  const stages: Partial<Record<ReadinessStage, number>> = {};
  for (const r of readiness.values()) stages[r.stage] = (stages[r.stage] ?? 0) + 1;
  const rates = await costRates(db, actor.workspaceId, market);
  const costed = new Map(instruments.map((i) => [i.key, costInstrument(i, rates, market.country)]));

  const facts: MarketFacts = {
    interestedMembers: memberIds.length,
    stages,
    contacts: network.contacts,
    partners: network.partners,
    periodMonths,
  };
  const expected = new Map(instruments.map((i) => [i.key, expectedPerUnit(i, history)]));
  const instrumentFacts: InstrumentFacts[] = instruments.map((i) => ({
    key: i.key,
    phase: i.phase,
    unitCostCents: (costed.get(i.key) as CostedInstrument).unitCostCents,
    kpis: (expected.get(i.key) as ExpectedKpis).kpis,
  }));
  const start = performance.now();
  const empty = memberIds.length === 0;
  const candidates = marketCandidates(instrumentFacts, facts).map((c) =>
    // No interested member: nothing to recommend; every instrument says why.
    empty
      ? {
          ...c,
          prerequisites: [{ code: 'needs_interested_members' as const, metByContext: false, orChosen: [] }],
        }
      : c,
  );
  const result = recommend({ candidates, budgetCapCents: query.budget, phasesDone });
  const milliseconds = Math.round((performance.now() - start) * 10) / 10;

  const byKey = new Map(instruments.map((i) => [i.key, i]));
  const dto: RecommendationDto = {
    marketId: market.id,
    country: market.country,
    budgetCents: query.budget,
    from: query.from,
    to: query.to,
    periodMonths,
    empty: empty ? 'no_interested_members' : null,
    facts: {
      interestedMembers: memberIds.length,
      stages: READINESS_STAGES.filter((s) => (stages[s] ?? 0) > 0).map((stage) => ({
        stage,
        members: stages[stage] ?? 0,
      })),
      membersNotReady: membersNotReady(stages),
      contacts: network.contacts,
      partners: network.partners,
      phasesDone: (['preparatory', 'leads', 'sustain'] as Phase[]).filter((p) => phasesDone.has(p)),
      dayRateCents: rates.dayRateCents,
    },
    chosen: result.chosen.map((c) => {
      const instrument = byKey.get(c.key) as StoredInstrument;
      const cost = costed.get(c.key) as CostedInstrument;
      const exp = expected.get(c.key) as ExpectedKpis;
      const units = Array.from({ length: c.quantity }, (_, i) => DIMINISHING_RETURNS ** i).reduce(
        (a, b) => a + b,
        0,
      );
      return {
        instrumentKey: c.key,
        instrumentCode: instrument.code,
        instrumentName: instrument.name,
        phase: c.phase,
        quantity: c.quantity,
        quantityUnit: cost.quantityUnit,
        unitCostCents: cost.unitCostCents,
        costCents: c.costCents,
        costAssumed: cost.costAssumed,
        value: round(c.value),
        valueSource: exp.source,
        expectedKpis: exp.kpis.map((k) => ({
          key: k.key,
          label: k.label,
          unit: k.unit,
          expected: round(k.perUnit * units),
        })),
        lines: cost.lines(c.quantity).map((l) => ({
          category: l.category,
          description: l.description,
          amountCents: l.amountCents,
        })),
        reasons: c.reasons,
      };
    }),
    rejected: result.rejected.map((r) => {
      const instrument = byKey.get(r.key) as StoredInstrument;
      return {
        instrumentKey: r.key,
        instrumentCode: instrument.code,
        instrumentName: instrument.name,
        phase: r.phase,
        unitCostCents: (costed.get(r.key) as CostedInstrument).unitCostCents,
        valueLostIfForced: r.valueLostIfForced === null ? null : round(r.valueLostIfForced),
        reasons: r.reasons,
      };
    }),
    totalCostCents: result.totalCostCents,
    expectedValue: round(result.expectedValue),
    proof: {
      status: result.proof.status,
      upperBound: round(result.proof.upperBound),
      gap: result.proof.gap,
      statesExplored: result.proof.statesExplored,
      milliseconds,
    },
  };
  return { market, dto, result, costed };
}

interface Rates {
  dayRateCents: number;
  travelRate: TravelRate;
}

/** The market's owner cluster's day rate (else the workspace's default) and travel to the country. */
async function costRates(db: Kysely<DB>, workspaceId: string, market: MarketRow): Promise<Rates> {
  const rates = new TravelRateRepository(db);
  const cluster =
    market.owner_cluster_id !== null ? await rates.home(workspaceId, market.owner_cluster_id) : undefined;
  const dayRateCents = cluster
    ? cluster.day_rate_cents
    : await new WorkspaceSettingsRepository(db).defaultDayRateCents(workspaceId);
  const origin = cluster
    ? { country: cluster.country, city: cluster.city }
    : await travelHome(rates, workspaceId, null, 'marketId');
  const travel = await resolveTravelRate(rates, workspaceId, origin, market.country, 'marketId');
  return { dayRateCents, travelRate: travel.rate };
}

/**
 * How an instrument's quantity is counted (entities for a per-entity fee, months for a monthly
 * effort, else units) and its cost for the destination from the budget engine. Costs are linear
 * in the quantity. A model without any figure is costed as ASSUMED_DAYS_PER_UNIT staff days per unit.
 */
export function costInstrument(
  instrument: StoredInstrument,
  rates: Rates,
  destination: string,
): CostedInstrument {
  const budget: BudgetModel = instrument.budget;
  const needed = requiredParameters(budget);
  const quantityUnit: QuantityUnit = needed.includes('entities')
    ? 'entities'
    : needed.includes('months')
      ? 'months'
      : 'units';
  const travellers = budget.items.find(
    (i): i is Extract<BudgetItem, { kind: 'travellers_per_mission' }> => i.kind === 'travellers_per_mission',
  );
  const parameters = (quantity: number): EstimateParameters => {
    const p: EstimateParameters = {};
    for (const name of needed) {
      if (name === 'units' || name === 'months' || name === 'entities') p[name] = quantity;
      if (name === 'travellers') p.travellers = travellers?.min ?? 1;
      if (name === 'nights') p.nights = MISSION_NIGHTS;
      if (name === 'destination') p.destination = destination;
    }
    return p;
  };
  const engine = (quantity: number) =>
    estimateBudget({
      instrument: { code: instrument.code, key: instrument.key, name: instrument.name, budget },
      parameters: parameters(quantity),
      dayRateCents: rates.dayRateCents,
      travelRate: travellers ? rates.travelRate : null,
    });
  const one = engine(1).totalCents;
  if (one > 0) {
    return {
      instrument,
      quantityUnit,
      unitCostCents: one,
      costAssumed: false,
      lines: (q) => engine(q).lines,
      parameters,
    };
  }
  return {
    instrument,
    quantityUnit: 'units',
    unitCostCents: ASSUMED_DAYS_PER_UNIT * rates.dayRateCents,
    costAssumed: true,
    parameters: (quantity) => ({ units: quantity }),
    lines: (quantity) => [
      {
        category: 'staff',
        description: `Cluster staff (assumed: D4.2 gives no figure): ${ASSUMED_DAYS_PER_UNIT} days per unit × ${quantity}`,
        formula: `${ASSUMED_DAYS_PER_UNIT * quantity} days × ${(rates.dayRateCents / 100).toFixed(2)} EUR = ${((ASSUMED_DAYS_PER_UNIT * quantity * rates.dayRateCents) / 100).toFixed(2)} EUR`,
        amountCents: ASSUMED_DAYS_PER_UNIT * quantity * rates.dayRateCents,
        effortDays: ASSUMED_DAYS_PER_UNIT * quantity,
      },
    ],
  };
}

interface ExpectedKpis {
  source: 'history' | 'catalogue';
  kpis: Array<{ key: string; label: string; unit: string | null; perUnit: number }>;
}

/**
 * An instrument's count KPIs with what one unit is expected to bring: the mean actual of the
 * workspace's done activities of it when there is any (one activity counted as one unit), else
 * the Hub's default (decision 0044).
 */
function expectedPerUnit(
  instrument: StoredInstrument | InstrumentDefinition,
  history: ReadonlyArray<{ instrumentId: string; kpiKey: string; mean: number }>,
): ExpectedKpis {
  const id = (instrument as StoredInstrument).id;
  const own = history.filter((h) => h.instrumentId === id);
  const counts = instrument.kpis.filter((k) => k.kind === 'count');
  const fromHistory = counts.some((k) => own.some((h) => h.kpiKey === k.key));
  const defaults = DEFAULT_EXPECTED_PER_UNIT[instrument.key] ?? {};
  return {
    source: fromHistory ? 'history' : 'catalogue',
    kpis: counts
      .map((k) => ({
        key: k.key,
        label: k.label,
        unit: k.unit,
        perUnit: fromHistory
          ? Math.max(0, own.find((h) => h.kpiKey === k.key)?.mean ?? 0)
          : (defaults[k.key] ?? 0),
      }))
      .filter((k) => k.perUnit > 0),
  };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

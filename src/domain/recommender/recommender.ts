import type { Phase } from '../catalogue/types.ts';
import { forcedSeed, fractionalBound, type SolverItem, solveExact } from './solver.ts';

/**
 * The recommender (issue 23, item 7; decision 0044): for a target market, candidate instruments
 * with their cost per unit for that destination, their value per unit and their prerequisites,
 * chooses instruments AND quantities maximising the expected value under a budget cap, in phase
 * order, and says why for every instrument chosen or left out. Pure: no I/O, no clock.
 */

/** Why an instrument is in the recommendation, or why it is not. Labels live in the web app. */
export const RECOMMENDATION_REASONS = [
  // chosen
  'best_value_per_euro',
  'prepares_members',
  'opens_the_way',
  // quantity
  'max_quantity',
  'diminishing_returns',
  'budget_limit',
  // rejected
  'over_budget',
  'members_not_ready',
  'no_partners_there',
  'needs_contacts_first',
  'needs_interested_members',
  'needs_earlier_phase',
  'lower_value_per_euro',
  'no_units_in_period',
] as const;
export type RecommendationReasonCode = (typeof RECOMMENDATION_REASONS)[number];

/** The prerequisites' codes: what the market lacks. */
export type PrerequisiteCode = Extract<
  RecommendationReasonCode,
  'no_partners_there' | 'needs_contacts_first' | 'needs_interested_members' | 'needs_earlier_phase'
>;

export interface RecommendationReason {
  code: RecommendationReasonCode;
  /** Instruments the reason names (the one it opens the way for, the better one, what would unlock it). */
  instrumentKeys: string[];
}

/**
 * A prerequisite: met by the market already (`metByContext`), or by choosing one of `orChosen`.
 * Soft landing: partners there, or a chosen matchmaking event, study visit or roadshow first.
 */
export interface Prerequisite {
  code: PrerequisiteCode;
  metByContext: boolean;
  orChosen: readonly string[];
}

export interface Candidate {
  key: string;
  phase: Phase;
  /** Whole cents per unit for this destination (linear in the quantity). */
  unitCostCents: number;
  /** Value of the 1st, 2nd, … unit (diminishing returns); its length is the maximum quantity (≤ 12). */
  unitValues: readonly number[];
  prerequisites: readonly Prerequisite[];
  /** Its value was discounted because the interested members are not ready (reported when left out). */
  discountedForReadiness?: boolean;
  /** Favoured because the interested members are not ready (reported when chosen). */
  favouredForReadiness?: boolean;
}

export interface RecommendationInput {
  candidates: readonly Candidate[];
  budgetCapCents: number;
  /** Phases with an activity already done (or under way) in this market: they open the later phases. */
  phasesDone: ReadonlySet<Phase>;
  /** Compute a price for every rejection (a solve per instrument left out); default true. */
  explain?: boolean;
}

export interface ChosenInstrument {
  key: string;
  phase: Phase;
  quantity: number;
  costCents: number;
  value: number;
  reasons: RecommendationReason[];
}

export interface RejectedInstrument {
  key: string;
  phase: Phase;
  reasons: RecommendationReason[];
  /** The value lost by forcing one unit in, when that is feasible (the price of the rejection). */
  valueLostIfForced: number | null;
}

export interface Recommendation {
  chosen: ChosenInstrument[];
  rejected: RejectedInstrument[];
  totalCostCents: number;
  expectedValue: number;
  proof: {
    status: 'optimal';
    /** Upper bound of the linear relaxation: the optimum is proven by the exhaustive frontier, this shows the gap a greedy bound leaves. */
    upperBound: number;
    /** The optimality gap: 0 for a proven optimum. */
    gap: number;
    statesExplored: number;
  };
}

export const PHASE_ORDER: readonly Phase[] = ['preparatory', 'leads', 'sustain'];

/** The most units of one instrument the recommender considers. */
export const MAX_QUANTITY = 12;

/**
 * Phase order as prerequisites: a leads instrument needs a preparatory one chosen (or a
 * preparatory activity done in the market); a sustain instrument needs a leads one (or done).
 */
export function phasePrerequisite(
  phase: Phase,
  candidates: readonly { key: string; phase: Phase }[],
  phasesDone: ReadonlySet<Phase>,
): Prerequisite | null {
  const index = PHASE_ORDER.indexOf(phase);
  if (index === 0) return null;
  const earlier = PHASE_ORDER[index - 1] as Phase;
  return {
    code: 'needs_earlier_phase',
    // Done work of the earlier phase (or of any later one, which came after it) opens this phase.
    metByContext: PHASE_ORDER.slice(index - 1).some((p) => phasesDone.has(p)),
    orChosen: candidates.filter((c) => c.phase === earlier).map((c) => c.key),
  };
}

export function recommend(input: RecommendationInput): Recommendation {
  const { budgetCapCents } = input;
  const candidates = input.candidates.map((c) => ({
    ...c,
    unitValues: c.unitValues.slice(0, MAX_QUANTITY),
    prerequisites: [
      ...c.prerequisites,
      ...[phasePrerequisite(c.phase, input.candidates, input.phasesDone)].filter(
        (p): p is Prerequisite => p !== null,
      ),
    ],
  }));

  // Unmet prerequisites whose alternatives can never be chosen make an instrument impossible; drop
  // them (repeatedly: an instrument only another impossible one would open is impossible too).
  const impossible = new Map<string, Prerequisite>();
  for (;;) {
    let changed = false;
    for (const c of candidates) {
      if (impossible.has(c.key)) continue;
      if (c.unitValues.length === 0) {
        impossible.set(c.key, { code: 'needs_earlier_phase', metByContext: false, orChosen: [] });
        changed = true;
        continue;
      }
      const blocked = c.prerequisites.find(
        (p) =>
          !p.metByContext &&
          !p.orChosen.some((k) => k !== c.key && candidates.some((o) => o.key === k && !impossible.has(k))),
      );
      if (blocked) {
        impossible.set(c.key, blocked);
        changed = true;
      }
    }
    if (!changed) break;
  }
  const open = candidates.filter((c) => !impossible.has(c.key));
  const items: SolverItem[] = open.map((c) => ({
    key: c.key,
    unitCostCents: c.unitCostCents,
    unitValues: c.unitValues,
    requires: c.prerequisites
      .filter((p) => !p.metByContext)
      .map((p) => ({ anyOf: p.orChosen.filter((k) => k !== c.key && open.some((o) => o.key === k)) })),
  }));
  // A greedy feasible choice (everything, then the least valuable units per cent dropped until it
  // fits) seeds the exact solve's pruning.
  const everything = new Map(items.map((item) => [item.key, item.unitValues.length]));
  const best = solveExact(items, budgetCapCents, forcedSeed(items, everything, '', budgetCapCents) ?? 0);
  const quantities = best.quantities ?? new Map<string, number>();

  const chosen: ChosenInstrument[] = [];
  const rejected: RejectedInstrument[] = [];
  const chosenKeys = new Set([...quantities].filter(([, q]) => q > 0).map(([k]) => k));
  const ratioOf = (c: Candidate, q: number) =>
    c.unitCostCents === 0 ? Number.POSITIVE_INFINITY : sum(c.unitValues.slice(0, q)) / (q * c.unitCostCents);

  for (const c of candidates) {
    const quantity = quantities.get(c.key) ?? 0;
    if (quantity > 0) {
      const reasons: RecommendationReason[] = [];
      // The chosen instruments this one is the only chosen way to open.
      const opens = candidates.filter(
        (o) =>
          chosenKeys.has(o.key) &&
          o.key !== c.key &&
          o.prerequisites.some(
            (p) =>
              !p.metByContext &&
              p.orChosen.includes(c.key) &&
              p.orChosen.filter((k) => k !== o.key && chosenKeys.has(k)).length === 1,
          ),
      );
      if (opens.length > 0) reasons.push({ code: 'opens_the_way', instrumentKeys: opens.map((o) => o.key) });
      if (c.favouredForReadiness) reasons.push({ code: 'prepares_members', instrumentKeys: [] });
      if (reasons.length === 0) reasons.push({ code: 'best_value_per_euro', instrumentKeys: [] });
      const costCents = quantity * c.unitCostCents;
      if (quantity === c.unitValues.length) reasons.push({ code: 'max_quantity', instrumentKeys: [] });
      else if (best.costCents + c.unitCostCents > budgetCapCents)
        reasons.push({ code: 'budget_limit', instrumentKeys: [] });
      else reasons.push({ code: 'diminishing_returns', instrumentKeys: [] });
      chosen.push({
        key: c.key,
        phase: c.phase,
        quantity,
        costCents,
        value: sum(c.unitValues.slice(0, quantity)),
        reasons,
      });
      continue;
    }
    const blocked = impossible.get(c.key);
    if (blocked) {
      rejected.push({
        key: c.key,
        phase: c.phase,
        reasons: [
          c.unitValues.length === 0
            ? { code: 'no_units_in_period', instrumentKeys: [] }
            : { code: blocked.code, instrumentKeys: [...blocked.orChosen] },
        ],
        valueLostIfForced: null,
      });
      continue;
    }
    if (c.unitCostCents > budgetCapCents) {
      rejected.push({
        key: c.key,
        phase: c.phase,
        reasons: [{ code: 'over_budget', instrumentKeys: [] }],
        valueLostIfForced: null,
      });
      continue;
    }
    let valueLostIfForced: number | null = null;
    if (input.explain !== false) {
      const seed = forcedSeed(items, quantities, c.key, budgetCapCents);
      const forced = solveExact(
        items.map((item) => (item.key === c.key ? { ...item, minQuantity: 1 } : item)),
        budgetCapCents,
        seed ?? 0,
      );
      valueLostIfForced = forced.quantities ? Math.max(0, best.value - forced.value) : null;
    }
    const reasons: RecommendationReason[] = [];
    if (c.discountedForReadiness) reasons.push({ code: 'members_not_ready', instrumentKeys: [] });
    if (input.explain !== false && valueLostIfForced === null) {
      // One unit with what it needs first does not fit: name what it would need.
      const unmet = c.prerequisites.filter((p) => !p.metByContext);
      if (unmet.length > 0) {
        for (const p of unmet) reasons.push({ code: p.code, instrumentKeys: [...p.orChosen] });
      }
      reasons.push({ code: 'over_budget', instrumentKeys: [] });
    } else {
      const own = ratioOf(c, 1);
      const better = candidates
        .filter((o) => chosenKeys.has(o.key) && ratioOf(o, quantities.get(o.key) ?? 1) >= own)
        .sort((a, b) => ratioOf(a, quantities.get(a.key) ?? 1) - ratioOf(b, quantities.get(b.key) ?? 1));
      if (better.length > 0) {
        reasons.push({ code: 'lower_value_per_euro', instrumentKeys: [(better[0] as Candidate).key] });
      } else if (!c.discountedForReadiness) {
        // Better per euro than all chosen, yet out: it does not fit in what is left.
        reasons.push({ code: 'over_budget', instrumentKeys: [] });
      }
    }
    rejected.push({ key: c.key, phase: c.phase, reasons, valueLostIfForced });
  }

  const order = (phase: Phase) => PHASE_ORDER.indexOf(phase);
  chosen.sort((a, b) => order(a.phase) - order(b.phase));
  rejected.sort((a, b) => order(a.phase) - order(b.phase));
  const upperBound = Math.max(best.value, fractionalBound(items, budgetCapCents));
  return {
    chosen,
    rejected,
    totalCostCents: best.costCents,
    expectedValue: best.value,
    proof: { status: 'optimal', upperBound, gap: 0, statesExplored: best.statesExplored },
  };
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

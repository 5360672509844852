/**
 * The exact optimiser of the recommender (decision 0044): a bounded knapsack with per-unit values
 * (diminishing returns allowed) and "at least one of" requirements between items, solved by
 * dynamic programming over Pareto frontiers (Nemhauser–Ullmann). Pure: no I/O, no clock.
 *
 * Why it is exact: items are taken one by one; for each state of the requirements (which sets
 * already have a member chosen, which are still owed one) the frontier keeps every partial choice
 * whose cost is within the cap and that no cheaper-or-equal partial choice of the same state beats
 * on value. A dropped partial choice is dominated: any completion of it completes the dominating one
 * at no more cost, the same requirement state and at least the value. So the best complete choice
 * whose requirements are all met is in the last frontier. Costs are whole cents: no rounding.
 */

/** A requirement: when the item is taken, at least one of `anyOf` must be taken too. */
export interface SolverRequirement {
  anyOf: readonly string[];
}

export interface SolverItem {
  key: string;
  /** Whole cents per unit (costs are linear in the quantity). */
  unitCostCents: number;
  /** The value of the 1st, 2nd, … unit; its length is the maximum quantity. */
  unitValues: readonly number[];
  requires: readonly SolverRequirement[];
  /** Take at least this many (default 0): used to price a rejection. */
  minQuantity?: number;
}

export interface SolverResult {
  /** null when no choice meets the requirements (only possible with a `minQuantity`). */
  quantities: Map<string, number> | null;
  costCents: number;
  value: number;
  /** The fractional relaxation's value (requirements dropped, units divisible): ≥ the optimum. */
  upperBound: number;
  /** Partial choices kept over all steps (the work done). */
  statesExplored: number;
}

interface Entry {
  cost: number;
  value: number;
  has: number;
  need: number;
  parent: Entry | null;
  quantity: number;
}

/**
 * The choice of quantities with the greatest total value whose cost is at most `capCents` and
 * whose requirements are all met; ties go to the cheaper choice.
 */
export function solveExact(
  given: readonly SolverItem[],
  capCents: number,
  /** The value of a choice known to meet every requirement within the cap: prunes from the start. */
  knownFeasibleValue = 0,
): SolverResult {
  // Forced items first, then best value per cent first: good complete choices early make the bound prune more.
  const items = [...given].sort(
    (a, b) =>
      Number((b.minQuantity ?? 0) > 0) - Number((a.minQuantity ?? 0) > 0) ||
      ratio({ value: b.unitValues[0] ?? 0, cost: b.unitCostCents }) -
        ratio({ value: a.unitValues[0] ?? 0, cost: a.unitCostCents }),
  );
  // Each distinct requirement set gets a bit; an item sets the bits of the sets it belongs to
  // ("has") and of the sets it needs ("need"); a need is met once the set has a member.
  const setBits = new Map<string, number>();
  const memberOf = new Map<string, number>();
  const needsOf = new Map<string, number>();
  for (const item of items) {
    let need = 0;
    for (const requirement of item.requires) {
      const id = [...requirement.anyOf].sort().join('\u0000');
      let bit = setBits.get(id);
      if (bit === undefined) {
        bit = 1 << setBits.size;
        if (setBits.size >= 30) throw new Error('too many distinct requirements');
        setBits.set(id, bit);
        for (const key of requirement.anyOf) memberOf.set(key, (memberOf.get(key) ?? 0) | bit);
      }
      need |= bit;
    }
    needsOf.set(item.key, need);
  }

  // Bound pruning (branch and bound inside the DP): a partial choice whose value plus the linear
  // relaxation of the items still to come cannot reach the best complete choice found so far is
  // dropped. The relaxation ignores requirements and divides units, so it never underestimates:
  // no optimal choice is lost. A partial choice with no need left is itself complete (the rest at 0).
  const suffixBounds = items.map((_, i) => relaxation(items.slice(i + 1)));
  const forcedAhead = items.map((_, i) => items.slice(i + 1).some((item) => (item.minQuantity ?? 0) > 0));
  let incumbent = knownFeasibleValue;
  let frontier: Entry[] = [{ cost: 0, value: 0, has: 0, need: 0, parent: null, quantity: 0 }];
  let statesExplored = 1;
  for (const [index, item] of items.entries()) {
    const bound = suffixBounds[index] as (budget: number) => number;
    const has = memberOf.get(item.key) ?? 0;
    const need = needsOf.get(item.key) ?? 0;
    const min = item.minQuantity ?? 0;
    const prefix = [0];
    for (const v of item.unitValues) prefix.push((prefix.at(-1) as number) + v);
    const next: Entry[] = [];
    for (const entry of frontier) {
      for (let q = min; q <= item.unitValues.length; q++) {
        const cost = entry.cost + q * item.unitCostCents;
        if (cost > capCents) break;
        let h = entry.has;
        let n = entry.need;
        if (q > 0) {
          h |= has;
          n |= need;
        }
        const value = entry.value + (prefix[q] as number);
        if (value + bound(capCents - cost) < incumbent - EPSILON) continue;
        n &= ~h;
        if (n === 0 && !forcedAhead[index] && value > incumbent) incumbent = value;
        next.push({ cost, value, has: h, need: n, parent: entry, quantity: q });
      }
    }
    frontier = paretoFilter(next);
    statesExplored += frontier.length;
  }

  let best: Entry | null = null;
  for (const entry of frontier) {
    if (entry.need !== 0) continue;
    if (!best || entry.value > best.value || (entry.value === best.value && entry.cost < best.cost))
      best = entry;
  }
  const upperBound = fractionalBound(items, capCents);
  if (!best) return { quantities: null, costCents: 0, value: 0, upperBound, statesExplored };
  const quantities = new Map<string, number>();
  let cursor: Entry = best;
  for (let i = items.length - 1; i >= 0; i--) {
    quantities.set((items[i] as SolverItem).key, cursor.quantity);
    cursor = cursor.parent as Entry;
  }
  return { quantities, costCents: best.cost, value: best.value, upperBound, statesExplored };
}

const EPSILON = 1e-9;

/**
 * The linear relaxation of `items` as a function of the budget left: their units sorted by value
 * per cent, taken whole while they fit, then a fraction of the next.
 */
function relaxation(items: readonly SolverItem[]): (budget: number) => number {
  const units: Array<{ value: number; cost: number }> = [];
  for (const item of items)
    for (const value of item.unitValues) if (value > 0) units.push({ value, cost: item.unitCostCents });
  units.sort((a, b) => ratio(b) - ratio(a));
  const costs = [0];
  const values = [0];
  for (const unit of units) {
    costs.push((costs.at(-1) as number) + unit.cost);
    values.push((values.at(-1) as number) + unit.value);
  }
  return (budget) => {
    if (budget < 0) return 0;
    // The last prefix that fits whole, by binary search.
    let lo = 0;
    let hi = units.length;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((costs[mid] as number) <= budget) lo = mid;
      else hi = mid - 1;
    }
    const whole = values[lo] as number;
    const nextUnit = units[lo];
    if (!nextUnit) return whole;
    return whole + (nextUnit.value * (budget - (costs[lo] as number))) / nextUnit.cost;
  };
}

/** Per requirement state, the partial choices no cheaper-or-equal one beats on value. */
function paretoFilter(entries: Entry[]): Entry[] {
  entries.sort((a, b) => a.has - b.has || a.need - b.need || a.cost - b.cost || b.value - a.value);
  const kept: Entry[] = [];
  let has = -1;
  let need = -1;
  let bestValue = Number.NEGATIVE_INFINITY;
  for (const entry of entries) {
    if (entry.has !== has || entry.need !== need) {
      has = entry.has;
      need = entry.need;
      bestValue = Number.NEGATIVE_INFINITY;
    }
    if (entry.value > bestValue) {
      kept.push(entry);
      bestValue = entry.value;
    }
  }
  return kept;
}

/**
 * The linear relaxation: every unit as a divisible item, taken greedily by value per cent, no
 * requirements. Relaxing only enlarges the feasible set, so this is an upper bound of the optimum.
 */
export function fractionalBound(items: readonly SolverItem[], capCents: number): number {
  const units: Array<{ value: number; cost: number }> = [];
  let forcedCost = 0;
  let forcedValue = 0;
  for (const item of items) {
    item.unitValues.forEach((value, i) => {
      if (i < (item.minQuantity ?? 0)) {
        forcedCost += item.unitCostCents;
        forcedValue += value;
      } else if (value > 0) units.push({ value, cost: item.unitCostCents });
    });
  }
  let left = capCents - forcedCost;
  let bound = forcedValue;
  if (left < 0) return bound;
  units.sort((a, b) => ratio(b) - ratio(a));
  for (const unit of units) {
    if (unit.cost <= left) {
      bound += unit.value;
      left -= unit.cost;
    } else {
      bound += (unit.value * left) / unit.cost;
      break;
    }
  }
  return bound;
}

function ratio(unit: { value: number; cost: number }): number {
  return unit.cost === 0 ? Number.POSITIVE_INFINITY : unit.value / unit.cost;
}

/**
 * A choice that meets every requirement within the cap with `forcedKey` taken once, made from
 * `quantities` (a choice without it) by adding one unit of it (none when `forcedKey` is '') and removing the least valuable
 * units per cent until it fits; null when none is found that way. Its value seeds the forced
 * solve's pruning (any feasible value is a valid lower bound of the optimum).
 */
export function forcedSeed(
  items: readonly SolverItem[],
  quantities: ReadonlyMap<string, number>,
  forcedKey: string,
  capCents: number,
): number | null {
  const q = new Map(items.map((item) => [item.key, quantities.get(item.key) ?? 0]));
  // forcedKey '' forces nothing (a greedy seed of the unforced solve).
  if (forcedKey !== '') q.set(forcedKey, Math.max(1, q.get(forcedKey) ?? 0));
  const byKey = new Map(items.map((item) => [item.key, item]));
  const met = () =>
    items.every(
      (item) =>
        (q.get(item.key) ?? 0) === 0 ||
        item.requires.every((r) => r.anyOf.some((k) => k !== item.key && (q.get(k) ?? 0) > 0)),
    );
  if (!met()) return null;
  const cost = () => items.reduce((sum, item) => sum + (q.get(item.key) ?? 0) * item.unitCostCents, 0);
  let total = cost();
  while (total > capCents) {
    let pick: { key: string; ratio: number } | null = null;
    for (const item of items) {
      const n = q.get(item.key) ?? 0;
      if (item.key === forcedKey ? n <= 1 : n === 0) continue;
      q.set(item.key, n - 1);
      const ok = n - 1 > 0 || met();
      q.set(item.key, n);
      if (!ok) continue;
      const r = ratio({ value: item.unitValues[n - 1] ?? 0, cost: item.unitCostCents });
      if (!pick || r < pick.ratio) pick = { key: item.key, ratio: r };
    }
    if (!pick) return null;
    q.set(pick.key, (q.get(pick.key) ?? 0) - 1);
    total = cost();
  }
  let value = 0;
  for (const [key, n] of q)
    value += (byKey.get(key)?.unitValues ?? []).slice(0, n).reduce((a, b) => a + b, 0);
  return value;
}

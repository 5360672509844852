import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Phase } from '../catalogue/types.ts';
import { type MarketFacts, marketCandidates, membersNotReady } from './market-model.ts';
import { type Candidate, phasePrerequisite, type Recommendation, recommend } from './recommender.ts';
import { solveExact } from './solver.ts';

const PHASES: Phase[] = ['preparatory', 'leads', 'sustain'];

/** Every combination of quantities, checked against every prerequisite: the reference optimum. */
function bruteForce(
  candidates: readonly Candidate[],
  cap: number,
  phasesDone: ReadonlySet<Phase>,
  forced?: string,
): { value: number; cost: number } | null {
  let best: { value: number; cost: number } | null = null;
  const q = candidates.map(() => 0);
  const visit = (i: number): void => {
    if (i === candidates.length) {
      const chosen = new Set(candidates.filter((_, j) => (q[j] as number) > 0).map((c) => c.key));
      let cost = 0;
      let value = 0;
      for (const [j, c] of candidates.entries()) {
        const n = q[j] as number;
        cost += n * c.unitCostCents;
        value += c.unitValues.slice(0, n).reduce((a, b) => a + b, 0);
        if (n === 0) continue;
        const prerequisites = [...c.prerequisites, phasePrerequisite(c.phase, candidates, phasesDone)];
        for (const p of prerequisites) {
          if (p && !p.metByContext && !p.orChosen.some((k) => k !== c.key && chosen.has(k))) return;
        }
      }
      if (cost > cap) return;
      if (forced !== undefined && !chosen.has(forced)) return;
      const current: { value: number; cost: number } | null = best;
      if (
        !current ||
        value > current.value + 1e-9 ||
        (Math.abs(value - current.value) <= 1e-9 && cost < current.cost)
      )
        best = { value, cost };
      return;
    }
    for (let n = 0; n <= (candidates[i] as Candidate).unitValues.length; n++) {
      q[i] = n;
      visit(i + 1);
    }
    q[i] = 0;
  };
  visit(0);
  return best;
}

const candidateArb = (i: number) =>
  fc.record({
    key: fc.constant(`i${i}`),
    phase: fc.constantFrom(...PHASES),
    unitCostCents: fc.integer({ min: 1, max: 5_000 }),
    unitValues: fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 0, maxLength: 3 }),
    prerequisites: fc.array(
      fc.record({
        code: fc.constantFrom('no_partners_there' as const, 'needs_contacts_first' as const),
        metByContext: fc.boolean(),
        orChosen: fc.subarray(['i0', 'i1', 'i2', 'i3', 'i4']),
      }),
      { maxLength: 2 },
    ),
  });

const caseArb = fc.integer({ min: 1, max: 5 }).chain((n) =>
  fc.record({
    candidates: fc.tuple(...Array.from({ length: n }, (_, i) => candidateArb(i))),
    cap: fc.integer({ min: 0, max: 15_000 }),
    phasesDone: fc.subarray(PHASES),
  }),
);

function checkConsistent(result: Recommendation, candidates: readonly Candidate[], cap: number): void {
  expect(result.totalCostCents).toBeLessThanOrEqual(cap);
  const cost = result.chosen.reduce((a, c) => a + c.costCents, 0);
  expect(cost).toBe(result.totalCostCents);
  // Every instrument is either chosen or rejected, each with at least one reason.
  expect([...result.chosen, ...result.rejected].map((c) => c.key).sort()).toEqual(
    candidates.map((c) => c.key).sort(),
  );
  for (const item of [...result.chosen, ...result.rejected]) expect(item.reasons.length).toBeGreaterThan(0);
  expect(result.proof.upperBound).toBeGreaterThanOrEqual(result.expectedValue - 1e-9);
}

describe('recommend', () => {
  it('finds the brute-force optimum on many small random cases (phase order and prerequisites included)', () => {
    fc.assert(
      fc.property(caseArb, ({ candidates, cap, phasesDone }) => {
        const done = new Set(phasesDone);
        const result = recommend({ candidates, budgetCapCents: cap, phasesDone: done });
        const reference = bruteForce(candidates, cap, done);
        expect(result.expectedValue).toBeCloseTo(reference?.value ?? 0, 9);
        checkConsistent(result, candidates, cap);
        // The price of each rejection is exact too: the optimum with one unit of it forced in.
        for (const rejected of result.rejected) {
          const forced = bruteForce(candidates, cap, done, rejected.key);
          // No price: one unit of it (with what it needs) does not fit, or it can never be chosen.
          if (rejected.valueLostIfForced === null) {
            expect(forced).toBeNull();
            continue;
          }
          expect(forced).not.toBeNull();
          expect(rejected.valueLostIfForced).toBeCloseTo(result.expectedValue - (forced?.value ?? 0), 9);
        }
      }),
      { numRuns: 600, seed: 2026 },
    );
  });

  it('the solver alone matches brute force with requirements between items', () => {
    fc.assert(
      fc.property(caseArb, ({ candidates, cap }) => {
        const items = candidates.map((c) => ({
          key: c.key,
          unitCostCents: c.unitCostCents,
          unitValues: c.unitValues,
          requires: c.prerequisites
            .filter((p) => !p.metByContext)
            .map((p) => ({ anyOf: p.orChosen.filter((k) => k !== c.key) })),
        }));
        const result = solveExact(items, cap);
        const reference = bruteForce(
          candidates.map((c) => ({ ...c, phase: 'preparatory' as const })),
          cap,
          new Set(),
        );
        expect(result.value).toBeCloseTo(reference?.value ?? 0, 9);
        expect(result.costCents).toBeLessThanOrEqual(cap);
      }),
      { numRuns: 400, seed: 23 },
    );
  });

  const candidate = (
    key: string,
    phase: Phase,
    unitCostCents: number,
    values: number[],
    extra: Partial<Candidate> = {},
  ): Candidate => ({
    key,
    phase,
    unitCostCents,
    unitValues: values,
    prerequisites: [],
    ...extra,
  });

  it('gives the reasons: over budget, no partners there, phase order, lower value per euro, opens the way', () => {
    const result = recommend({
      budgetCapCents: 10_000,
      phasesDone: new Set(),
      candidates: [
        candidate('training', 'preparatory', 2_000, [50, 40, 30]),
        candidate('survey', 'preparatory', 3_000, [10]),
        candidate('fair', 'leads', 50_000, [500]),
        candidate('matchmaking', 'leads', 2_000, [60, 50]),
        candidate('soft-landing', 'sustain', 1_000, [5], {
          prerequisites: [{ code: 'no_partners_there', metByContext: false, orChosen: ['roadshow'] }],
        }),
      ],
    });
    const reasons = (key: string) =>
      [...result.chosen, ...result.rejected].find((c) => c.key === key)?.reasons.map((r) => r.code);
    expect(result.chosen.map((c) => [c.key, c.quantity])).toEqual([
      ['training', 3],
      ['matchmaking', 2],
    ]);
    expect(reasons('training')).toEqual(['opens_the_way', 'max_quantity']);
    expect(result.chosen[0]?.reasons[0]?.instrumentKeys).toEqual(['matchmaking']);
    expect(reasons('matchmaking')).toEqual(['best_value_per_euro', 'max_quantity']);
    expect(reasons('fair')).toEqual(['over_budget']);
    expect(reasons('soft-landing')).toEqual(['no_partners_there']);
    expect(reasons('survey')).toEqual(['lower_value_per_euro']);
    expect(result.rejected.find((r) => r.key === 'survey')?.reasons[0]?.instrumentKeys).toEqual(['training']);
    expect(result.rejected.find((r) => r.key === 'survey')?.valueLostIfForced).toBeGreaterThan(0);
    expect(result.proof.status).toBe('optimal');
    expect(result.totalCostCents).toBe(10_000);
  });

  it('says a later phase needs an earlier one when none can be chosen, and done work opens it', () => {
    const candidates = [candidate('roadshow', 'leads', 1_000, [10])];
    const none = recommend({ candidates, budgetCapCents: 5_000, phasesDone: new Set() });
    expect(none.chosen).toEqual([]);
    expect(none.rejected[0]?.reasons.map((r) => r.code)).toEqual(['needs_earlier_phase']);
    const done = recommend({ candidates, budgetCapCents: 5_000, phasesDone: new Set(['preparatory']) });
    expect(done.chosen.map((c) => c.key)).toEqual(['roadshow']);
  });

  it('names members not ready when most interested members are at the lowest stage', () => {
    const facts: MarketFacts = {
      interestedMembers: 4,
      stages: { impasse: 3, mid: 1 },
      contacts: 2,
      partners: 0,
      periodMonths: 12,
    };
    expect(membersNotReady(facts.stages)).toBe(true);
    expect(membersNotReady({ impasse: 1, mid: 1 })).toBe(false);
    const candidates = marketCandidates(
      [
        {
          key: 'training-to-go-international',
          phase: 'preparatory',
          unitCostCents: 1_800,
          kpis: [{ key: 'trainings', unit: 'trainings', perUnit: 1 }],
        },
        {
          key: 'roadshows',
          phase: 'leads',
          unitCostCents: 1_000,
          kpis: [{ key: 'meetings', unit: 'meetings', perUnit: 1 }],
        },
      ],
      facts,
    );
    const result = recommend({ candidates, budgetCapCents: 2_000, phasesDone: new Set() });
    expect(result.chosen.map((c) => c.key)).toEqual(['training-to-go-international']);
    expect(result.chosen[0]?.reasons.map((r) => r.code)).toContain('prepares_members');
    expect(result.rejected[0]?.reasons.map((r) => r.code)).toContain('members_not_ready');
  });

  it('soft landing needs partners there or a chosen matchmaking first; monthly quantities follow the period', () => {
    const facts: MarketFacts = {
      interestedMembers: 3,
      stages: {},
      contacts: 0,
      partners: 0,
      periodMonths: 5,
    };
    const candidates = marketCandidates(
      [
        {
          key: 'newsletter',
          phase: 'preparatory',
          unitCostCents: 100,
          kpis: [{ key: 'subscribers', unit: 'subscribers', perUnit: 15 }],
        },
        {
          key: 'matchmaking-events',
          phase: 'leads',
          unitCostCents: 150_000,
          kpis: [{ key: 'contacts', unit: 'contacts', perUnit: 4 }],
        },
        {
          key: 'soft-landing',
          phase: 'sustain',
          unitCostCents: 1_000,
          kpis: [{ key: 'new_partners_arrived', unit: 'partners', perUnit: 1 }],
        },
      ],
      facts,
    );
    expect(candidates.map((c) => c.unitValues.length)).toEqual([5, 3, 4]);
    const small = recommend({ candidates, budgetCapCents: 10_000, phasesDone: new Set() });
    const soft = small.rejected.find((r) => r.key === 'soft-landing');
    expect(soft?.reasons.map((r) => r.code)).toEqual([
      'no_partners_there',
      'needs_earlier_phase',
      'over_budget',
    ]);
    expect(soft?.reasons[0]?.instrumentKeys).toContain('matchmaking-events');
    const large = recommend({ candidates, budgetCapCents: 200_000, phasesDone: new Set() });
    expect(large.chosen.map((c) => c.key)).toEqual(['newsletter', 'matchmaking-events', 'soft-landing']);
    expect(large.chosen.find((c) => c.key === 'matchmaking-events')?.reasons.map((r) => r.code)).toContain(
      'opens_the_way',
    );
  });
});

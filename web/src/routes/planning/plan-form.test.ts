import { describe, expect, it } from 'vitest';
import type { PlanDetailDto } from '../../api/types.ts';
import {
  emptyPlanForm,
  instrumentGroups,
  type PlanFormValues,
  planBodyOf,
  planPatchOf,
  planValuesOf,
  validatePlan,
  withInstruments,
} from './plan-form.ts';

const valid: PlanFormValues = {
  ...emptyPlanForm(),
  name: 'Entering Japan',
  startsOn: '2027-01-01',
  endsOn: '2028-12-31',
  budgetCapEur: 50_000,
};

const plan: PlanDetailDto = {
  id: 'p1',
  marketId: 'm1',
  marketName: 'Japan',
  marketCountry: 'JP',
  name: 'Entering Japan',
  startsOn: '2027-01-01',
  endsOn: '2028-12-31',
  budgetCapEur: null,
  status: 'draft',
  activityCount: 0,
  version: 2,
  createdAt: '2026-11-27T00:00:00.000Z',
  updatedAt: '2026-11-27T00:00:00.000Z',
  notes: '',
  market: { id: 'm1', name: 'Japan', country: 'JP', ownerClusterId: null },
  instruments: [
    {
      instrumentId: 'i-study-visits',
      instrumentKey: 'study-visits',
      code: '1.1.3',
      name: 'Study Visits',
      phase: 'preparatory',
      position: 0,
      rationale: 'See first',
    },
  ],
  activities: [],
  budget: null,
};

describe('validatePlan mirrors the server’s rules', () => {
  it('accepts a complete plan, with or without a cap', () => {
    expect(validatePlan(valid)).toEqual({});
    expect(validatePlan({ ...valid, budgetCapEur: '' })).toEqual({});
  });

  it('names missing and malformed dates, and an end before the start', () => {
    expect(validatePlan({ ...valid, startsOn: '', endsOn: '2027-02-30' })).toEqual({
      startsOn: 'is required',
      endsOn: 'must be a date (YYYY-MM-DD)',
    });
    expect(validatePlan({ ...valid, endsOn: '2026-12-31' }).endsOn).toBe('must not be before the start date');
  });

  it('refuses a negative, absurd or sub-cent cap', () => {
    expect(validatePlan({ ...valid, budgetCapEur: -5000 }).budgetCapEur).toBe('must not be negative');
    expect(validatePlan({ ...valid, budgetCapEur: '-' }).budgetCapEur).toBe('must be a number');
    expect(validatePlan({ ...valid, budgetCapEur: 20_000_000.01 }).budgetCapEur).toContain(
      'between 0 and 20,000,000',
    );
    expect(validatePlan({ ...valid, budgetCapEur: 1.005 }).budgetCapEur).toContain('two decimals');
  });
});

describe('instrument choices', () => {
  it('keep the rationale of instruments still chosen', () => {
    const current = [{ instrumentKey: 'a', rationale: 'why a' }];
    expect(withInstruments(current, ['b', 'a'])).toEqual([
      { instrumentKey: 'b', rationale: '' },
      { instrumentKey: 'a', rationale: 'why a' },
    ]);
  });

  it('are offered grouped by phase in code order', () => {
    const groups = instrumentGroups(
      [
        { key: 'fairs', code: '1.2.10', name: 'Fairs', phase: 'leads' },
        { key: 'match', code: '1.2.2', name: 'Matchmaking', phase: 'leads' },
        { key: 'train', code: '1.1.1', name: 'Training', phase: 'preparatory' },
      ],
      (phase) => phase.toUpperCase(),
    );
    expect(groups).toEqual([
      { group: 'PREPARATORY', items: [{ value: 'train', label: '1.1.1 Training' }] },
      {
        group: 'LEADS',
        items: [
          { value: 'match', label: '1.2.2 Matchmaking' },
          { value: 'fairs', label: '1.2.10 Fairs' },
        ],
      },
    ]);
  });
});

describe('plan request bodies', () => {
  it('sends the market, a cap as a number or null, and trimmed rationales', () => {
    const body = planBodyOf(
      { ...valid, budgetCapEur: '', instruments: [{ instrumentKey: 'a', rationale: ' why ' }] },
      'm1',
    );
    expect(body).toMatchObject({
      marketId: 'm1',
      budgetCapEur: null,
      instruments: [{ instrumentKey: 'a', rationale: 'why' }],
    });
  });

  it('sends only the changed fields, and the instruments whole when they changed', () => {
    expect(planPatchOf(plan, planValuesOf(plan))).toEqual({ version: 2 });
    const values = planValuesOf(plan);
    expect(
      planPatchOf(plan, {
        ...values,
        budgetCapEur: '1000',
        instruments: [...values.instruments, { instrumentKey: 'newsletter', rationale: '' }],
      }),
    ).toEqual({
      version: 2,
      budgetCapEur: 1000,
      instruments: [
        { instrumentKey: 'study-visits', rationale: 'See first' },
        { instrumentKey: 'newsletter', rationale: '' },
      ],
    });
  });
});

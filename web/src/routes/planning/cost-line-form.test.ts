import { describe, expect, it } from 'vitest';
import type { CostLineDto } from '../../api/types.ts';
import {
  costLineBodyOf,
  costLinePatchOf,
  costLineValuesOf,
  emptyCostLineForm,
  validateCostLine,
} from './cost-line-form.ts';

const line: CostLineDto = {
  id: 'l1',
  activityId: 'a1',
  kind: 'actual',
  category: 'travel',
  fundingSource: 'cluster',
  description: 'Flights',
  formula: null,
  amountEur: 820.5,
  effortDays: 0,
  origin: 'manual',
  incurredOn: '2027-02-01',
  version: 3,
  createdAt: '2026-11-27T00:00:00.000Z',
  updatedAt: '2026-11-27T00:00:00.000Z',
};

describe('validateCostLine mirrors the server’s rules', () => {
  it('asks an actual cost for its date and an amount above 0', () => {
    const values = { ...emptyCostLineForm('actual', 'cluster', '2027-02-01'), incurredOn: '' };
    expect(validateCostLine('actual', { ...values, description: 'Taxi', amountEur: 0 })).toEqual({
      amountEur: 'an actual cost must be above 0',
      incurredOn: 'is required for an actual cost',
    });
  });

  it('lets a planned line be 0 and dateless', () => {
    const values = {
      ...emptyCostLineForm('planned', 'cluster', '2027-02-01'),
      description: 'Room',
      amountEur: 0,
    };
    expect(values.incurredOn).toBe('');
    expect(validateCostLine('planned', values)).toEqual({});
  });

  it('refuses a missing description, negative, absurd and sub-cent amounts', () => {
    const values = emptyCostLineForm('planned', 'cluster', '2027-02-01');
    expect(validateCostLine('planned', values)).toEqual({
      description: 'is required',
      amountEur: 'is required',
    });
    for (const amountEur of [-1, 10_000_000.01, 0.001]) {
      expect(validateCostLine('planned', { ...values, description: 'x', amountEur }).amountEur).toBeDefined();
    }
  });
});

describe('cost line request bodies', () => {
  it('send the kind and amounts as numbers', () => {
    expect(
      costLineBodyOf('actual', {
        category: 'travel',
        fundingSource: 'eu_programme',
        description: ' Flights ',
        amountEur: '820.50',
        incurredOn: '2027-02-01',
      }),
    ).toEqual({
      kind: 'actual',
      category: 'travel',
      fundingSource: 'eu_programme',
      description: 'Flights',
      amountEur: 820.5,
      incurredOn: '2027-02-01',
    });
  });

  it('send only the changed fields with the version read', () => {
    expect(costLinePatchOf(line, costLineValuesOf(line))).toEqual({ version: 3 });
    expect(costLinePatchOf(line, { ...costLineValuesOf(line), amountEur: '900' })).toEqual({
      version: 3,
      amountEur: 900,
    });
  });
});

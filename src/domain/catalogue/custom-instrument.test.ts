import { describe, expect, it } from 'vitest';
import { budgetFormula } from './budget-formula.ts';
import {
  catalogueRuleOf,
  diffInstrument,
  parseBudgetItems,
  rulesForKind,
  validateKpis,
} from './custom-instrument.ts';
import { D42_INSTRUMENTS } from './instruments.ts';

const training = D42_INSTRUMENTS.find((i) => i.key === 'training-to-go-international');
if (!training) throw new Error('no training instrument');

describe('parseBudgetItems', () => {
  it('reads every item of the D4.2 catalogue as it is', () => {
    for (const instrument of D42_INSTRUMENTS) {
      const parsed = parseBudgetItems(instrument.budget.items);
      expect(parsed.errors, instrument.key).toEqual([]);
      expect(parsed.items).toEqual(instrument.budget.items);
    }
  });

  it.each([
    [
      'negative days',
      { kind: 'effort_days_per_unit', days: -1, unit: 'event', source: '' },
      'budgetItems.0.days',
    ],
    [
      'more than two decimals',
      { kind: 'min_days_per_unit', days: 1.234, unit: 'event', source: '' },
      'budgetItems.0.days',
    ],
    ['days as text', { kind: 'recurring_days_per_month', days: '3', source: '' }, 'budgetItems.0.days'],
    [
      'an unknown unit',
      { kind: 'effort_days_per_unit', days: 2, unit: 'week', source: '' },
      'budgetItems.0.unit',
    ],
    ['an unknown kind', { kind: 'per_smile' }, 'budgetItems.0.kind'],
    ['no object', 42, 'budgetItems.0'],
    [
      'min above max',
      { kind: 'travellers_per_mission', min: 3, max: 1, who: 'staff', source: '' },
      'budgetItems.0.max',
    ],
    [
      'fractional travellers',
      { kind: 'travellers_per_mission', min: 1.5, max: 2, who: 'staff', source: '' },
      'budgetItems.0.min',
    ],
    [
      'a fee of fractions of cents',
      { kind: 'fee_per_entity', amountEur: 10.001, includes: [], orderOfMagnitude: false, source: '' },
      'budgetItems.0.amountEur',
    ],
    [
      'an unknown cost category',
      { kind: 'cost_categories', categories: ['yachts'], source: '' },
      'budgetItems.0.categories',
    ],
    ['empty factors', { kind: 'depends_on', factors: [''], source: '' }, 'budgetItems.0.factors'],
  ])('refuses %s, naming the field', (_name, item, field) => {
    const parsed = parseBudgetItems([item]);
    expect(parsed.errors.map((e) => e.field)).toContain(field);
    expect(parsed.items).toEqual([]);
  });

  it('refuses a list that is not one, or too long', () => {
    expect(parseBudgetItems('x').errors[0]?.field).toBe('budgetItems');
    expect(
      parseBudgetItems(Array.from({ length: 51 }, () => ({ kind: 'note', text: 'x' }))).errors,
    ).toHaveLength(1);
  });

  it('gives the formula the engine would read', () => {
    const parsed = parseBudgetItems([
      { kind: 'effort_days_per_unit', days: 6, unit: 'training_package', source: '' },
    ]);
    expect(budgetFormula({ text: '', items: parsed.items })).toBe('6 days × day rate per training package');
  });
});

describe('validateKpis', () => {
  const kpi = {
    key: 'trainings',
    label: 'Trainings',
    kind: 'count' as const,
    unit: 'trainings',
    rule: 'activity_held',
  };
  it('accepts a rule of the KPI kind and entered KPIs', () => {
    expect(validateKpis([kpi, { ...kpi, key: 'notes', kind: 'text', unit: null, rule: null }])).toEqual([]);
  });
  it('refuses an unknown kind, a rule of another kind or unknown, a duplicate or bad key', () => {
    const fields = validateKpis([
      { ...kpi, kind: 'vibes' as 'count' },
      { ...kpi, key: 'spend', kind: 'money' },
      { ...kpi, key: 'x1', rule: 'guess' },
      { ...kpi, key: 'x1', rule: null },
      { ...kpi, key: 'Bad Key' },
    ]).map((e) => e.field);
    expect(fields).toEqual(['kpis.0.kind', 'kpis.1.rule', 'kpis.2.rule', 'kpis.3.key', 'kpis.4.key']);
  });
  it('lists the rules of each kind, and the rule of a D4.2 KPI', () => {
    expect(rulesForKind('money')).toEqual(['actual_costs']);
    expect(rulesForKind('rating')).toEqual([]);
    expect(catalogueRuleOf('training-to-go-international', 'trainings')).toBe('activity_held');
    expect(catalogueRuleOf('training-to-go-international', 'other')).toBeNull();
  });
});

describe('diffInstrument', () => {
  it('finds nothing on an unchanged copy', () => {
    expect(diffInstrument(training, structuredClone(training))).toEqual([]);
  });
  it('names the changed fields, the changed, added and removed items, and KPIs by key', () => {
    const copy = structuredClone(training);
    copy.name = 'Training, extended';
    copy.benefits = [...copy.benefits, 'More time'];
    copy.budget.items = [
      { kind: 'effort_days_per_unit', days: 6, unit: 'training_package', source: '' },
      { kind: 'note', text: 'Room offered by a member' },
    ];
    copy.kpis = [{ key: 'satisfaction', label: 'Satisfaction', kind: 'rating', unit: '1–5' }];
    const differences = diffInstrument(training, copy);
    expect(
      differences.map((d) => [
        d.area,
        'field' in d ? d.field : 'index' in d ? d.index : d.key,
        'change' in d ? d.change : 'changed',
      ]),
    ).toEqual([
      ['field', 'name', 'changed'],
      ['field', 'benefits', 'changed'],
      ['budgetItem', 0, 'changed'],
      ['budgetItem', 1, 'added'],
      ['kpi', 'trainings', 'removed'],
      ['kpi', 'satisfaction', 'added'],
    ]);
  });
  it('does not count a KPI rule as a difference of its definition', () => {
    const copy = structuredClone(training);
    copy.kpis = copy.kpis.map((k) => ({ ...k, rule: 'activity_held' }) as typeof k);
    expect(diffInstrument(training, copy)).toEqual([]);
  });
});

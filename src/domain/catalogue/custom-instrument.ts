import type { FieldError } from '../errors.ts';
import {
  type BudgetItem,
  COST_CATEGORIES,
  type CostCategory,
  DERIVED_KPI_RULES,
  EFFORT_UNITS,
  type EffortUnit,
  type InstrumentDefinition,
  KPI_KINDS,
  type KpiDefinition,
  type KpiKind,
} from './types.ts';

/**
 * A workspace's own instruments (issue 20, item 2; decision 0022): the parser the engine's
 * budget items must pass, the KPI list's checks, and the field-by-field comparison with the D4.2
 * original. Pure: no I/O.
 */

/** Upper bounds that keep a model within what the engine and the budget lines hold. */
export const BUDGET_ITEM_LIMITS = {
  /** Working days per unit, per month or of meetings: up to a year, in hundredths of a day. */
  days: { min: 0.01, max: 366 },
  travellers: { min: 0, max: 100 },
  /** EUR per participating entity. */
  amountEur: { min: 0, max: 1_000_000 },
  text: 2000,
  factors: 20,
  items: 50,
} as const;

/** What one custom KPI may say: its definition and, where a rule applies, the rule deriving it. */
export interface CustomKpiDefinition extends KpiDefinition {
  /** A key of `DERIVED_KPI_RULES` of the same kind; null: entered by hand. */
  rule: string | null;
}

type Raw = Record<string, unknown>;

const isObject = (value: unknown): value is Raw =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Parses budget items as the engine reads them. Each problem names its field under `path`
 * (`budgetItems.2.days`); an item of an unknown kind, a missing or out-of-range figure, an unknown
 * unit or cost category, travellers `min` above `max` are refused.
 *
 * @example
 * parseBudgetItems([{ kind: 'effort_days_per_unit', days: -1, unit: 'event', source: '' }]).errors
 * // → [{ field: 'budgetItems.0.days', message: 'must be a number of days from 0.01 to 366' }]
 */
export function parseBudgetItems(
  input: unknown,
  path = 'budgetItems',
): { items: BudgetItem[]; errors: FieldError[] } {
  const errors: FieldError[] = [];
  if (!Array.isArray(input)) return { items: [], errors: [{ field: path, message: 'must be a list' }] };
  if (input.length > BUDGET_ITEM_LIMITS.items) {
    return {
      items: [],
      errors: [{ field: path, message: `may hold at most ${BUDGET_ITEM_LIMITS.items} items` }],
    };
  }
  const items: BudgetItem[] = [];
  input.forEach((raw, index) => {
    const at = `${path}.${index}`;
    const before = errors.length;
    const item = parseItem(raw, at, errors);
    if (item && errors.length === before) items.push(item);
  });
  return { items, errors };
}

function parseItem(raw: unknown, at: string, errors: FieldError[]): BudgetItem | undefined {
  if (!isObject(raw)) {
    errors.push({ field: at, message: 'must be an object with a kind' });
    return undefined;
  }
  const text = (name: string, optional = false): string => {
    const value = raw[name];
    if (value === undefined && optional) return '';
    if (typeof value !== 'string' || value.length > BUDGET_ITEM_LIMITS.text) {
      errors.push({
        field: `${at}.${name}`,
        message: `must be a text of at most ${BUDGET_ITEM_LIMITS.text} characters`,
      });
      return '';
    }
    return value;
  };
  const days = (): number => {
    const value = raw.days;
    const { min, max } = BUDGET_ITEM_LIMITS.days;
    if (
      typeof value !== 'number' ||
      !Number.isFinite(value) ||
      value < min ||
      value > max ||
      Math.round(value * 100) !== value * 100
    ) {
      errors.push({
        field: `${at}.days`,
        message: `must be a number of days from ${min} to ${max} (at most two decimals)`,
      });
      return 0;
    }
    return value;
  };
  const unit = (optional = false): EffortUnit | undefined => {
    const value = raw.unit;
    if (value === undefined && optional) return undefined;
    if (typeof value !== 'string' || !(EFFORT_UNITS as readonly string[]).includes(value)) {
      errors.push({ field: `${at}.unit`, message: `must be one of ${EFFORT_UNITS.join(', ')}` });
      return undefined;
    }
    return value as EffortUnit;
  };
  const categories = (name: string): CostCategory[] => {
    const value = raw[name];
    if (
      !Array.isArray(value) ||
      value.some((c) => typeof c !== 'string' || !(COST_CATEGORIES as readonly string[]).includes(c))
    ) {
      errors.push({
        field: `${at}.${name}`,
        message: `must list cost categories of ${COST_CATEGORIES.join(', ')}`,
      });
      return [];
    }
    return [...new Set(value as CostCategory[])];
  };
  const whole = (name: 'min' | 'max'): number => {
    const value = raw[name];
    const { min, max } = BUDGET_ITEM_LIMITS.travellers;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      errors.push({ field: `${at}.${name}`, message: `must be a whole number from ${min} to ${max}` });
      return 0;
    }
    return value;
  };

  switch (raw.kind) {
    case 'effort_days_per_unit':
    case 'min_days_per_unit': {
      const item = { kind: raw.kind, days: days(), unit: unit(), source: text('source', true) };
      return item.unit ? ({ ...item, unit: item.unit } as BudgetItem) : undefined;
    }
    case 'recurring_days_per_month': {
      const u = unit(true);
      return {
        kind: 'recurring_days_per_month',
        days: days(),
        ...(u ? { unit: u } : {}),
        source: text('source', true),
      };
    }
    case 'travellers_per_mission': {
      const min = whole('min');
      const max = whole('max');
      if (min > max) errors.push({ field: `${at}.max`, message: `must be at least min (${min})` });
      return { kind: 'travellers_per_mission', min, max, who: text('who'), source: text('source', true) };
    }
    case 'fee_per_entity': {
      const amount = raw.amountEur;
      const { min, max } = BUDGET_ITEM_LIMITS.amountEur;
      if (
        typeof amount !== 'number' ||
        !Number.isFinite(amount) ||
        amount < min ||
        amount > max ||
        Math.round(amount * 100) !== amount * 100
      ) {
        errors.push({
          field: `${at}.amountEur`,
          message: `must be an amount in EUR from ${min} to ${max.toLocaleString('en-US')} (whole cents)`,
        });
      }
      if (typeof raw.orderOfMagnitude !== 'boolean') {
        errors.push({ field: `${at}.orderOfMagnitude`, message: 'must be true or false' });
      }
      return {
        kind: 'fee_per_entity',
        amountEur: typeof amount === 'number' ? amount : 0,
        includes: categories('includes'),
        orderOfMagnitude: raw.orderOfMagnitude === true,
        source: text('source', true),
      };
    }
    case 'additional_effort':
      return {
        kind: 'additional_effort',
        who: text('who'),
        when: text('when'),
        source: text('source', true),
      };
    case 'cost_categories':
      return { kind: 'cost_categories', categories: categories('categories'), source: text('source', true) };
    case 'depends_on': {
      const factors = raw.factors;
      if (
        !Array.isArray(factors) ||
        factors.length > BUDGET_ITEM_LIMITS.factors ||
        factors.some((f) => typeof f !== 'string' || f.trim() === '' || f.length > 200)
      ) {
        errors.push({
          field: `${at}.factors`,
          message: `must list at most ${BUDGET_ITEM_LIMITS.factors} factors of 1 to 200 characters`,
        });
        return undefined;
      }
      return { kind: 'depends_on', factors: factors as string[], source: text('source', true) };
    }
    case 'note':
      return { kind: 'note', text: text('text') };
    default:
      errors.push({ field: `${at}.kind`, message: 'is not a kind of budget item the estimate engine reads' });
      return undefined;
  }
}

/**
 * Checks a custom instrument's KPIs: snake_case keys, each once; a kind of `KPI_KINDS`; a rule, if
 * any, that is registered and derives that kind. Fields are named under `path` (`kpis.1.kind`).
 */
export function validateKpis(kpis: readonly CustomKpiDefinition[], path = 'kpis'): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  kpis.forEach((kpi, index) => {
    const at = `${path}.${index}`;
    if (!/^[a-z][a-z0-9_]{0,59}$/.test(kpi.key)) {
      errors.push({
        field: `${at}.key`,
        message: 'must be snake_case: a–z, 0–9 and _, from a letter, at most 60',
      });
    } else if (seen.has(kpi.key)) {
      errors.push({ field: `${at}.key`, message: 'is already the key of another KPI of this instrument' });
    }
    seen.add(kpi.key);
    if (!(KPI_KINDS as readonly string[]).includes(kpi.kind)) {
      errors.push({ field: `${at}.kind`, message: `must be one of ${KPI_KINDS.join(', ')}` });
    } else if (kpi.rule !== null) {
      const rule = DERIVED_KPI_RULES[kpi.rule as keyof typeof DERIVED_KPI_RULES];
      if (!rule) {
        errors.push({
          field: `${at}.rule`,
          message: `is not a registered rule (${Object.keys(DERIVED_KPI_RULES).join(', ')})`,
        });
      } else if (rule.kind !== kpi.kind) {
        errors.push({ field: `${at}.rule`, message: `derives a ${rule.kind} KPI, not a ${kpi.kind} one` });
      }
    }
  });
  return errors;
}

/** The rules that may derive a KPI of this kind. */
export function rulesForKind(kind: KpiKind): string[] {
  return Object.entries(DERIVED_KPI_RULES)
    .filter(([, rule]) => rule.kind === kind)
    .map(([key]) => key);
}

/** One difference between a custom instrument and its D4.2 original. */
export type InstrumentDifference =
  | { area: 'field'; field: DiffField; reference: unknown; custom: unknown }
  | {
      area: 'budgetItem';
      index: number;
      change: 'added' | 'removed' | 'changed';
      reference: BudgetItem | null;
      custom: BudgetItem | null;
    }
  | {
      area: 'kpi';
      key: string;
      change: 'added' | 'removed' | 'changed';
      reference: KpiDefinition | null;
      custom: KpiDefinition | null;
    };

export const DIFF_FIELDS = [
  'name',
  'phase',
  'description',
  'benefits',
  'businessModel',
  'fundingSources',
  'budgetText',
] as const;
export type DiffField = (typeof DIFF_FIELDS)[number];

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function fieldOf(instrument: InstrumentDefinition, field: DiffField): unknown {
  return field === 'budgetText' ? instrument.budget.text : instrument[field];
}

/**
 * What a custom instrument changes of its D4.2 original: the texts and lists field by field, the
 * budget items by position, the KPIs by key (a rule chosen on the copy counts as a change only
 * when the KPI's own definition differs). An unchanged copy has no differences.
 *
 * @example
 * diffInstrument(training, { ...training, budget: { ...training.budget, items: [{ …, days: 5 }] } })
 * // → [{ area: 'budgetItem', index: 0, change: 'changed', reference: { …days: 4 }, custom: { …days: 5 } }]
 */
export function diffInstrument(
  reference: InstrumentDefinition,
  custom: InstrumentDefinition,
): InstrumentDifference[] {
  const differences: InstrumentDifference[] = [];
  for (const field of DIFF_FIELDS) {
    const a = fieldOf(reference, field);
    const b = fieldOf(custom, field);
    if (!same(a, b)) differences.push({ area: 'field', field, reference: a, custom: b });
  }
  const count = Math.max(reference.budget.items.length, custom.budget.items.length);
  for (let index = 0; index < count; index += 1) {
    const a = reference.budget.items[index] ?? null;
    const b = custom.budget.items[index] ?? null;
    if (same(a, b)) continue;
    const change = a === null ? 'added' : b === null ? 'removed' : 'changed';
    differences.push({ area: 'budgetItem', index, change, reference: a, custom: b });
  }
  const plain = (k: KpiDefinition): KpiDefinition => ({
    key: k.key,
    label: k.label,
    kind: k.kind,
    unit: k.unit,
  });
  const ours = new Map(custom.kpis.map((k) => [k.key, plain(k)]));
  const theirs = new Map(reference.kpis.map((k) => [k.key, plain(k)]));
  for (const [key, kpi] of theirs) {
    const mine = ours.get(key);
    if (!mine) differences.push({ area: 'kpi', key, change: 'removed', reference: kpi, custom: null });
    else if (!same(kpi, mine))
      differences.push({ area: 'kpi', key, change: 'changed', reference: kpi, custom: mine });
  }
  for (const [key, kpi] of ours) {
    if (!theirs.has(key))
      differences.push({ area: 'kpi', key, change: 'added', reference: null, custom: kpi });
  }
  return differences;
}

/**
 * The registered rule deriving a D4.2 instrument's KPI (`trainings` of the training instrument:
 * `activity_held`), so a copy keeps deriving it; null: entered by hand.
 */
export function catalogueRuleOf(instrumentKey: string, kpiKey: string): string | null {
  const id = `${instrumentKey}/${kpiKey}`;
  const found = Object.entries(DERIVED_KPI_RULES).find(([, rule]) =>
    (rule.catalogueKpis as readonly string[]).includes(id),
  );
  return found ? found[0] : null;
}

import {
  type BudgetItem,
  type BudgetModel,
  COST_CATEGORY_LABELS,
  type CostCategory,
  EFFORT_UNIT_LABELS,
} from './types.ts';

/**
 * Readable formulas for the budget models of the catalogue (D4.2 "Budget Estimation").
 * Pure functions: a budget model in, plain text out.
 */

/** Kinds that carry a figure and therefore make up the formula line. */
const FIGURE_KINDS: ReadonlySet<BudgetItem['kind']> = new Set([
  'effort_days_per_unit',
  'recurring_days_per_month',
  'travellers_per_mission',
  'fee_per_entity',
  'min_days_per_unit',
  'additional_effort',
]);

function days(n: number): string {
  return `${n} ${n === 1 ? 'day' : 'days'}`;
}

function eur(amount: number): string {
  const [whole = '0', decimals] = String(amount).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return decimals === undefined ? grouped : `${grouped}.${decimals}`;
}

function categories(list: readonly CostCategory[]): string {
  return list.map((c) => COST_CATEGORY_LABELS[c].toLowerCase()).join(', ');
}

/** "mentors" → "mentor", to read "mentor interventions". */
function singular(who: string): string {
  return who.endsWith('s') ? who.slice(0, -1) : who;
}

/**
 * Renders one budget item as a short readable phrase, in the seed's terms.
 *
 * @example
 * describeBudgetItem({ kind: 'effort_days_per_unit', days: 4, unit: 'training_package', source: '…' });
 * // → "4 days × day rate per training package"
 * describeBudgetItem({ kind: 'depends_on', factors: ['the targeted country', 'the skills of the representative'], source: '…' });
 * // → "Depends on: the targeted country, the skills of the representative"
 */
export function describeBudgetItem(item: BudgetItem): string {
  switch (item.kind) {
    case 'effort_days_per_unit':
      return `${days(item.days)} × day rate per ${EFFORT_UNIT_LABELS[item.unit].one}`;
    case 'recurring_days_per_month': {
      const output = item.unit ? ` (one ${EFFORT_UNIT_LABELS[item.unit].one} a month)` : '';
      return `${days(item.days)} × day rate per month${output}`;
    }
    case 'travellers_per_mission': {
      const range = item.min === item.max ? `${item.min}` : `${item.min}–${item.max}`;
      return `travel for ${range} ${item.who}`;
    }
    case 'fee_per_entity': {
      const remarks = [
        ...(item.includes.length > 0 ? [`${categories(item.includes)} included`] : []),
        ...(item.orderOfMagnitude ? ['order of magnitude'] : []),
      ];
      const suffix = remarks.length > 0 ? ` (${remarks.join('; ')})` : '';
      return `${eur(item.amountEur)} EUR per participating entity${suffix}`;
    }
    case 'min_days_per_unit':
      return `at least ${days(item.days)} of meetings per ${EFFORT_UNIT_LABELS[item.unit].one}`;
    case 'additional_effort':
      return `${singular(item.who)} interventions ${item.when}`;
    case 'cost_categories':
      return `Covers: ${categories(item.categories)}`;
    case 'depends_on':
      return `Depends on: ${item.factors.join(', ')}`;
    case 'note':
      return item.text;
  }
}

/**
 * Renders a whole budget model as one formula line: its figures joined with " + " (items without a
 * figure — cost categories, dependencies, notes — are left to `describeBudgetItem`). A model
 * without any figure says so and names what the cost depends on and what it covers, or else
 * quotes the seed's remarks.
 *
 * @example
 * budgetFormula(studyVisits.budget);
 * // → "8 days × day rate per mission + travel for 2–3 cluster representatives"
 * budgetFormula(tradeFairs.budget);
 * // → "No figure in D4.2: depends on the events; covers travel, accommodation, …"
 */
export function budgetFormula(model: BudgetModel): string {
  const figures = model.items.filter((item) => FIGURE_KINDS.has(item.kind));
  if (figures.length > 0) return figures.map(describeBudgetItem).join(' + ');

  const factors = model.items.flatMap((item) => (item.kind === 'depends_on' ? item.factors : []));
  const covered = [
    ...new Set(model.items.flatMap((item) => (item.kind === 'cost_categories' ? item.categories : []))),
  ];
  const parts = [
    ...(factors.length > 0 ? [`depends on ${factors.join(', ')}`] : []),
    ...(covered.length > 0 ? [`covers ${categories(covered)}`] : []),
  ];
  if (parts.length > 0) return `No figure in D4.2: ${parts.join('; ')}`;

  const notes = model.items.flatMap((item) => (item.kind === 'note' ? [item.text] : []));
  return notes.length > 0 ? `No figure in D4.2: ${notes.join(' ')}` : 'No figure in D4.2';
}

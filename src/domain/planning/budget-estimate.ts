import {
  type BudgetItem,
  type BudgetModel,
  COST_CATEGORY_LABELS,
  type CostCategory,
  EFFORT_UNIT_LABELS,
  type EffortUnit,
} from '../catalogue/types.ts';
import { type FieldError, InvalidInputError } from '../errors.ts';
import { count, formatEur } from './money.ts';
import {
  type BudgetCategory,
  ESTIMATE_PARAMETERS,
  type Estimate,
  type EstimateLine,
  type EstimateParameters,
  type TravelRate,
} from './types.ts';

/**
 * The budget engine (issue 4, item 4): an instrument's structured budget model (D4.2 "Budget
 * Estimation") and an activity's parameters and rates in, costed lines out, each with its formula
 * as text. Pure: no I/O, no clock. See docs/budget-estimates.md for every instrument's lines.
 */

export interface EstimateInput {
  instrument: { code: string; key: string; name: string; budget: BudgetModel };
  parameters: EstimateParameters;
  /** The responsible cluster's day rate (or an override), integer cents. */
  dayRateCents: number;
  /** Travel costs to `parameters.destination`; null when there is no destination. */
  travelRate: TravelRate | null;
}

type CountParameter = Exclude<keyof EstimateParameters, 'destination'>;

const PARAMETER_ORDER: ReadonlyArray<keyof EstimateParameters> = ESTIMATE_PARAMETERS;

/** Whole numbers only; the upper bounds reject typos (a newsletter over 10 years is not a plan). */
const COUNT_LIMITS: Record<CountParameter, { min: number; max: number }> = {
  units: { min: 1, max: 1000 },
  months: { min: 1, max: 120 },
  issues: { min: 1, max: 120 },
  entities: { min: 1, max: 10_000 },
  travellers: { min: 1, max: 100 },
  nights: { min: 0, max: 365 },
};

/** 20,000 EUR: above any day rate, return trip, night or day of subsistence. */
export const MAX_RATE_EUR = 20_000;
const MAX_RATE_CENTS = MAX_RATE_EUR * 100;

/**
 * The parameters an instrument's budget model needs, in a fixed order. A model that produces one
 * newsletter issue a month needs `months`; `issues` is accepted in its place.
 *
 * @example requiredParameters(studyVisits.budget) // → ['units', 'travellers', 'nights', 'destination']
 */
export function requiredParameters(budget: BudgetModel): Array<keyof EstimateParameters> {
  const needed = new Set<keyof EstimateParameters>();
  for (const item of budget.items) {
    if (item.kind === 'effort_days_per_unit' || item.kind === 'min_days_per_unit') needed.add('units');
    if (item.kind === 'recurring_days_per_month') needed.add('months');
    if (item.kind === 'fee_per_entity') needed.add('entities');
    if (item.kind === 'travellers_per_mission') {
      // Travel is per mission: the number of missions (units) multiplies it.
      for (const p of ['units', 'travellers', 'nights', 'destination'] as const) needed.add(p);
    }
  }
  return PARAMETER_ORDER.filter((p) => needed.has(p));
}

/** One input of an estimate: a parameter a budget model needs, with what the engine accepts. */
export interface EstimateParameterSpec {
  name: keyof EstimateParameters;
  /** The whole numbers accepted, or null for the destination (a country). */
  range: { min: number; max: number } | null;
  /** What is counted: `units` of the model's unit (`mission`), `months` of its output (`issue`). */
  unit: EffortUnit | null;
  /** How many D4.2 counts, where it says (travellers: 2–3 cluster representatives per mission). */
  typical: { min: number; max: number; who: string } | null;
}

/** What an estimate form needs to ask for an instrument: its parameters, and whether a day rate applies. */
export interface EstimateForm {
  parameters: EstimateParameterSpec[];
  /** true when the model counts staff days, costed at the responsible cluster's day rate. */
  usesDayRate: boolean;
}

/**
 * The inputs an estimate form asks for an instrument: the parameters its budget model needs
 * (`requiredParameters`), in that order, each with the range the engine accepts, the unit it
 * counts and D4.2's typical figure; and whether staff days (so a day rate) enter the estimate.
 *
 * @example estimateForm(studyVisits.budget).parameters.map((p) => p.name)
 *   // → ['units', 'travellers', 'nights', 'destination']
 */
export function estimateForm(budget: BudgetModel): EstimateForm {
  const items = budget.items;
  const parameters = requiredParameters(budget).map((name): EstimateParameterSpec => {
    const range = name === 'destination' ? null : { ...COUNT_LIMITS[name] };
    let unit: EffortUnit | null = null;
    let typical: EstimateParameterSpec['typical'] = null;
    for (const item of items) {
      if (unit === null && name === 'units') {
        if (item.kind === 'effort_days_per_unit' || item.kind === 'min_days_per_unit') unit = item.unit;
        if (item.kind === 'travellers_per_mission') unit = 'mission';
      }
      if (unit === null && name === 'months' && item.kind === 'recurring_days_per_month') {
        unit = item.unit ?? null;
      }
      if (typical === null && name === 'travellers' && item.kind === 'travellers_per_mission') {
        typical = { min: item.min, max: item.max, who: item.who };
      }
    }
    return { name, range, unit, typical };
  });
  const usesDayRate = items.some((i) =>
    ['effort_days_per_unit', 'recurring_days_per_month', 'min_days_per_unit'].includes(i.kind),
  );
  return { parameters, usesDayRate };
}

/**
 * Estimates an activity's budget from its instrument's model. Models without any figure give an
 * empty estimate (total 0) whose notes say what the cost depends on.
 *
 * @throws InvalidInputError naming each missing or invalid parameter (`parameters.units`, …),
 *   `dayRateCents` or `travelRate`.
 */
export function estimateBudget(input: EstimateInput): Estimate {
  const { instrument, parameters } = input;
  const errors = [
    ...invalidValues(input),
    ...missingParameters(instrument, parameters),
    ...missingTravelRate(input),
  ];
  if (input.travelRate !== null && needsTravel(instrument.budget)) {
    errors.push(...invalidTravelRate(input.travelRate, parameters.destination));
  }
  const months = parameters.months ?? (producesIssues(instrument.budget) ? parameters.issues : undefined);
  if (
    producesIssues(instrument.budget) &&
    parameters.months !== undefined &&
    parameters.issues !== undefined &&
    parameters.months !== parameters.issues
  ) {
    errors.push({
      field: 'parameters.issues',
      message: `${instrument.name} has one issue a month: give months or issues, or the same number for both`,
    });
  }
  if (errors.length > 0) {
    throw new InvalidInputError(
      `Cannot estimate the budget of ${instrument.name}: ${errors.map((e) => e.field).join(', ')}`,
      errors,
    );
  }
  const context: Context = { ...input, months };
  const lines = instrument.budget.items.flatMap((item) => linesFor(item, context));
  const notes = notesFor(input);
  return {
    lines,
    effortDays: lines.reduce((sum, l) => sum + l.effortDays, 0),
    totalCents: lines.reduce((sum, l) => sum + l.amountCents, 0),
    notes,
  };
}

interface Context extends EstimateInput {
  /** `parameters.months`, or `parameters.issues` for a model with one issue a month. */
  months: number | undefined;
}

function producesIssues(budget: BudgetModel): boolean {
  return budget.items.some((i) => i.kind === 'recurring_days_per_month' && i.unit === 'issue');
}

function needsTravel(budget: BudgetModel): boolean {
  return budget.items.some((i) => i.kind === 'travellers_per_mission');
}

function invalidValues({ parameters, dayRateCents }: EstimateInput): FieldError[] {
  const errors: FieldError[] = [];
  for (const [name, { min, max }] of Object.entries(COUNT_LIMITS) as Array<
    [CountParameter, { min: number; max: number }]
  >) {
    const value = parameters[name];
    if (value === undefined) continue;
    if (!Number.isInteger(value) || value < min || value > max) {
      errors.push({
        field: `parameters.${name}`,
        message: `must be a whole number from ${min} to ${max.toLocaleString('en-US')}`,
      });
    }
  }
  const destination = parameters.destination;
  if (destination !== undefined && !/^[A-Z]{2}$/.test(destination)) {
    errors.push({
      field: 'parameters.destination',
      message: 'must be an ISO 3166-1 alpha-2 code in capitals, e.g. "JP"',
    });
  }
  errors.push(...invalidRate('dayRateCents', dayRateCents));
  return errors;
}

function invalidRate(field: string, cents: number): FieldError[] {
  return Number.isSafeInteger(cents) && cents >= 0 && cents <= MAX_RATE_CENTS
    ? []
    : [{ field, message: `must be whole cents from 0 to ${formatEur(MAX_RATE_CENTS)} EUR` }];
}

function invalidTravelRate(rate: TravelRate, destination: string | undefined): FieldError[] {
  const errors = [
    ...invalidRate('travelRate.travelCents', rate.travelCents),
    ...invalidRate('travelRate.accommodationPerNightCents', rate.accommodationPerNightCents),
    ...invalidRate('travelRate.subsistencePerDayCents', rate.subsistencePerDayCents),
  ];
  if (destination !== undefined && rate.country !== destination) {
    errors.push({
      field: 'travelRate',
      message: `is the travel rate of ${rate.country}, not of the destination ${destination}`,
    });
  }
  return errors;
}

/**
 * One FieldError per missing parameter, saying in plain words which figure of the model needs it
 * (the field itself names the parameter: `parameters.units`).
 */
function missingParameters(instrument: EstimateInput['instrument'], p: EstimateParameters): FieldError[] {
  const missing = new Map<keyof EstimateParameters, string>();
  const need = (name: keyof EstimateParameters, message: string) => {
    if (!missing.has(name)) missing.set(name, message);
  };
  const model = `The budget of ${instrument.name}`;
  for (const item of instrument.budget.items) {
    switch (item.kind) {
      case 'effort_days_per_unit':
        if (p.units === undefined)
          need(
            'units',
            `${model} counts ${count(item.days, 'day', 'days')} per ${unitName(item.unit)}: give the number of ${unitNames(item.unit)}`,
          );
        break;
      case 'min_days_per_unit':
        if (p.units === undefined)
          need(
            'units',
            `${model} counts at least ${count(item.days, 'day', 'days')} of meetings per ${unitName(item.unit)}: give the number of ${unitNames(item.unit)}`,
          );
        break;
      case 'recurring_days_per_month':
        if (p.months === undefined && !(item.unit === 'issue' && p.issues !== undefined))
          need(
            'months',
            `${model} counts ${count(item.days, 'day', 'days')} per month: give the number of months` +
              (item.unit === 'issue' ? ', or of monthly issues' : ''),
          );
        break;
      case 'fee_per_entity':
        if (p.entities === undefined)
          need(
            'entities',
            `${model} counts ${formatEur(item.amountEur * 100)} EUR per participating entity: give the number of participating entities`,
          );
        break;
      case 'travellers_per_mission': {
        const pays = `${model} pays travel for ${range(item)} ${item.who} per mission`;
        if (p.units === undefined) need('units', `${pays}: give the number of missions`);
        if (p.travellers === undefined) need('travellers', `${pays}: give the number of travellers on each`);
        if (p.nights === undefined)
          need('nights', `${pays}: give the nights away on each (0 for a day trip)`);
        if (p.destination === undefined)
          need('destination', `${pays}: give the destination country, whose travel costs apply`);
        break;
      }
      default:
        break;
    }
  }
  const errors = PARAMETER_ORDER.flatMap((name) => {
    const message = missing.get(name);
    return message === undefined ? [] : [{ field: `parameters.${name}`, message }];
  });
  return errors;
}

/** Checked after the parameters: a destination without a travel rate cannot be costed. */
function missingTravelRate(input: EstimateInput): FieldError[] {
  return needsTravel(input.instrument.budget) &&
    input.parameters.destination !== undefined &&
    input.travelRate === null
    ? [{ field: 'travelRate', message: `no travel rate for ${input.parameters.destination}: give one` }]
    : [];
}

function linesFor(item: BudgetItem, c: Context): EstimateLine[] {
  const p = c.parameters;
  switch (item.kind) {
    case 'effort_days_per_unit': {
      const units = p.units as number;
      return [
        staffLine(
          `Cluster staff: ${count(item.days, 'day', 'days')} per ${unitName(item.unit)} × ${count(units, unitName(item.unit), unitNames(item.unit))}`,
          item.days * units,
          c.dayRateCents,
        ),
      ];
    }
    case 'min_days_per_unit': {
      const units = p.units as number;
      return [
        staffLine(
          `Meetings (at least): ${count(item.days, 'day', 'days')} per ${unitName(item.unit)} × ${count(units, unitName(item.unit), unitNames(item.unit))}`,
          item.days * units,
          c.dayRateCents,
        ),
      ];
    }
    case 'recurring_days_per_month': {
      const months = c.months as number;
      const output = item.unit ? ` (one ${unitName(item.unit)} a month)` : '';
      return [
        staffLine(
          `Cluster staff: ${count(item.days, 'day', 'days')} a month × ${count(months, 'month', 'months')}${output}`,
          item.days * months,
          c.dayRateCents,
        ),
      ];
    }
    case 'travellers_per_mission':
      return travelLines(item, c);
    case 'fee_per_entity': {
      const entities = p.entities as number;
      const remarks = [
        ...(item.includes.length > 0 ? [`${categoryList(item.includes)} included`] : []),
        ...(item.orderOfMagnitude ? ['order of magnitude'] : []),
      ];
      return [
        productLine(
          'participation_fee',
          `Participation of ${count(entities, 'entity', 'entities')}${remarks.length > 0 ? ` (${remarks.join('; ')})` : ''}`,
          [count(entities, 'entity', 'entities')],
          entities,
          item.amountEur * 100,
          '',
        ),
      ];
    }
    default:
      return [];
  }
}

function travelLines(
  item: Extract<BudgetItem, { kind: 'travellers_per_mission' }>,
  c: Context,
): EstimateLine[] {
  const rate = c.travelRate as TravelRate;
  const missions = c.parameters.units as number;
  const travellers = c.parameters.travellers as number;
  const nights = c.parameters.nights as number;
  const days = nights + 1;
  // "2 missions × " only when there is more than one: a single study visit reads like the seed.
  const perMission = missions === 1 ? [] : [count(missions, 'mission', 'missions')];
  const people = count(travellers, 'traveller', 'travellers');
  const where = countryName(rate.country);
  const lines = [
    productLine(
      'travel',
      `Travel to ${where}: ${travellers} ${item.who}${missions === 1 ? '' : ' per mission'}`,
      [...perMission, people],
      missions * travellers,
      rate.travelCents,
      ' travel',
    ),
  ];
  if (nights > 0) {
    lines.push(
      productLine(
        'accommodation',
        `Accommodation in ${where}: ${count(nights, 'night', 'nights')}${missions === 1 ? '' : ' per mission'}`,
        [...perMission, people, count(nights, 'night', 'nights')],
        missions * travellers * nights,
        rate.accommodationPerNightCents,
        '',
      ),
    );
  }
  lines.push(
    productLine(
      'food_beverage',
      `Subsistence in ${where}: ${count(days, 'day', 'days')} (nights + 1)${missions === 1 ? '' : ' per mission'}`,
      [...perMission, people, count(days, 'day', 'days')],
      missions * travellers * days,
      rate.subsistencePerDayCents,
      '',
    ),
  );
  return lines;
}

function staffLine(description: string, days: number, dayRateCents: number): EstimateLine {
  return {
    ...productLine('staff', description, [count(days, 'day', 'days')], days, dayRateCents, ''),
    effortDays: days,
  };
}

/**
 * "factor × factor × rate EUR<label> = amount EUR": the amount is `quantity × rateCents`, rounded
 * half up once (an exact product for whole cents; the rounding only guards the invariant).
 */
function productLine(
  category: BudgetCategory,
  description: string,
  factors: string[],
  quantity: number,
  rateCents: number,
  rateLabel: string,
): EstimateLine {
  const amountCents = Math.round(quantity * rateCents);
  const formula = `${[...factors, `${formatEur(rateCents)} EUR${rateLabel}`].join(' × ')} = ${formatEur(amountCents)} EUR`;
  return { category, description, formula, amountCents, effortDays: 0 };
}

/** Remarks in the order of the model: figures without a cost, what the cost depends on, the seed's notes. */
function notesFor(input: EstimateInput): string[] {
  const { instrument, parameters } = input;
  const items = instrument.budget.items;
  const notes: string[] = [];
  const hasFigure = items.some((i) =>
    [
      'effort_days_per_unit',
      'recurring_days_per_month',
      'travellers_per_mission',
      'fee_per_entity',
      'min_days_per_unit',
    ].includes(i.kind),
  );
  if (!hasFigure) notes.push(`D4.2 gives no figure for ${instrument.name}: add its lines by hand.`);
  const costed = new Set<CostCategory>();
  for (const item of items) {
    if (item.kind === 'travellers_per_mission')
      for (const c of ['travel', 'accommodation', 'food_beverage'] as const) costed.add(c);
    if (item.kind === 'fee_per_entity') for (const c of item.includes) costed.add(c);
  }
  for (const item of items) {
    switch (item.kind) {
      case 'travellers_per_mission': {
        const t = parameters.travellers;
        if (t !== undefined && (t < item.min || t > item.max))
          notes.push(`D4.2 counts ${range(item)} ${item.who} per mission; this estimate counts ${t}.`);
        break;
      }
      case 'fee_per_entity':
        if (item.orderOfMagnitude)
          notes.push(
            `${formatEur(item.amountEur * 100)} EUR per entity is D4.2's order of magnitude${item.includes.length > 0 ? ` (${categoryList(item.includes)} included)` : ''}.`,
          );
        break;
      case 'min_days_per_unit':
        notes.push(
          `D4.2 asks at least ${count(item.days, 'day', 'days')} of meetings per ${unitName(item.unit)}: more days cost more.`,
        );
        break;
      case 'additional_effort':
        notes.push(
          `Plus ${singular(item.who)} interventions ${item.when}: D4.2 gives no figure, so they are not costed.`,
        );
        break;
      case 'depends_on':
        notes.push(`The cost depends on ${andList(item.factors.map(withArticle))} (D4.2).`);
        break;
      case 'note':
        notes.push(item.text);
        break;
      default:
        break;
    }
  }
  // One note for every cost category the model names but no figure of it covers.
  const open = [...new Set(items.flatMap((i) => (i.kind === 'cost_categories' ? i.categories : [])))].filter(
    (c) => !costed.has(c),
  );
  if (open.length > 0) {
    notes.push(
      `No figure in D4.2 for ${categoryList(open)}: add ${open.length === 1 ? 'it as a line' : 'them as lines'} by hand.`,
    );
  }
  const used = new Set(requiredParameters(instrument.budget));
  if (producesIssues(instrument.budget)) used.add('issues');
  const unused = PARAMETER_ORDER.filter((p) => parameters[p] !== undefined && !used.has(p));
  if (unused.length > 0) notes.push(`Not used by this instrument's budget model: ${unused.join(', ')}.`);
  return notes;
}

const REGION_NAMES = new Intl.DisplayNames(['en'], { type: 'region' });

/** "Japan (JP)": the destination by name, with its code. */
function countryName(code: string): string {
  return `${REGION_NAMES.of(code) ?? code} (${code})`;
}

function unitName(unit: EffortUnit): string {
  return EFFORT_UNIT_LABELS[unit].one;
}

function unitNames(unit: EffortUnit): string {
  return EFFORT_UNIT_LABELS[unit].many;
}

function range(item: { min: number; max: number }): string {
  return item.min === item.max ? `${item.min}` : `${item.min}–${item.max}`;
}

function categoryList(list: readonly CostCategory[]): string {
  return list.map((c) => COST_CATEGORY_LABELS[c].toLowerCase()).join(', ');
}

function andList(list: readonly string[]): string {
  return list.length <= 1 ? (list[0] ?? '') : `${list.slice(0, -1).join(', ')} and ${list.at(-1)}`;
}

/** "country" → "the country", so that "depends on the country and the events" reads well. */
function withArticle(factor: string): string {
  return factor.startsWith('the ') ? factor : `the ${factor}`;
}

/** "mentors" → "mentor", to read "mentor interventions". */
function singular(who: string): string {
  return who.endsWith('s') ? who.slice(0, -1) : who;
}

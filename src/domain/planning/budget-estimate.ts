// replaced by the budget-engine branch: a minimal honest engine with the agreed signatures (staff
// effort per unit or per month, the fee per entity and the travellers' costs), so the activities
// and budgets API can be built and tested before the full engine lands.
import type { BudgetModel } from '../catalogue/types.ts';
import { EFFORT_UNIT_LABELS } from '../catalogue/types.ts';
import { type FieldError, InvalidInputError } from '../errors.ts';
import type { Estimate, EstimateLine, EstimateParameters, TravelRate } from './types.ts';

export interface EstimateInput {
  instrument: { code: string; key: string; name: string; budget: BudgetModel };
  parameters: EstimateParameters;
  dayRateCents: number;
  travelRate: TravelRate | null;
}

/** The parameters the model's figures need, in a stable order. */
export function requiredParameters(budget: BudgetModel): Array<keyof EstimateParameters> {
  const needed = new Set<keyof EstimateParameters>();
  for (const item of budget.items) {
    if (item.kind === 'effort_days_per_unit') needed.add('units');
    if (item.kind === 'recurring_days_per_month') needed.add('months');
    if (item.kind === 'fee_per_entity') needed.add('entities');
    if (item.kind === 'travellers_per_mission') {
      needed.add('travellers');
      needed.add('nights');
      needed.add('destination');
    }
  }
  const order: Array<keyof EstimateParameters> = [
    'units',
    'months',
    'issues',
    'entities',
    'travellers',
    'nights',
    'destination',
  ];
  return order.filter((name) => needed.has(name));
}

const eur = (cents: number) =>
  `${(cents / 100).toLocaleString('en', { minimumFractionDigits: 0, maximumFractionDigits: 2 })} EUR`;

/**
 * Estimates an activity's budget from its instrument's model.
 *
 * @throws InvalidInputError naming `parameters.<name>` for each missing parameter.
 * @example estimateBudget({ instrument: training, parameters: { units: 2 }, dayRateCents: 45_000, travelRate: null }).effortDays // 8
 */
export function estimateBudget(input: EstimateInput): Estimate {
  const { parameters: p } = input;
  const missing: FieldError[] = requiredParameters(input.instrument.budget)
    .filter((name) => p[name] === undefined || (name === 'destination' && input.travelRate === null))
    .map((name) => ({
      field: `parameters.${name}`,
      message: `is needed by the budget model of ${input.instrument.name}`,
    }));
  if (missing.length > 0) {
    throw new InvalidInputError(
      `The budget model of ${input.instrument.name} needs: ${missing.map((m) => m.field.slice(11)).join(', ')}`,
      missing,
    );
  }
  const lines: EstimateLine[] = [];
  const notes: string[] = [];
  const staff = (days: number, description: string, formulaHead: string) => {
    const amountCents = Math.round(days * input.dayRateCents);
    lines.push({
      category: 'staff',
      description,
      formula: `${formulaHead} × ${eur(input.dayRateCents)} = ${eur(amountCents)}`,
      amountCents,
      effortDays: days,
    });
  };
  for (const item of input.instrument.budget.items) {
    switch (item.kind) {
      case 'effort_days_per_unit': {
        const units = p.units ?? 0;
        const label = EFFORT_UNIT_LABELS[item.unit];
        staff(
          item.days * units,
          `Staff effort: ${item.days} days per ${label.one}`,
          `${units} ${units === 1 ? label.one : label.many} × ${item.days} days`,
        );
        break;
      }
      case 'recurring_days_per_month': {
        const months = p.months ?? 0;
        staff(
          item.days * months,
          `Staff effort: ${item.days} days per month`,
          `${months} months × ${item.days} days`,
        );
        break;
      }
      case 'fee_per_entity': {
        const entities = p.entities ?? 0;
        const amountCents = Math.round(item.amountEur * 100) * entities;
        lines.push({
          category: 'participation_fee',
          description: 'Participation fee per entity',
          formula: `${entities} entities × ${eur(item.amountEur * 100)} = ${eur(amountCents)}`,
          amountCents,
          effortDays: 0,
        });
        break;
      }
      case 'travellers_per_mission': {
        const rate = input.travelRate as TravelRate;
        const travellers = p.travellers ?? 0;
        const nights = p.nights ?? 0;
        const travel = travellers * rate.travelCents;
        const stay = travellers * nights * rate.accommodationPerNightCents;
        const days = nights + 1;
        const food = travellers * days * rate.subsistencePerDayCents;
        lines.push(
          {
            category: 'travel',
            description: `Travel to ${rate.country}`,
            formula: `${travellers} travellers × ${eur(rate.travelCents)} = ${eur(travel)}`,
            amountCents: travel,
            effortDays: 0,
          },
          {
            category: 'accommodation',
            description: `Accommodation in ${rate.country}`,
            formula: `${travellers} travellers × ${nights} nights × ${eur(rate.accommodationPerNightCents)} = ${eur(stay)}`,
            amountCents: stay,
            effortDays: 0,
          },
          {
            category: 'food_beverage',
            description: `Subsistence in ${rate.country}`,
            formula: `${travellers} travellers × ${days} days × ${eur(rate.subsistencePerDayCents)} = ${eur(food)}`,
            amountCents: food,
            effortDays: 0,
          },
        );
        break;
      }
      case 'additional_effort':
        notes.push(`Not costed: ${item.who} interventions ${item.when}.`);
        break;
      case 'depends_on':
        notes.push(`Depends on: ${item.factors.join(', ')}.`);
        break;
      default:
        break;
    }
  }
  return {
    lines,
    effortDays: lines.reduce((sum, line) => sum + line.effortDays, 0),
    totalCents: lines.reduce((sum, line) => sum + line.amountCents, 0),
    notes,
  };
}

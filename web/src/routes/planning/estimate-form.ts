/**
 * The estimate panel's inputs. Which parameters an instrument's budget model needs, and the whole
 * numbers the engine accepts for each, come from the server (`instrument.budget.estimate`, made by
 * the budget engine's `estimateForm`); this module only turns them into inputs: prefilled from the
 * last applied estimate, else from the activity (its country, the nights between its dates),
 * checked in plain words, and sent as the API's parameters. Pure, so it is unit-tested without a
 * browser.
 */
import { fieldErrorsOf } from '../../api/describe-error.ts';
import type {
  ActivityDetailDto,
  EffortUnit,
  EstimateFormDto,
  EstimateParameterSpecDto,
  EstimateParametersDto,
  FundingSource,
} from '../../api/types.ts';
import { EFFORT_UNIT_LABELS } from '../../api/vocabulary.ts';
import { isKnownCountryCode } from '../../app/format.ts';
import { messages } from '../../messages/en.ts';
import { eurError } from './form-rules.ts';

const f = messages.forms.estimate;

/** The parameters the engine knows, in its order. */
export const PARAMETER_NAMES = [
  'units',
  'months',
  'issues',
  'entities',
  'travellers',
  'nights',
  'destination',
] as const satisfies readonly EstimateParameterSpecDto['name'][];
export type ParameterName = (typeof PARAMETER_NAMES)[number];
export type CountParameter = Exclude<ParameterName, 'destination'>;

export type EstimateFormValues = Record<CountParameter, number | string> & {
  /** '' : none. */
  destination: string;
  /** '' : the cluster's day rate. */
  dayRateEur: number | string;
  fundingSource: FundingSource;
};
export type EstimateField = keyof EstimateFormValues;
export type EstimateFieldErrors = Partial<Record<EstimateField, string>>;
export const ESTIMATE_FIELDS: EstimateField[] = [...PARAMETER_NAMES, 'dayRateEur', 'fundingSource'];

/** The activity the estimate is for, as far as the inputs need it. */
export type EstimatedActivity = Pick<
  ActivityDetailDto,
  'estimateParameters' | 'country' | 'startsOn' | 'endsOn'
>;

/** Nights between two `YYYY-MM-DD` days: 2 March to 4 March is 2; a one-day activity 0. */
export function nightsBetween(startsOn: string, endsOn: string): number | null {
  const nights = Math.round(
    (Date.parse(`${endsOn}T00:00:00Z`) - Date.parse(`${startsOn}T00:00:00Z`)) / 86_400_000,
  );
  return Number.isInteger(nights) && nights >= 0 ? nights : null;
}

/**
 * The inputs prefilled from the parameters of the last applied estimate; where it gave none, the
 * destination is the activity's country and the nights are those between its dates. A newsletter
 * estimated by issues shows them as months (one issue a month).
 */
export function estimateValuesOf(
  activity: EstimatedActivity,
  fundingSource: FundingSource,
): EstimateFormValues {
  const stored = activity.estimateParameters;
  const nights = nightsBetween(activity.startsOn, activity.endsOn);
  return {
    units: stored.units ?? '',
    months: stored.months ?? stored.issues ?? '',
    issues: stored.issues ?? '',
    entities: stored.entities ?? '',
    travellers: stored.travellers ?? '',
    nights: stored.nights ?? nights ?? '',
    destination: stored.destination ?? activity.country ?? '',
    dayRateEur: stored.dayRateEur ?? '',
    fundingSource,
  };
}

/** "Missions", "Training packages": what `units` counts, as a label. */
function unitsLabel(unit: EffortUnit | null): string {
  if (!unit) return f.label.units;
  const many = EFFORT_UNIT_LABELS[unit].many;
  return many.charAt(0).toUpperCase() + many.slice(1);
}

/** An input of the form: its label and, in plain words, what it is for. */
export interface ParameterInput {
  name: ParameterName;
  label: string;
  hint: string;
}

/** The inputs the instrument's model needs, each with its label and what it is for. */
export function parameterInputs(form: EstimateFormDto, activity: EstimatedActivity): ParameterInput[] {
  return form.parameters.map((spec) => ({
    name: spec.name,
    label: spec.name === 'units' ? unitsLabel(spec.unit) : f.label[spec.name],
    hint: hintOf(spec, activity),
  }));
}

function hintOf(spec: EstimateParameterSpecDto, activity: EstimatedActivity): string {
  switch (spec.name) {
    case 'units': {
      const unit = spec.unit ? EFFORT_UNIT_LABELS[spec.unit] : null;
      return unit ? f.hint.units(unit.one, unit.many) : f.hint.unitsGeneric;
    }
    case 'months':
      return f.hint.months(spec.unit ? EFFORT_UNIT_LABELS[spec.unit].one : null);
    case 'travellers':
      return f.hint.travellers(spec.typical);
    case 'nights': {
      const nights = nightsBetween(activity.startsOn, activity.endsOn);
      return nights === null ? f.hint.nights : `${f.hint.nights} ${f.hint.nightsFromDates(nights)}`;
    }
    case 'destination':
      return activity.country
        ? `${f.hint.destination} ${f.hint.destinationFromActivity}`
        : f.hint.destination;
    default:
      return f.hint[spec.name];
  }
}

/** "Give the number of missions.": what to do about an empty input, in plain words. */
function missingMessage(spec: EstimateParameterSpecDto): string {
  if (spec.name === 'units') return f.missing.units(spec.unit ? EFFORT_UNIT_LABELS[spec.unit].many : null);
  return f.missing[spec.name];
}

/**
 * The inputs' errors: each parameter the model needs must be given, as a whole number in the
 * engine's range (a known country for the destination); the day rate, if typed, EUR with cents.
 */
export function validateEstimate(values: EstimateFormValues, form: EstimateFormDto): EstimateFieldErrors {
  const errors: EstimateFieldErrors = {};
  for (const spec of form.parameters) {
    const value = values[spec.name];
    if (value === '') {
      errors[spec.name] = missingMessage(spec);
    } else if (spec.name === 'destination') {
      if (!isKnownCountryCode(String(value))) errors.destination = f.unknownCountry;
    } else if (spec.range) {
      const n = Number(value);
      const { min, max } = spec.range;
      if (!Number.isInteger(n) || n < min || n > max) errors[spec.name] = f.wholeNumber(min, max);
    }
  }
  if (form.usesDayRate) {
    const rate = eurError(values.dayRateEur, 10_000);
    if (rate) errors.dayRateEur = rate;
  }
  return errors;
}

/** The parameters the model needs, as numbers (the other inputs are not shown and not sent). */
export function parametersOf(values: EstimateFormValues, form: EstimateFormDto): EstimateParametersDto {
  const parameters: EstimateParametersDto = {};
  for (const { name } of form.parameters) {
    const value = values[name];
    if (value === '') continue;
    if (name === 'destination') parameters.destination = String(value);
    else parameters[name] = Number(value);
  }
  return parameters;
}

/** The day rate override, if the model counts staff days and one was typed. */
export function dayRateOf(values: EstimateFormValues, form: EstimateFormDto): { dayRateEur?: number } {
  return !form.usesDayRate || values.dayRateEur === '' ? {} : { dayRateEur: Number(values.dayRateEur) };
}

/**
 * The server's field errors by input (`body.parameters.units` → `units`, `body.dayRateEur` →
 * `dayRateEur`), only for the inputs `shown`: the others land in the panel's alert.
 */
export function estimateFieldErrors(
  error: unknown,
  shown: readonly EstimateField[] = ESTIMATE_FIELDS,
): EstimateFieldErrors {
  const placed: EstimateFieldErrors = {};
  for (const [name, message] of Object.entries(fieldErrorsOf(error))) {
    const field = name.replace(/^parameters\./, '').split('.')[0] as EstimateField;
    if (shown.includes(field)) placed[field] = placed[field] ? `${placed[field]}; ${message}` : message;
  }
  return placed;
}

/** The fields the panel shows for this form: its parameters, the day rate if used, the funding source. */
export function shownFields(form: EstimateFormDto): EstimateField[] {
  return [
    ...form.parameters.map((p) => p.name),
    ...(form.usesDayRate ? (['dayRateEur'] as const) : []),
    'fundingSource',
  ];
}

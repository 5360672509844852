/**
 * The estimate panel's inputs: the activity's stored parameters in, the API's parameters out, and
 * the server's "missing parameter" errors (`body.parameters.units`) placed on the right input.
 * Mirrors `src/features/budgets/schema.ts`. Pure, so it is unit-tested without a browser.
 */
import { fieldErrorsOf } from '../../api/describe-error.ts';
import type { ActivityDetailDto, EstimateParametersDto, FundingSource } from '../../api/types.ts';
import { isKnownCountryCode } from '../../app/format.ts';
import { messages } from '../../messages/en.ts';
import { eurError } from './form-rules.ts';

const t = messages.estimate;

/** The whole-number parameters with the range the server accepts. */
export const COUNT_PARAMETERS = {
  units: [1, 1_000],
  months: [1, 120],
  issues: [1, 1_000],
  entities: [1, 10_000],
  travellers: [1, 100],
  nights: [0, 365],
} as const;
export type CountParameter = keyof typeof COUNT_PARAMETERS;
export const COUNT_PARAMETER_NAMES = Object.keys(COUNT_PARAMETERS) as CountParameter[];

export type EstimateFormValues = Record<CountParameter, number | string> & {
  /** '' : none. */
  destination: string;
  /** '' : the cluster's day rate. */
  dayRateEur: number | string;
  fundingSource: FundingSource;
};
export type EstimateField = keyof EstimateFormValues;
export type EstimateFieldErrors = Partial<Record<EstimateField, string>>;
export const ESTIMATE_FIELDS: EstimateField[] = [
  ...COUNT_PARAMETER_NAMES,
  'destination',
  'dayRateEur',
  'fundingSource',
];

/** The inputs prefilled from the parameters of the last applied estimate. */
export function estimateValuesOf(
  stored: ActivityDetailDto['estimateParameters'],
  fundingSource: FundingSource,
): EstimateFormValues {
  return {
    units: stored.units ?? '',
    months: stored.months ?? '',
    issues: stored.issues ?? '',
    entities: stored.entities ?? '',
    travellers: stored.travellers ?? '',
    nights: stored.nights ?? '',
    destination: stored.destination ?? '',
    dayRateEur: stored.dayRateEur ?? '',
    fundingSource,
  };
}

export function validateEstimate(values: EstimateFormValues): EstimateFieldErrors {
  const errors: EstimateFieldErrors = {};
  for (const name of COUNT_PARAMETER_NAMES) {
    const value = values[name];
    if (value === '') continue;
    const [min, max] = COUNT_PARAMETERS[name];
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max) errors[name] = t.wholeNumber(min, max);
  }
  if (values.destination && !isKnownCountryCode(values.destination)) {
    errors.destination = messages.clusters.countryUnknown;
  }
  const rate = eurError(values.dayRateEur, 10_000);
  if (rate) errors.dayRateEur = rate;
  return errors;
}

/** The parameters given (empty inputs are left out, so the engine can name what it misses). */
export function parametersOf(values: EstimateFormValues): EstimateParametersDto {
  const parameters: EstimateParametersDto = {};
  for (const name of COUNT_PARAMETER_NAMES) {
    if (values[name] !== '') parameters[name] = Number(values[name]);
  }
  if (values.destination) parameters.destination = values.destination;
  return parameters;
}

/** The day rate override, if one was typed. */
export function dayRateOf(values: EstimateFormValues): { dayRateEur?: number } {
  return values.dayRateEur === '' ? {} : { dayRateEur: Number(values.dayRateEur) };
}

/** The server's field errors by input: `body.parameters.units` → `units`, `body.dayRateEur` → `dayRateEur`. */
export function estimateFieldErrors(error: unknown): EstimateFieldErrors {
  const placed: EstimateFieldErrors = {};
  for (const [name, message] of Object.entries(fieldErrorsOf(error))) {
    const field = name.replace(/^parameters\./, '').split('.')[0] as EstimateField;
    if (ESTIMATE_FIELDS.includes(field))
      placed[field] = placed[field] ? `${placed[field]}; ${message}` : message;
  }
  return placed;
}

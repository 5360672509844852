import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client.ts';
import type { EstimateFormDto } from '../../api/types.ts';
import {
  dayRateOf,
  type EstimatedActivity,
  estimateFieldErrors,
  estimateValuesOf,
  nightsBetween,
  parameterInputs,
  parametersOf,
  shownFields,
  validateEstimate,
} from './estimate-form.ts';

/** What the server says a study visit's model needs (`instrument.budget.estimate`). */
const STUDY_VISIT: EstimateFormDto = {
  parameters: [
    { name: 'units', range: { min: 1, max: 1000 }, unit: 'mission', typical: null },
    {
      name: 'travellers',
      range: { min: 1, max: 100 },
      unit: null,
      typical: { min: 2, max: 3, who: 'cluster representatives' },
    },
    { name: 'nights', range: { min: 0, max: 365 }, unit: null, typical: null },
    { name: 'destination', range: null, unit: null, typical: null },
  ],
  usesDayRate: true,
};
const TRAINING: EstimateFormDto = {
  parameters: [{ name: 'units', range: { min: 1, max: 1000 }, unit: 'training_package', typical: null }],
  usesDayRate: true,
};
const MATCHMAKING: EstimateFormDto = {
  parameters: [{ name: 'entities', range: { min: 1, max: 10_000 }, unit: null, typical: null }],
  usesDayRate: false,
};

/** A three-day activity in Tokyo without an applied estimate. */
const TOKYO: EstimatedActivity = {
  estimateParameters: {},
  country: 'JP',
  startsOn: '2026-03-02',
  endsOn: '2026-03-04',
};
const empty = estimateValuesOf({ ...TOKYO, country: null, endsOn: 'x' }, 'cluster');

describe('the estimate inputs', () => {
  it('are prefilled from the last applied parameters', () => {
    const values = estimateValuesOf(
      { ...TOKYO, estimateParameters: { units: 2, destination: 'CN', nights: 5, dayRateEur: 500 } },
      'eu_programme',
    );
    expect(values).toMatchObject({ units: 2, months: '', destination: 'CN', nights: 5, dayRateEur: 500 });
    expect(values.fundingSource).toBe('eu_programme');
  });

  it('else take the destination from the activity’s country and the nights from its dates', () => {
    expect(estimateValuesOf(TOKYO, 'cluster')).toMatchObject({ destination: 'JP', nights: 2, units: '' });
    expect(estimateValuesOf({ ...TOKYO, country: null, endsOn: TOKYO.startsOn }, 'cluster')).toMatchObject({
      destination: '',
      nights: 0,
    });
    expect(nightsBetween('2026-12-30', '2027-01-02')).toBe(3);
    expect(nightsBetween('2026-03-04', '2026-03-02')).toBeNull();
  });

  it('show a newsletter estimated by issues as months', () => {
    expect(estimateValuesOf({ ...TOKYO, estimateParameters: { issues: 12 } }, 'cluster').months).toBe(12);
  });

  it('are the ones the model needs, each labelled and said what it is for', () => {
    const inputs = parameterInputs(STUDY_VISIT, TOKYO);
    expect(inputs.map((i) => [i.name, i.label])).toEqual([
      ['units', 'Missions'],
      ['travellers', 'Travellers per mission'],
      ['nights', 'Nights away per mission'],
      ['destination', 'Destination country'],
    ]);
    expect(inputs[0]?.hint).toBe('How many missions: the budget counts per mission.');
    expect(inputs[1]?.hint).toContain('(D4.2 counts 2–3 cluster representatives)');
    expect(inputs[2]?.hint).toContain('The activity’s dates give 2 nights.');
    expect(inputs[3]?.hint).toContain('Filled in from the activity’s country.');
    expect(parameterInputs(TRAINING, TOKYO).map((i) => i.label)).toEqual(['Training packages']);
    expect(shownFields(STUDY_VISIT)).toEqual([
      'units',
      'travellers',
      'nights',
      'destination',
      'dayRateEur',
      'fundingSource',
    ]);
    expect(shownFields(MATCHMAKING)).toEqual(['entities', 'fundingSource']);
  });

  it('send only the parameters the model needs, as numbers', () => {
    const values = { ...empty, units: '2', nights: 0, destination: 'CN', months: 4, entities: 3 };
    expect(parametersOf(values, STUDY_VISIT)).toEqual({ units: 2, nights: 0, destination: 'CN' });
    expect(parametersOf(values, TRAINING)).toEqual({ units: 2 });
    expect(parametersOf(empty, TRAINING)).toEqual({});
    expect(dayRateOf(empty, TRAINING)).toEqual({});
    expect(dayRateOf({ ...empty, dayRateEur: '480.5' }, TRAINING)).toEqual({ dayRateEur: 480.5 });
    expect(dayRateOf({ ...empty, dayRateEur: '480.5' }, MATCHMAKING)).toEqual({});
  });

  it('name each missing input in plain words', () => {
    expect(validateEstimate(empty, STUDY_VISIT)).toEqual({
      units: 'Give the number of missions.',
      travellers: 'Give the number of travellers on each mission.',
      nights: 'Give the nights away on each mission (0 for a day trip).',
      destination: 'Choose the country the travellers go to.',
    });
    expect(validateEstimate(empty, MATCHMAKING)).toEqual({
      entities: 'Give the number of participating organisations.',
    });
    expect(validateEstimate(empty, { parameters: [], usesDayRate: false })).toEqual({});
  });

  it('refuse negative, fractional and out-of-range counts, an unknown destination and a bad day rate', () => {
    const values = { ...empty, units: -2, travellers: 2.5, nights: 366, destination: 'XX', dayRateEur: -5 };
    expect(validateEstimate(values, STUDY_VISIT)).toEqual({
      units: 'must be a whole number from 1 to 1,000',
      travellers: 'must be a whole number from 1 to 100',
      nights: 'must be a whole number from 0 to 365',
      destination: 'is not a country: choose one from the list',
      dayRateEur: 'must not be negative',
    });
    // Inputs the model does not use are not checked.
    expect(validateEstimate({ ...values, units: 1 }, TRAINING)).toEqual({
      dayRateEur: 'must not be negative',
    });
  });
});

describe('the server’s estimate errors', () => {
  const error = new ApiError({
    type: 'about:blank',
    title: 'Invalid input',
    status: 400,
    detail: 'The request has invalid fields.',
    errors: [
      { field: 'body.parameters.units', message: 'is required by the training model' },
      { field: 'body.parameters.destination', message: 'is not a country' },
      { field: 'body.dayRateEur', message: 'must be at most 10000' },
      { field: 'body.version', message: 'is stale' },
    ],
  });

  it('land on the input they name', () => {
    expect(estimateFieldErrors(error)).toEqual({
      units: 'is required by the training model',
      destination: 'is not a country',
      dayRateEur: 'must be at most 10000',
    });
    expect(estimateFieldErrors(new Error('x'))).toEqual({});
  });

  it('land only on inputs shown: the others are left to the panel’s alert', () => {
    expect(estimateFieldErrors(error, shownFields(TRAINING))).toEqual({
      units: 'is required by the training model',
      dayRateEur: 'must be at most 10000',
    });
  });
});

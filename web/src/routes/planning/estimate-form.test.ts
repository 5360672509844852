import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client.ts';
import {
  dayRateOf,
  estimateFieldErrors,
  estimateValuesOf,
  parametersOf,
  validateEstimate,
} from './estimate-form.ts';

const empty = estimateValuesOf({}, 'cluster');

describe('the estimate inputs', () => {
  it('are prefilled from the last applied parameters', () => {
    const values = estimateValuesOf({ units: 2, destination: 'JP', dayRateEur: 500 }, 'eu_programme');
    expect(values).toMatchObject({ units: 2, months: '', destination: 'JP', dayRateEur: 500 });
    expect(values.fundingSource).toBe('eu_programme');
  });

  it('send only the parameters given, as numbers', () => {
    expect(parametersOf({ ...empty, units: '2', nights: 0, destination: 'CN' })).toEqual({
      units: 2,
      nights: 0,
      destination: 'CN',
    });
    expect(parametersOf(empty)).toEqual({});
    expect(dayRateOf(empty)).toEqual({});
    expect(dayRateOf({ ...empty, dayRateEur: '480.5' })).toEqual({ dayRateEur: 480.5 });
  });

  it('refuse out-of-range counts, an unknown destination and a bad day rate', () => {
    expect(validateEstimate({ ...empty, units: 0, months: 121, nights: 0, travellers: 2.5 })).toEqual({
      units: 'must be a whole number from 1 to 1000',
      months: 'must be a whole number from 1 to 120',
      travellers: 'must be a whole number from 1 to 100',
    });
    expect(validateEstimate({ ...empty, destination: 'XX', dayRateEur: -5 })).toMatchObject({
      destination: expect.stringContaining('ISO'),
      dayRateEur: 'must not be negative',
    });
    expect(validateEstimate(empty)).toEqual({});
  });
});

describe('the server’s estimate errors', () => {
  it('land on the input they name', () => {
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
    expect(estimateFieldErrors(error)).toEqual({
      units: 'is required by the training model',
      destination: 'is not a country',
      dayRateEur: 'must be at most 10000',
    });
    expect(estimateFieldErrors(new Error('x'))).toEqual({});
  });
});

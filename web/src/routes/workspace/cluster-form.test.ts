import { describe, expect, it } from 'vitest';
import type { ClusterDto } from '../../api/types.ts';
import { bodyOf, type ClusterFormValues, patchOf, validateCluster, valuesOf } from './cluster-form.ts';

const valid: ClusterFormValues = {
  name: 'Nordic Orbit Hub',
  shortName: 'NOH',
  country: 'SE',
  city: 'Kiruna',
  dayRateEur: 480,
  website: '',
};

const cluster: ClusterDto = {
  id: 'c1',
  name: 'Nordic Orbit Hub',
  shortName: 'NOH',
  country: 'SE',
  city: 'Kiruna',
  dayRateEur: 480,
  website: null,
  version: 3,
  createdAt: '2026-11-27T00:00:00.000Z',
  updatedAt: '2026-11-27T00:00:00.000Z',
};

describe('validateCluster mirrors the server’s rules', () => {
  it('accepts a complete cluster', () => {
    expect(validateCluster(valid)).toEqual({});
  });

  it('names every missing required field', () => {
    const errors = validateCluster({
      ...valid,
      name: ' ',
      shortName: '',
      city: '',
      country: '',
      dayRateEur: '',
    });
    expect(Object.keys(errors).sort()).toEqual(['city', 'country', 'dayRateEur', 'name', 'shortName']);
  });

  it.each([
    ['se', 'two capital letters'],
    ['SWE', 'two capital letters'],
    ['XX', 'not a country code'],
    ['EU', 'not a country code'],
  ])('refuses the country %s', (country, message) => {
    expect(validateCluster({ ...valid, country }).country).toContain(message);
  });

  it.each([
    [-1, 'between 0 and 10,000'],
    [10_000.01, 'between 0 and 10,000'],
    [12.345, 'two decimals'],
  ])('refuses the day rate %s', (dayRateEur, message) => {
    expect(validateCluster({ ...valid, dayRateEur }).dayRateEur).toContain(message);
  });

  it('accepts the bounds of the day rate and cents', () => {
    for (const dayRateEur of [0, 10_000, 505.5, 0.01]) {
      expect(validateCluster({ ...valid, dayRateEur })).toEqual({});
    }
  });

  it('accepts only http(s) websites and names overlong fields', () => {
    expect(validateCluster({ ...valid, website: 'ftp://example.org' }).website).toBeDefined();
    expect(validateCluster({ ...valid, website: 'https://example.org' }).website).toBeUndefined();
    expect(validateCluster({ ...valid, shortName: 'x'.repeat(31) }).shortName).toContain('30');
  });
});

describe('request bodies', () => {
  it('trims text and sends no website as null', () => {
    expect(bodyOf({ ...valid, name: '  Nordic Orbit Hub ' })).toEqual({
      name: 'Nordic Orbit Hub',
      shortName: 'NOH',
      country: 'SE',
      city: 'Kiruna',
      dayRateEur: 480,
      website: null,
    });
  });

  it('sends only the changed fields with the version read', () => {
    expect(patchOf(cluster, { ...valuesOf(cluster), city: 'Luleå', dayRateEur: '505.5' })).toEqual({
      version: 3,
      city: 'Luleå',
      dayRateEur: 505.5,
    });
    expect(patchOf(cluster, valuesOf(cluster))).toEqual({ version: 3 });
  });
});

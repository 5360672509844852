import { describe, expect, it } from 'vitest';
import type { MarketDto } from '../../api/types.ts';
import {
  emptyMarketForm,
  type MarketFormValues,
  marketBodyOf,
  marketPatchOf,
  marketValuesOf,
  validateMarket,
} from './market-form.ts';

const valid: MarketFormValues = {
  ...emptyMarketForm(null),
  name: 'Japan — Earth observation',
  country: 'JP',
  segments: ['Earth observation'],
};

const market: MarketDto = {
  id: 'm1',
  name: 'Japan',
  country: 'JP',
  segments: ['Earth observation', 'Satcom'],
  priority: 'high',
  status: 'active',
  rationale: 'Big EO demand',
  findings: '',
  ownerClusterId: null,
  ownerClusterName: null,
  planCount: 1,
  version: 4,
  createdAt: '2026-11-27T00:00:00.000Z',
  updatedAt: '2026-11-27T00:00:00.000Z',
};

describe('validateMarket mirrors the server’s rules', () => {
  it('accepts a complete market', () => {
    expect(validateMarket(valid)).toEqual({});
  });

  it('names the missing name and country', () => {
    expect(Object.keys(validateMarket({ ...valid, name: ' ', country: '' })).sort()).toEqual([
      'country',
      'name',
    ]);
  });

  it('refuses a code that is no country, too many or too long segments, a long rationale', () => {
    expect(validateMarket({ ...valid, country: 'EU' }).country).toContain('not a country code');
    expect(
      validateMarket({ ...valid, segments: Array.from({ length: 21 }, (_, i) => `s${i}`) }).segments,
    ).toBe('at most 20 segments');
    expect(validateMarket({ ...valid, segments: ['x'.repeat(61)] }).segments).toContain('60');
    expect(validateMarket({ ...valid, rationale: 'x'.repeat(5001) }).rationale).toContain('5000');
  });

  it('asks a cluster manager for their cluster', () => {
    expect(validateMarket(valid, true).ownerClusterId).toBeDefined();
    expect(validateMarket({ ...valid, ownerClusterId: 'c1' }, true)).toEqual({});
  });
});

describe('market request bodies', () => {
  it('trims, drops empty and repeated segments, and sends no owner as null', () => {
    expect(marketBodyOf({ ...valid, name: ' Japan ', segments: [' EO ', 'EO', ''] })).toEqual({
      name: 'Japan',
      country: 'JP',
      segments: ['EO'],
      priority: 'medium',
      status: 'exploring',
      rationale: '',
      ownerClusterId: null,
    });
  });

  it('edits the registry’s segment codes as their labels, and sends no change for them', () => {
    const coded = { ...market, segments: ['earth_observation', 'satcom', 'Disaster monitoring'] };
    expect(marketValuesOf(coded).segments).toEqual([
      'Earth observation',
      'Satellite communications',
      'Disaster monitoring',
    ]);
    expect(marketPatchOf(coded, marketValuesOf(coded))).toEqual({ version: 4 });
  });

  it('sends only the changed fields with the version read', () => {
    expect(marketPatchOf(market, marketValuesOf(market))).toEqual({ version: 4 });
    expect(
      marketPatchOf(market, {
        ...marketValuesOf(market),
        status: 'paused',
        segments: ['Satcom'],
        ownerClusterId: 'c2',
      }),
    ).toEqual({ version: 4, status: 'paused', segments: ['Satcom'], ownerClusterId: 'c2' });
  });
});

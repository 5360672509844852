import { describe, expect, it } from 'vitest';
import { numericCountryCode } from './country-codes.ts';

describe('numericCountryCode', () => {
  it('gives the ISO 3166-1 numeric code, zero-padded as world-atlas writes it', () => {
    expect(numericCountryCode('JP')).toBe('392');
    expect(numericCountryCode('AE')).toBe('784');
    expect(numericCountryCode('AU')).toBe('036');
    expect(numericCountryCode('cl')).toBe('152');
  });

  it('is null for a code ISO does not assign', () => {
    expect(numericCountryCode('XX')).toBeNull();
    expect(numericCountryCode('EU')).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { centsToEur, count, eurToCents, formatEur } from './money.ts';

describe('eurToCents', () => {
  it.each([
    [450, 45_000],
    [450.5, 45_050],
    [450.555, 45_056],
    [1.005, 101],
    [2.675, 268],
    [0.125, 13],
    [0.124, 12],
    [0, 0],
    [-1.005, -101],
    [1_234_567.89, 123_456_789],
  ])('rounds %s EUR half up to %s cents', (eur, cents) => {
    expect(eurToCents(eur)).toBe(cents);
  });

  it('rejects what is not a finite amount', () => {
    expect(() => eurToCents(Number.NaN)).toThrow(RangeError);
    expect(() => eurToCents(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe('formatEur', () => {
  it.each([
    [0, '0'],
    [5, '0.05'],
    [45_000, '450'],
    [45_050, '450.50'],
    [360_000, '3,600'],
    [123_456_789, '1,234,567.89'],
    [100_000_000, '1,000,000'],
    [-750_000, '-7,500'],
  ])('writes %s cents as "%s"', (cents, text) => {
    expect(formatEur(cents)).toBe(text);
  });
});

describe('centsToEur and count', () => {
  it('give EUR with two decimals and nouns in the right number', () => {
    expect(centsToEur(123_456)).toBe(1234.56);
    expect(count(1, 'day', 'days')).toBe('1 day');
    expect(count(0, 'night', 'nights')).toBe('0 nights');
    expect(count(1200, 'entity', 'entities')).toBe('1,200 entities');
  });
});

import { describe, expect, it } from 'vitest';
import { sameViewQuery, viewQueryOf } from './view-query.ts';

describe('viewQueryOf', () => {
  it('keeps the set parameters as text, in key order', () => {
    expect(viewQueryOf({ q: 'orbit', limit: 50, segment: undefined, country: '' })).toEqual({
      limit: '50',
      q: 'orbit',
    });
    expect(Object.keys(viewQueryOf({ z: '1', a: '2' }))).toEqual(['a', 'z']);
  });
});

describe('sameViewQuery', () => {
  it('compares parameters whatever their order', () => {
    expect(sameViewQuery({ a: '1', b: '2' }, { b: '2', a: '1' })).toBe(true);
    expect(sameViewQuery({ a: '1' }, { a: '1', b: '2' })).toBe(false);
    expect(sameViewQuery({ a: '1' }, { a: '2' })).toBe(false);
    expect(sameViewQuery({}, {})).toBe(true);
  });
});

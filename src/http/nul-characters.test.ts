import { describe, expect, it } from 'vitest';
import { findNulCharacter } from './nul-characters.ts';

describe('findNulCharacter', () => {
  it('finds the path of the first string with a NUL, in objects and arrays', () => {
    expect(findNulCharacter({ rows: [{ name: 'ok' }, { name: 'a\u0000b' }] })).toBe('rows.1.name');
    expect(findNulCharacter('\u0000')).toBe('');
  });

  it('finds nothing in clean values, numbers, booleans and null', () => {
    expect(
      findNulCharacter({ a: 'text', b: 1, c: true, d: null, e: ['x', { f: '\\u0000' }] }),
    ).toBeUndefined();
    expect(findNulCharacter(undefined)).toBeUndefined();
  });
});

describe('findNulCharacter on deep values', () => {
  it('walks 100,000 levels without running out of stack', () => {
    let deep: unknown = 'a\u0000b';
    for (let i = 0; i < 100_000; i += 1) deep = [deep];
    expect(findNulCharacter(deep)).toBe(`${'0.'.repeat(99_999)}0`);
  });
});

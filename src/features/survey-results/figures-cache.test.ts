import { describe, expect, it } from 'vitest';
import { FiguresCache } from './figures-cache.ts';

describe('FiguresCache', () => {
  it('gives figures back only for the stamp they were computed at', () => {
    const cache = new FiguresCache<number>();
    cache.set('wave', '3@2026-12-01', 42);
    expect(cache.get('wave', '3@2026-12-01')).toBe(42);
    expect(cache.get('wave', '4@2026-12-02')).toBeUndefined();
    expect(cache.get('other', '3@2026-12-01')).toBeUndefined();
    cache.set('wave', '4@2026-12-02', 43);
    expect(cache.get('wave', '3@2026-12-01')).toBeUndefined();
    expect(cache.get('wave', '4@2026-12-02')).toBe(43);
  });

  it('lets the least recently read wave go first when full', () => {
    const cache = new FiguresCache<string>(2);
    cache.set('a', '1', 'A');
    cache.set('b', '1', 'B');
    expect(cache.get('a', '1')).toBe('A');
    cache.set('c', '1', 'C');
    expect(cache.get('b', '1')).toBeUndefined();
    expect(cache.get('a', '1')).toBe('A');
    expect(cache.get('c', '1')).toBe('C');
  });
});

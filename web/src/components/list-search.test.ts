import { describe, expect, it } from 'vitest';
import { hasFilters, type ListSearch, mergeSearch, withoutListFilters } from './list-search.ts';

describe('a list’s filters', () => {
  it('counts anything but the order and the page size as a filter', () => {
    expect(hasFilters({})).toBe(false);
    expect(hasFilters({ limit: 100, sort: '-name' })).toBe(false);
    expect(hasFilters({ segment: 'launch' })).toBe(true);
    expect(hasFilters({ organisation: 'o1' })).toBe(true);
    expect(hasFilters({ q: undefined })).toBe(false);
  });

  it('clears filters but keeps the order and the page size', () => {
    expect(withoutListFilters({ q: 'a', country: 'FR', limit: 100 } as object)).toEqual({ limit: 100 });
    expect(withoutListFilters({ q: 'a' })).toEqual({});
    expect(withoutListFilters({ q: 'a', sort: '-at', status: 'done' } as object)).toEqual({ sort: '-at' });
  });

  it('merges a change into the address, dropping what is set to undefined', () => {
    expect(mergeSearch<ListSearch>({ q: 'orbit', sort: 'name' }, { q: undefined, limit: 50 })).toEqual({
      sort: 'name',
      limit: 50,
    });
    expect(mergeSearch({ status: 'done' }, { status: 'planned' })).toEqual({ status: 'planned' });
  });
});

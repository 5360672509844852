import { describe, expect, it } from 'vitest';
import { nextSort, sortDirection, sortParam } from './list-sort.ts';

describe('sortParam', () => {
  it('keeps a key of the list, ascending or descending', () => {
    expect(sortParam('name', ['name', 'country'])).toBe('name');
    expect(sortParam('-country', ['name', 'country'])).toBe('-country');
  });
  it('drops anything else', () => {
    expect(sortParam('size', ['name'])).toBeUndefined();
    expect(sortParam('--name', ['name'])).toBeUndefined();
    expect(sortParam(3, ['name'])).toBeUndefined();
  });
});

describe('sortDirection', () => {
  it('reads the column of the sort, or of the default order without one', () => {
    expect(sortDirection('name', 'name', 'createdAt')).toBe('ascending');
    expect(sortDirection('-name', 'name', 'createdAt')).toBe('descending');
    expect(sortDirection('-name', 'country', 'createdAt')).toBe('none');
    expect(sortDirection(undefined, 'startsOn', 'startsOn')).toBe('ascending');
  });
});

describe('nextSort', () => {
  it('sorts a new column ascending, then reverses it', () => {
    expect(nextSort(undefined, 'name', 'createdAt')).toBe('name');
    expect(nextSort('name', 'name', 'createdAt')).toBe('-name');
    expect(nextSort('-name', 'name', 'createdAt')).toBe('name');
    expect(nextSort('-name', 'country', 'createdAt')).toBe('country');
  });
  it('starts descending when asked (dates, newest first)', () => {
    expect(nextSort(undefined, 'updatedAt', 'createdAt', true)).toBe('-updatedAt');
  });
  it('leaves the default order out of the address', () => {
    expect(nextSort(undefined, 'startsOn', 'startsOn')).toBe('-startsOn');
    expect(nextSort('-startsOn', 'startsOn', 'startsOn')).toBeUndefined();
    expect(nextSort('at', 'at', '-at')).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { hasFilters, withoutListFilters } from '../../components/list-search.ts';
import {
  membersApiQuery,
  membersExportQuery,
  parseMembersSearch,
  parsePeopleSearch,
  peopleApiQuery,
  peopleExportQuery,
} from './search-params.ts';

describe('parseMembersSearch reads the address leniently', () => {
  it('keeps every known filter', () => {
    expect(
      parseMembersSearch({
        q: 'orbit',
        cluster: 'c1',
        country: 'BE',
        segment: 'satcom',
        type: 'sme',
        limit: 50,
      }),
    ).toEqual({ q: 'orbit', cluster: 'c1', country: 'BE', segment: 'satcom', type: 'sme', limit: 50 });
  });

  it('drops unknown values, blank text and the default page size', () => {
    expect(
      parseMembersSearch({ q: '  ', country: 'be', segment: 'moon', type: 'startup', limit: 25, other: 'x' }),
    ).toEqual({});
    expect(parseMembersSearch({ limit: 7 })).toEqual({});
    expect(parseMembersSearch({ limit: '100' })).toEqual({ limit: 100 });
  });
});

describe('parsePeopleSearch', () => {
  it('keeps the search and organisation, drops the rest', () => {
    expect(parsePeopleSearch({ q: 'anna', organisation: 'o1', cluster: 'c1' })).toEqual({
      q: 'anna',
      organisation: 'o1',
    });
    expect(parsePeopleSearch({ q: 'x'.repeat(101) })).toEqual({});
  });
});

describe('API queries', () => {
  it('sends the filters, the page size (default 25) and the cursor', () => {
    expect(membersApiQuery({ q: ' orbit ', segment: 'satcom' }, null)).toEqual({
      q: 'orbit',
      segment: 'satcom',
      limit: 25,
    });
    expect(membersApiQuery({ cluster: 'c1', limit: 100 }, 'next')).toEqual({
      cluster: 'c1',
      limit: 100,
      cursor: 'next',
    });
    expect(peopleApiQuery({ organisation: 'o1' }, 'abc')).toEqual({
      organisation: 'o1',
      limit: 25,
      cursor: 'abc',
    });
  });

  it('exports with the same filters, without paging', () => {
    expect(membersExportQuery({ q: ' orbit ', country: 'BE', limit: 100 }, 'xlsx')).toEqual({
      q: 'orbit',
      country: 'BE',
      format: 'xlsx',
    });
    expect(peopleExportQuery({ organisation: 'o1', limit: 50 }, 'csv')).toEqual({
      organisation: 'o1',
      format: 'csv',
    });
  });
});

describe('the order of the registry lists', () => {
  it('keeps a sort of the list, drops another list’s or an unknown one', () => {
    expect(parseMembersSearch({ sort: '-country' })).toEqual({ sort: '-country' });
    expect(parseMembersSearch({ sort: 'email' })).toEqual({});
    expect(parsePeopleSearch({ sort: 'email' })).toEqual({ sort: 'email' });
    expect(parsePeopleSearch({ sort: 'cluster' })).toEqual({});
  });

  it('is no filter, stays when the filters are cleared, and goes to the API and the export', () => {
    expect(hasFilters({ sort: 'name' })).toBe(false);
    expect(withoutListFilters({ q: 'a', sort: '-name', limit: 50 })).toEqual({ sort: '-name', limit: 50 });
    expect(membersApiQuery({ sort: 'cluster' }, null)).toEqual({ sort: 'cluster', limit: 25 });
    expect(peopleExportQuery({ sort: '-email' }, 'csv')).toEqual({ sort: '-email', format: 'csv' });
  });
});

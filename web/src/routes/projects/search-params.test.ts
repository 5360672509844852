import { describe, expect, it } from 'vitest';
import { hasFilters, parseProjectsSearch, projectsApiQuery } from './search-params.ts';

describe('the projects list filters in the address', () => {
  it('keeps known values and drops the rest', () => {
    expect(
      parseProjectsSearch({
        q: 'lunar',
        status: 'idea,won,completed',
        programme: 'esa',
        clusterId: 'c1',
        commonLabel: 'true',
        internationalFunding: 'no',
      }),
    ).toEqual({
      q: 'lunar',
      status: ['idea', 'completed'],
      programme: 'esa',
      clusterId: 'c1',
      commonLabel: true,
    });
    expect(parseProjectsSearch({ status: 'won', programme: 'lottery', q: '' })).toEqual({});
    expect(parseProjectsSearch({ status: ['funded', 'running'] })).toEqual({ status: ['funded', 'running'] });
  });

  it('becomes the API query', () => {
    expect(
      projectsApiQuery({ status: ['idea', 'proposal'], programme: 'esa', commonLabel: true }, 'abc'),
    ).toEqual({
      limit: 50,
      status: 'idea,proposal',
      fundingProgramme: 'esa',
      commonLabel: 'true',
      cursor: 'abc',
    });
    expect(hasFilters({})).toBe(false);
    expect(hasFilters({ q: 'x' })).toBe(true);
  });
});

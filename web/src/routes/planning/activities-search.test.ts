import { describe, expect, it } from 'vitest';
import {
  activitiesApiQuery,
  activitiesFiltered,
  activitiesListSearch,
  parseActivitiesSearch,
} from './activities-search.ts';

describe('parseActivitiesSearch', () => {
  it('keeps the known filters, the sort and the instrument to plan', () => {
    expect(
      parseActivitiesSearch({
        q: 'forum',
        status: 'done',
        marketId: 'm1',
        instrument: 'study-visits',
        clusterId: 'c1',
        sort: '-title',
        new: 'newsletter',
      }),
    ).toEqual({
      q: 'forum',
      status: 'done',
      marketId: 'm1',
      instrument: 'study-visits',
      clusterId: 'c1',
      sort: '-title',
      new: 'newsletter',
    });
  });
  it('drops what it does not know', () => {
    expect(parseActivitiesSearch({ status: 'lost', sort: 'budget', q: '  ', page: 3 })).toEqual({});
  });
});

describe('activitiesApiQuery', () => {
  it('names the instrument as the API does and pages', () => {
    expect(activitiesApiQuery({ instrument: '1.1.3', sort: 'status', q: ' fair ' }, 'c')).toEqual({
      instrumentKey: '1.1.3',
      sort: 'status',
      q: 'fair',
      limit: 50,
      cursor: 'c',
    });
  });
});

describe('activitiesListSearch and activitiesFiltered', () => {
  it('leave out the form to open, which is no filter', () => {
    expect(activitiesListSearch({ new: 'x', status: 'done' })).toEqual({ status: 'done' });
    expect(activitiesFiltered({ new: 'x', sort: 'title' })).toBe(false);
    expect(activitiesFiltered({ marketId: 'm' })).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { parsePlanSearch, planSearchOf, planTabOf } from './plan-tabs.ts';

describe('the plan page’s tab in the address', () => {
  it('is read leniently: the timeline unless a known tab is named', () => {
    expect(parsePlanSearch({ tab: 'kpis' })).toEqual({ tab: 'kpis' });
    expect(parsePlanSearch({ tab: 'instruments', other: 1 })).toEqual({ tab: 'instruments' });
    expect(parsePlanSearch({ tab: 'budget' })).toEqual({});
    expect(parsePlanSearch({ tab: 'timeline' })).toEqual({});
    expect(parsePlanSearch({})).toEqual({});
    expect(planTabOf({})).toBe('timeline');
    expect(planTabOf({ tab: 'kpis' })).toBe('kpis');
  });

  it('is written without a parameter for the timeline', () => {
    expect(planSearchOf('timeline')).toEqual({});
    expect(planSearchOf(null)).toEqual({});
    expect(planSearchOf('kpis')).toEqual({ tab: 'kpis' });
  });
});

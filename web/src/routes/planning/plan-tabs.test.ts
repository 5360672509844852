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

  it('keeps the instrument of a new activity to plan, without its tab', () => {
    expect(parsePlanSearch({ new: 'study-visits' })).toEqual({ new: 'study-visits' });
    expect(parsePlanSearch({ new: 'study-visits', tab: 'kpis' })).toEqual({
      tab: 'kpis',
      new: 'study-visits',
    });
    expect(parsePlanSearch({ new: '' })).toEqual({});
    expect(parsePlanSearch({ new: 'x'.repeat(101) })).toEqual({});
    expect(parsePlanSearch({ new: 3 })).toEqual({});
    // Changing the tab drops it: the form was opened once.
    expect(planSearchOf('instruments')).toEqual({ tab: 'instruments' });
  });

  it('is written without a parameter for the timeline', () => {
    expect(planSearchOf('timeline')).toEqual({});
    expect(planSearchOf(null)).toEqual({});
    expect(planSearchOf('kpis')).toEqual({ tab: 'kpis' });
  });
});

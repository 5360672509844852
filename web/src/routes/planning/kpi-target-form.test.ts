import { describe, expect, it } from 'vitest';
import {
  kpiTargetBodyOf,
  kpiTargetPatchOf,
  kpiTargetValuesOf,
  validateKpiTarget,
} from './kpi-target-form.ts';

describe('the KPI target form', () => {
  it('starts empty for a new target and from the value of an existing one', () => {
    expect(kpiTargetValuesOf(null)).toEqual({ value: '' });
    expect(kpiTargetValuesOf({ id: 't1', value: 40, version: 2 })).toEqual({ value: 40 });
  });

  it('checks the value by the KPI’s kind, as a target', () => {
    expect(validateKpiTarget('count', { value: '' })).toEqual({ value: 'is required' });
    expect(validateKpiTarget('count', { value: 2.5 })).toEqual({ value: 'must be a whole number' });
    expect(validateKpiTarget('money', { value: -5 })).toEqual({ value: 'must not be negative' });
    expect(validateKpiTarget('rating', { value: 4 })).toEqual({});
  });

  it('sends an activity’s target, a plan instrument’s, or a Hub KPI’s of a plan', () => {
    expect(kpiTargetBodyOf({ activityId: 'a1' }, 'contacts_mapped', { value: '40' })).toEqual({
      activityId: 'a1',
      kpiKey: 'contacts_mapped',
      value: 40,
    });
    expect(kpiTargetBodyOf({ planId: 'p1', instrumentId: 'i1' }, 'contacts_mapped', { value: 120 })).toEqual({
      planId: 'p1',
      instrumentId: 'i1',
      kpiKey: 'contacts_mapped',
      value: 120,
    });
    expect(kpiTargetBodyOf({ planId: 'p1', instrumentId: null }, 'held_activities', { value: 8 })).toEqual({
      planId: 'p1',
      instrumentId: null,
      kpiKey: 'held_activities',
      value: 8,
    });
  });

  it('sends an edit with the version read', () => {
    expect(kpiTargetPatchOf({ id: 't1', value: 40, version: 3 }, { value: '45.5' })).toEqual({
      value: 45.5,
      version: 3,
    });
  });
});

import { describe, expect, it } from 'vitest';
import {
  formatKpiValue,
  formatProgress,
  type KpiFigure,
  kpiId,
  kpiName,
  programmeGroup,
  splitKpis,
} from './kpi-figures.ts';

const kpi = (overrides: Partial<KpiFigure>): KpiFigure => ({
  instrumentId: null,
  instrumentName: null,
  kpiKey: 'held_activities',
  label: 'Activities held',
  kind: 'count',
  unit: 'activities',
  target: null,
  actual: 3,
  progress: null,
  ...overrides,
});

describe('KPI values', () => {
  it('are written by their kind', () => {
    expect(formatKpiValue('money', 1250.5)).toBe('€1,250.50');
    expect(formatKpiValue('count', 1204)).toBe('1,204');
    expect(formatKpiValue('percent', 42.46)).toBe('42.5%');
    expect(formatKpiValue('rating', 4.25)).toBe('4.3 / 5');
    expect(formatProgress(0.756)).toBe('76%');
  });

  it('name their instrument when asked and when they have one', () => {
    const visits = kpi({ label: 'Visits', instrumentId: 'i1', instrumentName: '1.1.3 Study Visits' });
    expect(kpiName(visits, true)).toBe('Visits · 1.1.3 Study Visits');
    expect(kpiName(visits, false)).toBe('Visits');
    expect(kpiName(kpi({}), true)).toBe('Activities held');
  });

  it('are told apart by instrument and key', () => {
    expect(kpiId(kpi({}))).toBe('*:held_activities');
    expect(kpiId(kpi({ instrumentId: 'i1', kpiKey: 'visits' }))).toBe('i1:visits');
  });
});

describe('splitKpis', () => {
  it('charts numbers with a target above 0, lists texts apart', () => {
    const held = kpi({ target: 4, progress: 0.75 });
    const noValueYet = kpi({ kpiKey: 'rating', kind: 'rating', target: 4, actual: null });
    const zeroTarget = kpi({ kpiKey: 'z', target: 0 });
    const noTarget = kpi({ kpiKey: 'present_participants' });
    const story = kpi({ kpiKey: 'story', kind: 'text', actual: null });
    const split = splitKpis([held, noValueYet, zeroTarget, noTarget, story]);
    expect(split.numeric).toEqual([held, noValueYet, zeroTarget, noTarget]);
    expect(split.withTarget).toEqual([held, noValueYet]);
    expect(split.texts).toEqual([story]);
  });
});

describe('the whole programme’s group', () => {
  it('holds the Hub-wide KPIs of the workspace roll-up when one has a target (a plan’s, say)', () => {
    const present = kpi({ kpiKey: 'present_participants', label: 'Participants present', target: 25 });
    const visits = kpi({ kpiKey: 'visits', instrumentId: 'i1', target: 4 });
    const group = { key: 'workspace', label: 'All activities', kpis: [kpi({}), present, visits] };
    expect(programmeGroup(group, 'Whole programme')).toEqual({
      key: 'workspace',
      label: 'Whole programme',
      kpis: [kpi({}), present],
    });
  });

  it('is left out when no Hub-wide KPI has a target', () => {
    const group = {
      label: 'All activities',
      kpis: [kpi({}), kpi({ kpiKey: 'v', instrumentId: 'i1', target: 4 })],
    };
    expect(programmeGroup(group, 'Whole programme')).toBeUndefined();
    expect(programmeGroup(undefined, 'Whole programme')).toBeUndefined();
  });
});

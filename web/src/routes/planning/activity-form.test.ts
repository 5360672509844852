import { describe, expect, it } from 'vitest';
import type { ActivityDetailDto } from '../../api/types.ts';
import {
  activityBodyOf,
  activityInstrumentGroups,
  activityPatchOf,
  activityValuesOf,
  defaultActivityDay,
  emptyActivityForm,
  validateActivity,
} from './activity-form.ts';

const period = { startsOn: '2027-01-01', endsOn: '2027-12-31' };
const valid = { ...emptyActivityForm(period, '2027-03-10'), instrumentKey: 'newsletter', title: 'Issue 1' };

const activity: ActivityDetailDto = {
  id: 'a1',
  planId: 'p1',
  planName: 'Plan',
  marketId: 'm1',
  marketName: 'Japan',
  marketCountry: 'JP',
  title: 'Training',
  instrumentKey: 'training-to-go-international',
  instrumentCode: '1.1.1',
  instrumentName: 'Training',
  phase: 'preparatory',
  startsOn: '2027-02-01',
  endsOn: '2027-02-02',
  status: 'planned',
  city: null,
  country: null,
  clusterId: 'c1',
  clusterShortName: 'BSN',
  outcomeNotes: '',
  estimateParameters: {},
  participants: [],
  budget: null,
  version: 5,
  createdAt: '2026-11-27T00:00:00.000Z',
  updatedAt: '2026-11-27T00:00:00.000Z',
};

describe('a new activity’s dates', () => {
  it('start today when the plan runs today, else on the plan’s first day', () => {
    expect(defaultActivityDay(period, '2027-03-10')).toBe('2027-03-10');
    expect(defaultActivityDay(period, '2026-11-27')).toBe('2027-01-01');
    expect(defaultActivityDay(period, '2028-01-01')).toBe('2027-01-01');
    expect(defaultActivityDay(null, '2026-11-27')).toBe('2026-11-27');
  });
});

describe('validateActivity mirrors the server’s rules', () => {
  it('accepts a complete activity inside the plan', () => {
    expect(validateActivity(valid, period)).toEqual({});
  });

  it('names the missing instrument and title', () => {
    expect(Object.keys(validateActivity({ ...valid, instrumentKey: '', title: ' ' }, period)).sort()).toEqual(
      ['instrumentKey', 'title'],
    );
  });

  it('refuses an end before the start and dates outside the plan’s period', () => {
    expect(validateActivity({ ...valid, endsOn: '2027-03-09' }, period).endsOn).toBe(
      'must not be before the start date',
    );
    const outside = validateActivity({ ...valid, startsOn: '2026-12-31', endsOn: '2028-01-01' }, period);
    expect(outside.startsOn).toContain('inside the plan’s period (2027-01-01 to 2027-12-31)');
    expect(outside.endsOn).toContain('inside the plan’s period');
    expect(validateActivity({ ...valid, startsOn: '2026-12-31' }, null)).toEqual({});
  });

  it('refuses an unknown country and asks a cluster manager for their cluster', () => {
    expect(validateActivity({ ...valid, country: 'XX' }, period).country).toContain('not a country code');
    expect(validateActivity(valid, period, true).clusterId).toBe('is required');
  });
});

describe('activity request bodies', () => {
  it('send empty optional fields as null', () => {
    expect(activityBodyOf(valid, 'p1')).toEqual({
      planId: 'p1',
      instrumentKey: 'newsletter',
      title: 'Issue 1',
      startsOn: '2027-03-10',
      endsOn: '2027-03-10',
      city: null,
      country: null,
      clusterId: null,
      status: 'planned',
      outcomeNotes: '',
    });
  });

  it('send only the changed fields with the version read', () => {
    expect(activityPatchOf(activity, activityValuesOf(activity))).toEqual({ version: 5 });
    expect(
      activityPatchOf(activity, {
        ...activityValuesOf(activity),
        city: 'Tokyo',
        clusterId: '',
        status: 'done',
      }),
    ).toEqual({ version: 5, city: 'Tokyo', clusterId: null, status: 'done' });
  });
});

describe('the instrument options', () => {
  const catalogue = [
    { key: 'fairs', code: '1.2.10', name: 'Fairs' },
    { key: 'match', code: '1.2.2', name: 'Matchmaking' },
    { key: 'train', code: '1.1.1', name: 'Training' },
  ];

  it('offer the plan’s instruments first, then the others by code', () => {
    expect(activityInstrumentGroups(catalogue, ['match'])).toEqual([
      { group: 'Instruments of this plan', items: [{ value: 'match', label: '1.2.2 Matchmaking' }] },
      {
        group: 'Other instruments',
        items: [
          { value: 'train', label: '1.1.1 Training' },
          { value: 'fairs', label: '1.2.10 Fairs' },
        ],
      },
    ]);
  });

  it('offer all instruments in one group without a plan', () => {
    expect(activityInstrumentGroups(catalogue, [])[0]?.items.map((i) => i.value)).toEqual([
      'train',
      'match',
      'fairs',
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { parseRecordsSearch, recordsSearchOf } from './records-search.ts';

describe('the KPI records address', () => {
  it('keeps every valid part', () => {
    const search = {
      kpiKey: 'held_activities',
      instrumentId: 'i1',
      groupBy: 'instrument',
      groupKey: 'i1',
      from: '2026-01-01',
      to: '2026-12-31',
      marketId: 'm1',
    };
    expect(parseRecordsSearch(search)).toEqual(search);
  });

  it('drops unknown groupings, malformed days, empty values, and a group key without its grouping', () => {
    expect(
      parseRecordsSearch({
        kpiKey: '',
        groupBy: 'colour',
        groupKey: 'x',
        from: '2026-02-30',
        to: 'tomorrow',
      }),
    ).toEqual({});
    expect(parseRecordsSearch({ kpiKey: 'k', groupKey: 'x' })).toEqual({ kpiKey: 'k' });
  });

  it('is built from a number of the roll-up: no instrument for a Hub-wide KPI, `none` for the null group', () => {
    const period = { from: '2026-01-01', to: '2026-12-31' };
    expect(
      recordsSearchOf({
        kpi: { kpiKey: 'visits', instrumentId: 'i1' },
        groupBy: 'phase',
        groupKey: 'leads',
        period,
        marketId: 'm1',
      }),
    ).toEqual({
      kpiKey: 'visits',
      instrumentId: 'i1',
      groupBy: 'phase',
      groupKey: 'leads',
      from: '2026-01-01',
      to: '2026-12-31',
      marketId: 'm1',
    });
    expect(
      recordsSearchOf({
        kpi: { kpiKey: 'held_activities', instrumentId: null },
        groupBy: 'workspace',
        groupKey: null,
        period,
        marketId: undefined,
      }),
    ).toEqual({
      kpiKey: 'held_activities',
      groupBy: 'workspace',
      groupKey: 'none',
      from: '2026-01-01',
      to: '2026-12-31',
    });
  });
});

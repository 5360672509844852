import { describe, expect, it } from 'vitest';
import type { KpiEntryDto } from '../../api/types.ts';
import {
  emptyKpiEntryForm,
  kpiEntryBodyOf,
  kpiEntryPatchOf,
  kpiEntryValuesOf,
  validateKpiEntry,
} from './kpi-entry-form.ts';

const TODAY = '2026-12-04';
const entry: KpiEntryDto = {
  id: 'e1',
  activityId: 'a1',
  kpiKey: 'sales_volume_variation',
  kind: 'money',
  value: -250.75,
  recordedOn: '2026-11-30',
  comment: 'Fewer orders',
  author: { id: 'u1', name: 'Ada' },
  version: 2,
  createdAt: '2026-11-30T10:00:00.000Z',
  updatedAt: '2026-11-30T10:00:00.000Z',
};

describe('validateKpiEntry mirrors the server’s rules', () => {
  it('wants a value of the kind, a real day at most a year ahead, a comment of at most 2,000 characters', () => {
    expect(validateKpiEntry('count', emptyKpiEntryForm(TODAY), TODAY)).toEqual({ value: 'is required' });
    expect(
      validateKpiEntry('count', { value: -2, recordedOn: '2028-01-01', comment: 'c'.repeat(2_001) }, TODAY),
    ).toEqual({
      value: 'must not be negative',
      recordedOn: 'must not be more than a year from today',
      comment: 'must be at most 2,000 characters',
    });
    expect(validateKpiEntry('rating', { value: 4, recordedOn: '2026-02-30', comment: '' }, TODAY)).toEqual({
      recordedOn: 'must be a date (YYYY-MM-DD)',
    });
  });

  it('accepts a fall in sales and a remark', () => {
    expect(validateKpiEntry('money', { value: -250.75, recordedOn: TODAY, comment: '' }, TODAY)).toEqual({});
    expect(
      validateKpiEntry('text', { value: 'Local stock wanted', recordedOn: TODAY, comment: '' }, TODAY),
    ).toEqual({});
  });
});

describe('KPI entry request bodies', () => {
  it('send numbers as numbers and text trimmed', () => {
    expect(
      kpiEntryBodyOf('a1', 'contacts_mapped', 'count', { value: '12', recordedOn: TODAY, comment: ' Fair ' }),
    ).toEqual({ activityId: 'a1', kpiKey: 'contacts_mapped', value: 12, recordedOn: TODAY, comment: 'Fair' });
    expect(
      kpiEntryBodyOf('a1', 'remarks_on_visited_market', 'text', {
        value: ' Slow ',
        recordedOn: TODAY,
        comment: '',
      }),
    ).toMatchObject({ value: 'Slow' });
  });

  it('send only what changed, with the version read', () => {
    expect(kpiEntryPatchOf(entry, kpiEntryValuesOf(entry))).toEqual({ version: 2 });
    expect(kpiEntryPatchOf(entry, { ...kpiEntryValuesOf(entry), value: '-300' })).toEqual({
      version: 2,
      value: -300,
    });
  });
});

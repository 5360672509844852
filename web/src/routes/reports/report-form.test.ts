import { describe, expect, it } from 'vitest';
import {
  defaultReportForm,
  isFinished,
  lastAllowedTo,
  parseReportSearch,
  percentOf,
  reportParamsOf,
  validateReportForm,
} from './report-form.ts';

describe('report form', () => {
  it('proposes the current calendar year as a PDF', () => {
    expect(defaultReportForm(new Date(2026, 6, 15))).toEqual({
      from: '2026-01-01',
      to: '2026-12-31',
      format: 'pdf',
      marketId: '',
    });
  });

  it('takes the period and market the dashboard showed, from the address', () => {
    const search = parseReportSearch({ from: '2027-01-01', to: '2027-12-31', marketId: 'm1' });
    expect(search).toEqual({ from: '2027-01-01', to: '2027-12-31', marketId: 'm1' });
    expect(defaultReportForm(new Date(2026, 6, 15), search)).toEqual({
      from: '2027-01-01',
      to: '2027-12-31',
      format: 'pdf',
      marketId: 'm1',
    });
    // A period out of order, one day alone or a malformed day is dropped; the market stays.
    expect(parseReportSearch({ from: '2027-12-31', to: '2027-01-01', marketId: 'm1' })).toEqual({
      marketId: 'm1',
    });
    expect(parseReportSearch({ from: '2027-01-01' })).toEqual({});
    expect(parseReportSearch({ from: '2027-02-30', to: '2027-03-01', marketId: '' })).toEqual({});
  });

  it('accepts a period of up to ten years, as the server does', () => {
    expect(lastAllowedTo('2026-01-01')).toBe('2035-12-31');
    expect(lastAllowedTo('2024-02-29')).toBe('2034-02-28');
    expect(
      validateReportForm({ from: '2026-01-01', to: '2035-12-31', format: 'xlsx', marketId: '' }),
    ).toEqual({});
    expect(
      validateReportForm({ from: '2026-01-01', to: '2036-01-01', format: 'xlsx', marketId: '' }),
    ).toEqual({
      to: 'A report covers at most 10 years',
    });
  });

  it('names each date that is missing, malformed or out of order', () => {
    expect(validateReportForm({ from: '', to: '2026-02-30', format: 'pdf', marketId: '' })).toEqual({
      from: 'Enter a date',
      to: 'Enter a date as YYYY-MM-DD',
    });
    expect(validateReportForm({ from: '2026-05-01', to: '2026-04-30', format: 'pdf', marketId: '' })).toEqual(
      {
        to: 'Must not be before From',
      },
    );
  });

  it('reads a job: finished or not, its report parameters, its progress in whole percent', () => {
    expect(isFinished({ status: 'running' })).toBe(false);
    expect(isFinished({ status: 'failed' })).toBe(true);
    expect(reportParamsOf({ params: { from: '2026-01-01', to: '2026-12-31', format: 'xlsx' } })).toEqual({
      from: '2026-01-01',
      to: '2026-12-31',
      format: 'xlsx',
      marketId: '',
    });
    expect(
      reportParamsOf({ params: { from: '2026-01-01', to: '2026-12-31', format: 'pdf', marketId: 'm1' } })
        ?.marketId,
    ).toBe('m1');
    expect(reportParamsOf({ params: { from: 1 } })).toBeNull();
    expect(percentOf(0.456)).toBe(46);
    expect(percentOf(1.2)).toBe(100);
  });
});

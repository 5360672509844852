import { describe, expect, it } from 'vitest';
import {
  defaultReportForm,
  isFinished,
  lastAllowedTo,
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
    });
  });

  it('accepts a period of up to ten years, as the server does', () => {
    expect(lastAllowedTo('2026-01-01')).toBe('2035-12-31');
    expect(lastAllowedTo('2024-02-29')).toBe('2034-02-28');
    expect(validateReportForm({ from: '2026-01-01', to: '2035-12-31', format: 'xlsx' })).toEqual({});
    expect(validateReportForm({ from: '2026-01-01', to: '2036-01-01', format: 'xlsx' })).toEqual({
      to: 'A report covers at most 10 years',
    });
  });

  it('names each date that is missing, malformed or out of order', () => {
    expect(validateReportForm({ from: '', to: '2026-02-30', format: 'pdf' })).toEqual({
      from: 'Enter a date',
      to: 'Enter a date as YYYY-MM-DD',
    });
    expect(validateReportForm({ from: '2026-05-01', to: '2026-04-30', format: 'pdf' })).toEqual({
      to: 'Must not be before From',
    });
  });

  it('reads a job: finished or not, its report parameters, its progress in whole percent', () => {
    expect(isFinished({ status: 'running' })).toBe(false);
    expect(isFinished({ status: 'failed' })).toBe(true);
    expect(reportParamsOf({ params: { from: '2026-01-01', to: '2026-12-31', format: 'xlsx' } })).toEqual({
      from: '2026-01-01',
      to: '2026-12-31',
      format: 'xlsx',
    });
    expect(reportParamsOf({ params: { from: 1 } })).toBeNull();
    expect(percentOf(0.456)).toBe(46);
    expect(percentOf(1.2)).toBe(100);
  });
});

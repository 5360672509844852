import { describe, expect, it } from 'vitest';
import { formatEur, formatKpiValue, formatPeriod, formatProgress, reportFileName } from './format.ts';
import { pdfText } from './pdf-layout.ts';

describe('report formatting', () => {
  it('writes EUR with grouped thousands and two decimals', () => {
    expect(formatEur(12345.5)).toBe('12,345.50');
    expect(formatEur(0)).toBe('0.00');
    expect(formatEur(-3.2)).toBe('-3.20');
  });

  it('writes progress as a whole percentage, a dash without one', () => {
    expect(formatProgress(0.456)).toBe('46%');
    expect(formatProgress(1.2)).toBe('120%');
    expect(formatProgress(null)).toBe('–');
  });

  it('writes a period with month names', () => {
    expect(formatPeriod({ from: '2026-01-01', to: '2026-12-31' })).toBe('1 January 2026 – 31 December 2026');
  });

  it('writes a KPI value by its kind', () => {
    expect(formatKpiValue(1500, 'money', 'EUR')).toBe('1,500.00 EUR');
    expect(formatKpiValue(12, 'count', 'participants')).toBe('12 participants');
    expect(formatKpiValue(4.25, 'rating', '1–5')).toBe('4.25');
    expect(formatKpiValue(80, 'percent', '%')).toBe('80%');
    expect(formatKpiValue(null, 'count', 'participants')).toBe('–');
  });

  it('names the file after the workspace and the period, with safe characters only', () => {
    expect(reportFileName('orbit partners/é', { from: '2026-01-01', to: '2026-12-31' }, 'pdf')).toBe(
      'funder-report-orbit-partners-2026-01-01-to-2026-12-31.pdf',
    );
    expect(
      reportFileName('demo', { from: '2027-01-01', to: '2027-12-31' }, 'xlsx', 'Japan — Tōkyō fairs'),
    ).toBe('funder-report-demo-japan-tokyo-fairs-2027-01-01-to-2027-12-31.xlsx');
  });

  it('keeps every letter for the embedded Noto fonts, composing accents', () => {
    expect(pdfText('Café – “Zürich” €5')).toBe('Café – “Zürich” €5');
    expect(pdfText('Tōkyō, Łódź, Ελλάδα, 東京')).toBe('Tōkyō, Łódź, Ελλάδα, 東京');
    expect(pdfText('Cafe\u0301')).toBe('Café');
  });

  it('writes figures and dates in the report’s locale', () => {
    expect(formatEur(12345.5, 'fr')).toMatch(/^12\s345,50$/u);
    expect(formatPeriod({ from: '2026-03-01', to: '2026-03-31' }, 'pl')).toBe('1 marca 2026 – 31 marca 2026');
    expect(formatProgress(0.456, 'fr')).toMatch(/^46\s%$/u);
  });
});

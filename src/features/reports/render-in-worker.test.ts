import { describe, expect, it } from 'vitest';
import { pdfText, readWorkbook, sheetRows } from '../../../test/support/report-files.ts';
import { renderPdf } from './pdf.ts';
import { renderInWorker } from './render-in-worker.ts';
import type { ReportData } from './report-data.ts';
import { renderXlsx } from './xlsx.ts';

/** A small report with a bit of everything: KPIs with and without targets, texts, budgets, activities. */
function reportData(): ReportData {
  const activities = Array.from({ length: 40 }, (_, i) => ({
    title: `Trade mission ${i}`,
    instrument: '1.1.3 Study Visits',
    market: i % 3 === 0 ? null : 'Japan',
    startsOn: `2026-${String((i % 12) + 1).padStart(2, '0')}-01`,
    endsOn: `2026-${String((i % 12) + 1).padStart(2, '0')}-05`,
    status: i % 4 === 0 ? 'done' : 'planned',
    plannedEur: 1000 + i * 10,
    actualEur: i % 4 === 0 ? 900 + i : 0,
  }));
  return {
    workspace: { name: 'Orbit Alliance', slug: 'orbit' },
    period: { from: '2026-01-01', to: '2026-12-31' },
    market: null,
    generatedAt: '2026-12-01T10:00:00.000Z',
    summary: {
      activities: activities.length,
      byStatus: { planned: 30, confirmed: 0, done: 10, cancelled: 0 },
      plannedEur: 45_000,
      actualEur: 9_000,
      heldActivities: 10,
      presentParticipants: 120,
      kpisWithTarget: 2,
      kpisOnTarget: 1,
    },
    kpis: [
      {
        label: 'Hub-wide KPIs',
        activities: 40,
        meanProgress: 0.75,
        kpis: [
          {
            label: 'Participants present',
            kind: 'count',
            unit: null,
            source: 'derived',
            target: 100,
            actual: 120,
            progress: 1.2,
            texts: [],
          },
          {
            label: 'Activities held',
            kind: 'count',
            unit: null,
            source: 'derived',
            target: 40,
            actual: 12,
            progress: 0.3,
            texts: [],
          },
          {
            label: 'Remarks',
            kind: 'text',
            unit: null,
            source: 'entered',
            target: null,
            actual: null,
            progress: null,
            texts: ['Good contacts in Osaka'],
          },
        ],
      },
    ],
    budgetByFundingSource: {
      rows: [{ label: 'EU programme', plannedEur: 45_000, actualEur: 9_000 }],
      plannedEur: 45_000,
      actualEur: 9_000,
    },
    budgetByCategory: {
      rows: [
        { label: 'Travel', plannedEur: 30_000, actualEur: 6_000 },
        { label: 'Staff', plannedEur: 15_000, actualEur: 3_000 },
      ],
      plannedEur: 45_000,
      actualEur: 9_000,
    },
    activities,
  };
}

describe(renderInWorker.name, () => {
  it('should draw the same PDF as drawing on this thread, relaying the progress', async () => {
    const data = reportData();
    const fractions: number[] = [];
    const inWorker = await renderInWorker(data, 'pdf', (fraction) => fractions.push(fraction));
    const here = await renderPdf(data);
    expect(inWorker.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(inWorker);
    expect(text).toContain('Trade mission 39');
    expect(text).toBe(await pdfText(here));
    expect(fractions.length).toBeGreaterThan(0);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
  }, 60_000);

  it('should draw the same XLSX as drawing on this thread', async () => {
    const data = reportData();
    const inWorker = await readWorkbook(await renderInWorker(data, 'xlsx'));
    const here = await readWorkbook(await renderXlsx(data));
    expect(inWorker.worksheets.map((sheet) => sheet.name)).toEqual(
      here.worksheets.map((sheet) => sheet.name),
    );
    for (const sheet of here.worksheets) {
      expect(sheetRows(inWorker, sheet.name)).toEqual(sheetRows(here, sheet.name));
    }
    expect(sheetRows(inWorker, here.worksheets.at(-1)?.name ?? '').length).toBeGreaterThan(0);
  }, 60_000);

  it('should stop with the reason of an abort', async () => {
    const controller = new AbortController();
    const drawing = renderInWorker(reportData(), 'pdf', () => {}, controller.signal);
    controller.abort(new Error('lease lost'));
    await expect(drawing).rejects.toThrow('lease lost');
    const aborted = AbortSignal.abort(new Error('already stopped'));
    await expect(renderInWorker(reportData(), 'pdf', () => {}, aborted)).rejects.toThrow('already stopped');
  }, 60_000);
});

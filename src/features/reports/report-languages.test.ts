import { describe, expect, it } from 'vitest';
import { pdfText, readWorkbook, sheetRows } from '../../../test/support/report-files.ts';
import { LANGUAGES } from '../../domain/i18n/types.ts';
import { reportMessages } from './messages/index.ts';
import { renderPdf } from './pdf.ts';
import type { ReportData } from './report-data.ts';
import { renderXlsx } from './xlsx.ts';

const GREEK = 'Ελληνικός Σύνδεσμος Διαστήματος';
const POLISH = 'Związek Przemysłu Kosmicznego, Łódź';
const CHINESE = '中国航天科技集团';

/** A report whose names are in Greek, Polish and Chinese, as a consortium's data is. */
function multilingualData(): ReportData {
  const names = [GREEK, POLISH, CHINESE];
  const activities = names.map((title, i) => ({
    title,
    instrument: '1.1.3 Study Visits',
    market: i === 2 ? '中国 (China)' : 'Ελλάδα',
    startsOn: `2026-0${i + 3}-10`,
    endsOn: `2026-0${i + 3}-12`,
    status: 'planned',
    plannedEur: 12_345.5,
    actualEur: 0,
  }));
  return {
    workspace: { name: `${GREEK} · ${CHINESE}`, slug: 'orbit' },
    period: { from: '2026-01-01', to: '2026-12-31' },
    market: null,
    generatedAt: '2026-12-01T10:00:00.000Z',
    summary: {
      activities: 3,
      byStatus: { planned: 3, confirmed: 0, done: 0, cancelled: 0 },
      plannedEur: 37_036.5,
      actualEur: 0,
      heldActivities: 0,
      presentParticipants: 0,
      kpisWithTarget: 1,
      kpisOnTarget: 0,
    },
    kpis: [
      {
        label: 'Hub-wide KPIs',
        activities: 3,
        meanProgress: 0.5,
        kpis: [
          {
            label: 'Participants present',
            kind: 'count',
            unit: null,
            source: 'derived',
            target: 10,
            actual: 5,
            progress: 0.5,
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
            texts: [`Met ${CHINESE} in Beijing`, `Κοινή αποστολή με ${POLISH}`],
          },
        ],
      },
    ],
    budgetByFundingSource: {
      rows: [{ label: 'EU programme', plannedEur: 37_036.5, actualEur: 0 }],
      plannedEur: 37_036.5,
      actualEur: 0,
    },
    budgetByCategory: {
      rows: [{ label: 'Travel', plannedEur: 37_036.5, actualEur: 0 }],
      plannedEur: 37_036.5,
      actualEur: 0,
    },
    activities,
  };
}

/** pdf-parse may break a long line; a name is intact when its words follow each other. */
const squeeze = (text: string) => text.replace(/\s+/g, ' ');

describe('funder report in the consortium’s languages', () => {
  it('should print Greek, Polish and Chinese names in the PDF and read them back intact', async () => {
    const text = squeeze(await pdfText(await renderPdf(multilingualData())));
    expect(text).toContain(GREEK);
    expect(text).toContain(POLISH);
    expect(text).toContain(CHINESE);
    expect(text).toContain(`Met ${CHINESE} in Beijing`);
    expect(text).not.toContain('?');
  }, 60_000);

  it('should write the report’s own words, numbers and dates in the chosen language', async () => {
    const text = squeeze(await pdfText(await renderPdf(multilingualData(), () => {}, 'fr')));
    expect(text).toContain('Rapport au financeur');
    expect(text).toContain('1 janvier 2026 – 31 décembre 2026');
    // French groups thousands with a (narrow) no-break space and writes a decimal comma.
    expect(text).toMatch(/12\s345,50/u);
    expect(text).toContain('Page 1 sur');
    const greek = squeeze(await pdfText(await renderPdf(multilingualData(), () => {}, 'el')));
    expect(greek).toContain('Έκθεση προς τον χρηματοδότη');
    expect(greek).toContain(GREEK);
  }, 60_000);

  it('should name the workbook’s sheets and headers in the chosen language, keeping the names', async () => {
    const workbook = await readWorkbook(await renderXlsx(multilingualData(), () => {}, 'pl'));
    const m = reportMessages('pl');
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(Object.values(m.sheets));
    expect(sheetRows(workbook, m.sheets.activities).map((row) => row[0])).toEqual([GREEK, POLISH, CHINESE]);
    expect(workbook.getWorksheet(m.sheets.activities)?.getRow(1).getCell(1).value).toBe('Działanie');
  }, 60_000);

  it('should have report words for every language, with the same keys as English', () => {
    const keys = (value: object) => Object.keys(value).sort();
    for (const language of LANGUAGES) {
      const m = reportMessages(language);
      expect(keys(m), language).toEqual(keys(reportMessages('en')));
      expect(keys(m.sheets), language).toEqual(keys(reportMessages('en').sheets));
      expect(keys(m.status), language).toEqual(keys(reportMessages('en').status));
      expect(keys(m.kpiKind), language).toEqual(keys(reportMessages('en').kpiKind));
      // Excel refuses sheet names longer than 31 characters.
      for (const name of Object.values(m.sheets)) expect(name.length, name).toBeLessThanOrEqual(31);
    }
  });
});

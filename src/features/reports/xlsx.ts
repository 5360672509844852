import { createRequire } from 'node:module';
import type ExcelJS from 'exceljs';
import type { Language } from '../../domain/i18n/types.ts';
import { type ReportMessages, reportMessages } from './messages/index.ts';
import type { RenderProgress } from './pdf.ts';
import { yieldToEventLoop } from './pdf-layout.ts';
import type { ReportBudget, ReportData } from './report-data.ts';

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The sheets of an English report, in order (tests and readers rely on the names; other languages name them in their messages). */
export const SHEET_NAMES = {
  summary: 'Summary',
  kpis: 'KPIs',
  fundingSources: 'Budget by funding source',
  categories: 'Budget by category',
  activities: 'Activities',
} as const;

const EUR_FORMAT = '#,##0.00 "EUR"';
const COUNT_FORMAT = '#,##0';
const NUMBER_FORMAT = '#,##0.##';
const PERCENT_FORMAT = '0%';
const DATE_FORMAT = 'yyyy-mm-dd';

/** exceljs takes 0.4 s to load: loaded with the first workbook, not at start-up. */
const loadExcelJs = (): typeof ExcelJS => createRequire(import.meta.url)('exceljs');

type Sheet = ExcelJS.Worksheet;

/** A sheet whose first row is a bold header that stays in view (frozen). */
function sheetWithHeader(
  workbook: ExcelJS.Workbook,
  name: string,
  columns: { header: string; width: number; numFmt?: string }[],
): Sheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((column) => ({
    header: column.header,
    width: column.width,
    ...(column.numFmt ? { style: { numFmt: column.numFmt } } : {}),
  }));
  sheet.getRow(1).font = { bold: true };
  return sheet;
}

/** A calendar day as an Excel date (UTC midnight, so no time zone moves it). */
function excelDate(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

/**
 * The funder report as a workbook: one sheet per section (Summary, KPIs, Budget by funding source,
 * Budget by category, Activities). Numbers are numbers (EUR, counts, progress as a percentage,
 * dates as dates) with number formats; header rows are bold and frozen. Yields to the event loop
 * between sheets and every 500 activity rows. Words in the report's language; numbers and dates
 * are values, which Excel shows in its reader's locale.
 */
export async function renderXlsx(
  data: ReportData,
  progress: RenderProgress = () => {},
  language: Language = 'en',
): Promise<Buffer> {
  const m = reportMessages(language);
  const workbook = new (loadExcelJs().Workbook)();
  workbook.creator = 'SPACE2ID Hub';
  workbook.title = m.title(data.workspace.name);
  workbook.created = new Date(data.generatedAt);

  progress(0, 'Writing the summary');
  summarySheet(workbook, data, m);
  progress(0.1, 'Writing the KPIs');
  kpiSheet(workbook, data, m);
  await yieldToEventLoop();
  progress(0.2, 'Writing the budget');
  budgetSheet(workbook, m.sheets.fundingSources, m.fundingSource, data.budgetByFundingSource, m);
  budgetSheet(workbook, m.sheets.categories, m.costCategory, data.budgetByCategory, m);
  await yieldToEventLoop();
  progress(0.3, 'Writing the activities');
  await activitySheet(workbook, data, m, (done) =>
    progress(
      0.3 + 0.5 * (done / Math.max(1, data.activities.length)),
      `Writing the activities (${done} of ${data.activities.length})`,
    ),
  );
  progress(0.8, 'Packing the workbook');
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function summarySheet(workbook: ExcelJS.Workbook, data: ReportData, m: ReportMessages): void {
  const sheet = sheetWithHeader(workbook, m.sheets.summary, [
    { header: m.figure, width: 34 },
    { header: m.value, width: 30 },
  ]);
  const { summary: s } = data;
  const add = (label: string, value: string | number | Date | null, numFmt?: string) => {
    const row = sheet.addRow([label, value]);
    if (numFmt) row.getCell(2).numFmt = numFmt;
  };
  add(m.workspace, data.workspace.name);
  add(m.periodFrom, excelDate(data.period.from), DATE_FORMAT);
  add(m.periodTo, excelDate(data.period.to), DATE_FORMAT);
  add(m.marketColumn, data.market ? data.market.name : m.allMarkets);
  add(m.activitiesCounted, m.activitiesCountedNote);
  add(m.generatedAt, data.generatedAt);
  if (s.activities === 0) add(m.note, m.emptyPeriod);
  add(m.activitiesInPeriod, s.activities, COUNT_FORMAT);
  for (const [status, n] of Object.entries(s.byStatus)) {
    add(m.activitiesWithStatus(m.status[status] ?? status), n, COUNT_FORMAT);
  }
  add(m.activitiesHeld, s.heldActivities, COUNT_FORMAT);
  add(m.participantsPresent, s.presentParticipants, COUNT_FORMAT);
  add(m.plannedBudget, s.plannedEur, EUR_FORMAT);
  add(m.actualCosts, s.actualEur, EUR_FORMAT);
  add(m.actualPerPlanned, s.plannedEur === 0 ? null : s.actualEur / s.plannedEur, PERCENT_FORMAT);
  add(m.kpisWithTarget, s.kpisWithTarget, COUNT_FORMAT);
  add(m.kpisOnTarget, s.kpisOnTarget, COUNT_FORMAT);
}

function kpiSheet(workbook: ExcelJS.Workbook, data: ReportData, m: ReportMessages): void {
  const sheet = sheetWithHeader(workbook, m.sheets.kpis, [
    { header: m.instrument, width: 40 },
    { header: m.activities, width: 11, numFmt: COUNT_FORMAT },
    { header: m.kpi, width: 40 },
    { header: m.kind, width: 9 },
    { header: m.unit, width: 14 },
    { header: m.source, width: 10 },
    { header: m.target, width: 14 },
    { header: m.actual, width: 14 },
    { header: m.progress, width: 10, numFmt: PERCENT_FORMAT },
    { header: m.textValues, width: 60 },
  ]);
  if (data.kpis.length === 0) sheet.addRow([m.emptyPeriod]);
  for (const group of data.kpis) {
    for (const kpi of group.kpis) {
      const row = sheet.addRow([
        group.label,
        group.activities,
        kpi.label,
        m.kpiKind[kpi.kind] ?? kpi.kind,
        kpi.unit,
        kpi.source === 'derived' ? m.fromRecordsLong : m.enteredLong,
        kpi.target,
        kpi.actual,
        kpi.progress,
        kpi.texts.length === 0 ? null : kpi.texts.join('\n'),
      ]);
      const format = kpi.kind === 'money' ? EUR_FORMAT : kpi.kind === 'count' ? COUNT_FORMAT : NUMBER_FORMAT;
      row.getCell(7).numFmt = format;
      row.getCell(8).numFmt = format;
    }
  }
}

function budgetSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  header: string,
  budget: ReportBudget,
  m: ReportMessages,
): void {
  const sheet = sheetWithHeader(workbook, name, [
    { header, width: 28 },
    { header: m.plannedEur, width: 18, numFmt: EUR_FORMAT },
    { header: m.actualEur, width: 18, numFmt: EUR_FORMAT },
    { header: m.actualPerPlanned, width: 16, numFmt: PERCENT_FORMAT },
  ]);
  const share = (planned: number, actual: number) => (planned === 0 ? null : actual / planned);
  for (const row of budget.rows) {
    sheet.addRow([row.label, row.plannedEur, row.actualEur, share(row.plannedEur, row.actualEur)]);
  }
  // The total is a number too (not a formula): a reader without recalculation sees it.
  const total = sheet.addRow([
    m.total,
    budget.plannedEur,
    budget.actualEur,
    share(budget.plannedEur, budget.actualEur),
  ]);
  total.font = { bold: true };
}

async function activitySheet(
  workbook: ExcelJS.Workbook,
  data: ReportData,
  m: ReportMessages,
  onRows: (done: number) => void,
): Promise<void> {
  const sheet = sheetWithHeader(workbook, m.sheets.activities, [
    { header: m.activity, width: 40 },
    { header: m.instrument, width: 36 },
    { header: m.marketColumn, width: 22 },
    { header: m.starts, width: 12, numFmt: DATE_FORMAT },
    { header: m.ends, width: 12, numFmt: DATE_FORMAT },
    { header: m.statusColumn, width: 11 },
    { header: m.plannedEur, width: 16, numFmt: EUR_FORMAT },
    { header: m.actualEur, width: 16, numFmt: EUR_FORMAT },
  ]);
  if (data.activities.length === 0) sheet.addRow([m.emptyPeriod]);
  let done = 0;
  for (const activity of data.activities) {
    sheet.addRow([
      activity.title,
      activity.instrument,
      activity.market ?? m.standalone,
      excelDate(activity.startsOn),
      excelDate(activity.endsOn),
      m.status[activity.status] ?? activity.status,
      activity.plannedEur,
      activity.actualEur,
    ]);
    done += 1;
    if (done % 500 === 0) {
      await yieldToEventLoop();
      onRows(done);
    }
  }
  onRows(done);
}

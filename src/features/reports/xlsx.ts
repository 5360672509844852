import { createRequire } from 'node:module';
import type ExcelJS from 'exceljs';
import { KPI_KIND_LABELS } from '../../domain/catalogue/types.ts';
import { EMPTY_PERIOD_TEXT, STATUS_LABELS } from './format.ts';
import type { RenderProgress } from './pdf.ts';
import { yieldToEventLoop } from './pdf-layout.ts';
import type { ReportBudget, ReportData } from './report-data.ts';

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The sheets, in order (tests and readers rely on the names). */
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
 * between sheets and every 500 activity rows.
 */
export async function renderXlsx(data: ReportData, progress: RenderProgress = () => {}): Promise<Buffer> {
  const workbook = new (loadExcelJs().Workbook)();
  workbook.creator = 'SPACE2ID Hub';
  workbook.title = `Funder report: ${data.workspace.name}`;
  workbook.created = new Date(data.generatedAt);

  progress(0, 'Writing the summary');
  summarySheet(workbook, data);
  progress(0.1, 'Writing the KPIs');
  kpiSheet(workbook, data);
  await yieldToEventLoop();
  progress(0.2, 'Writing the budget');
  budgetSheet(workbook, SHEET_NAMES.fundingSources, 'Funding source', data.budgetByFundingSource);
  budgetSheet(workbook, SHEET_NAMES.categories, 'Cost category', data.budgetByCategory);
  await yieldToEventLoop();
  progress(0.3, 'Writing the activities');
  await activitySheet(workbook, data, (done) =>
    progress(
      0.3 + 0.5 * (done / Math.max(1, data.activities.length)),
      `Writing the activities (${done} of ${data.activities.length})`,
    ),
  );
  progress(0.8, 'Packing the workbook');
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function summarySheet(workbook: ExcelJS.Workbook, data: ReportData): void {
  const sheet = sheetWithHeader(workbook, SHEET_NAMES.summary, [
    { header: 'Figure', width: 34 },
    { header: 'Value', width: 30 },
  ]);
  const { summary: s } = data;
  const add = (label: string, value: string | number | Date | null, numFmt?: string) => {
    const row = sheet.addRow([label, value]);
    if (numFmt) row.getCell(2).numFmt = numFmt;
  };
  add('Workspace', data.workspace.name);
  add('Period from', excelDate(data.period.from), DATE_FORMAT);
  add('Period to', excelDate(data.period.to), DATE_FORMAT);
  add('Market', data.market ? data.market.name : 'All markets and standalone activities');
  add('Activities counted', 'Those starting in the period (by activity start); actual costs whenever paid');
  add('Generated at (UTC)', data.generatedAt);
  if (s.activities === 0) add('Note', EMPTY_PERIOD_TEXT);
  add('Activities starting in the period', s.activities, COUNT_FORMAT);
  for (const [status, n] of Object.entries(s.byStatus)) {
    add(`Activities ${(STATUS_LABELS[status] ?? status).toLowerCase()}`, n, COUNT_FORMAT);
  }
  add('Activities held (KPI)', s.heldActivities, COUNT_FORMAT);
  add('Participants present (KPI)', s.presentParticipants, COUNT_FORMAT);
  add('Planned budget', s.plannedEur, EUR_FORMAT);
  add('Actual costs', s.actualEur, EUR_FORMAT);
  add('Actual / planned', s.plannedEur === 0 ? null : s.actualEur / s.plannedEur, PERCENT_FORMAT);
  add('KPIs with a target', s.kpisWithTarget, COUNT_FORMAT);
  add('KPIs on or above target', s.kpisOnTarget, COUNT_FORMAT);
}

function kpiSheet(workbook: ExcelJS.Workbook, data: ReportData): void {
  const sheet = sheetWithHeader(workbook, SHEET_NAMES.kpis, [
    { header: 'Instrument', width: 40 },
    { header: 'Activities', width: 11, numFmt: COUNT_FORMAT },
    { header: 'KPI', width: 40 },
    { header: 'Kind', width: 9 },
    { header: 'Unit', width: 14 },
    { header: 'Source', width: 10 },
    { header: 'Target', width: 14 },
    { header: 'Actual', width: 14 },
    { header: 'Progress', width: 10, numFmt: PERCENT_FORMAT },
    { header: 'Values (text KPIs)', width: 60 },
  ]);
  if (data.kpis.length === 0) sheet.addRow([EMPTY_PERIOD_TEXT]);
  for (const group of data.kpis) {
    for (const kpi of group.kpis) {
      const row = sheet.addRow([
        group.label,
        group.activities,
        kpi.label,
        KPI_KIND_LABELS[kpi.kind],
        kpi.unit,
        kpi.source === 'derived' ? 'From records' : 'Entered by hand',
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

function budgetSheet(workbook: ExcelJS.Workbook, name: string, header: string, budget: ReportBudget): void {
  const sheet = sheetWithHeader(workbook, name, [
    { header, width: 28 },
    { header: 'Planned (EUR)', width: 18, numFmt: EUR_FORMAT },
    { header: 'Actual (EUR)', width: 18, numFmt: EUR_FORMAT },
    { header: 'Actual / planned', width: 16, numFmt: PERCENT_FORMAT },
  ]);
  const share = (planned: number, actual: number) => (planned === 0 ? null : actual / planned);
  for (const row of budget.rows) {
    sheet.addRow([row.label, row.plannedEur, row.actualEur, share(row.plannedEur, row.actualEur)]);
  }
  // The total is a number too (not a formula): a reader without recalculation sees it.
  const total = sheet.addRow([
    'Total',
    budget.plannedEur,
    budget.actualEur,
    share(budget.plannedEur, budget.actualEur),
  ]);
  total.font = { bold: true };
}

async function activitySheet(
  workbook: ExcelJS.Workbook,
  data: ReportData,
  onRows: (done: number) => void,
): Promise<void> {
  const sheet = sheetWithHeader(workbook, SHEET_NAMES.activities, [
    { header: 'Activity', width: 40 },
    { header: 'Instrument', width: 36 },
    { header: 'Market', width: 22 },
    { header: 'Starts', width: 12, numFmt: DATE_FORMAT },
    { header: 'Ends', width: 12, numFmt: DATE_FORMAT },
    { header: 'Status', width: 11 },
    { header: 'Planned (EUR)', width: 16, numFmt: EUR_FORMAT },
    { header: 'Actual (EUR)', width: 16, numFmt: EUR_FORMAT },
  ]);
  if (data.activities.length === 0) sheet.addRow([EMPTY_PERIOD_TEXT]);
  let done = 0;
  for (const activity of data.activities) {
    sheet.addRow([
      activity.title,
      activity.instrument,
      activity.market ?? 'Standalone',
      excelDate(activity.startsOn),
      excelDate(activity.endsOn),
      STATUS_LABELS[activity.status] ?? activity.status,
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

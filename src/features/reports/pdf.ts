import type PDFDocument from 'pdfkit';
import type { Language } from '../../domain/i18n/types.ts';
import { type ChartSvg, fundingSourceChart, kpiProgressChart } from './charts.ts';
import { formatEur, formatKpiValue, formatNumber, formatPeriod, formatProgress } from './format.ts';
import { type ReportMessages, reportMessages } from './messages/index.ts';
import { hasCjk, registerReportFonts } from './pdf-fonts.ts';
import {
  addPageFooters,
  contentWidth,
  drawTable,
  ensureSpace,
  fontFor,
  heading,
  paragraph,
  pdfText,
  yieldToEventLoop,
} from './pdf-layout.ts';
import type { ReportBudget, ReportData, ReportKpi } from './report-data.ts';

type Doc = InstanceType<typeof PDFDocument>;

/** Told how far the rendering is (0 to 1) and what it draws; may throw to stop it (abort). */
export type RenderProgress = (fraction: number, message: string) => void;

export const PDF_MEDIA_TYPE = 'application/pdf';

/**
 * The funder report as a PDF (A4): a cover, the summary, KPI tables against targets with a chart
 * of progress per instrument, the budget by funding source (with a chart) and by cost category,
 * and the list of activities; page numbers on every page. Yields to the event loop between
 * sections and every 100 table rows, so a server rendering it keeps answering.
 */
export async function renderPdf(
  data: ReportData,
  progress: RenderProgress = () => {},
  language: Language = 'en',
): Promise<Buffer> {
  const { default: PdfDocument } = await import('pdfkit');
  const { default: svgToPdf } = await import('svg-to-pdfkit');
  const m = reportMessages(language);
  const title = m.title(data.workspace.name);
  const doc: Doc = new PdfDocument({
    size: 'A4',
    margins: { top: 56, bottom: 56, left: 50, right: 50 },
    bufferPages: true,
    info: {
      Title: pdfText(title),
      Subject: `${data.period.from} to ${data.period.to}`,
      Author: 'SPACE2ID Hub',
      Creator: 'SPACE2ID Hub',
    },
  });
  registerReportFonts(doc);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  const drawChart = (chart: ChartSvg) => {
    ensureSpace(doc, chart.height + 12);
    svgToPdf(doc, chart.svg, doc.page.margins.left, doc.y, {
      width: chart.width,
      height: chart.height,
      assumePt: true,
      // The charts name a family; the text is drawn in the report's fonts (the CJK one when a label needs it).
      fontCallback: (_family: string, bold: boolean) => fontFor(hasCjk(chart.svg) ? '中' : '', bold),
    });
    doc.y += chart.height + 12;
    doc.x = doc.page.margins.left;
  };

  progress(0, 'Drawing the cover and summary');
  cover(doc, data, m);
  doc.addPage();
  summary(doc, data, m);
  await yieldToEventLoop();

  progress(0.1, 'Drawing the KPI tables');
  doc.addPage();
  await kpiSection(doc, data, drawChart, m);
  await yieldToEventLoop();

  progress(0.3, 'Drawing the budget');
  doc.addPage();
  await budgetSection(doc, data, drawChart, m);
  await yieldToEventLoop();

  progress(0.4, 'Drawing the activities');
  doc.addPage();
  await activitySection(doc, data, m, (done) =>
    progress(
      0.4 + 0.55 * (done / Math.max(1, data.activities.length)),
      `Drawing the activities (${done} of ${data.activities.length})`,
    ),
  );

  progress(0.95, 'Numbering the pages');
  addPageFooters(doc, `${title} · ${data.period.from} – ${data.period.to}`, m.page);
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}

function cover(doc: Doc, data: ReportData, m: ReportMessages): void {
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  const text = (value: string, bold = false) =>
    doc.font(fontFor(value, bold)).text(pdfText(value), { width });
  doc.rect(0, 0, doc.page.width, 8).fill('#1c2b4a');
  doc.y = 200;
  doc
    .font(fontFor(m.funderReport, true))
    .fontSize(32)
    .fillColor('#1c2b4a')
    .text(m.funderReport, left, doc.y, {
      width,
    });
  doc.moveDown(0.3);
  doc.fontSize(18).fillColor('black');
  text(data.workspace.name);
  doc.moveDown(1.5);
  doc.fontSize(13);
  text(m.period(formatPeriod(data.period, m.locale)));
  doc.fontSize(10).fillColor('#555555');
  text(m.periodIso(data.period.from, data.period.to));
  doc.fillColor('black').fontSize(13);
  text(m.market(data.market ? data.market.name : null));
  doc.moveDown(3);
  doc.fontSize(10);
  text(m.generated(formatPeriodDay(data.generatedAt, m), data.generatedAt.slice(11, 16)));
  text(m.contents);
  doc.fillColor('black');
}

/** The day of a timestamp in the report's locale. */
function formatPeriodDay(iso: string, m: ReportMessages): string {
  return formatPeriod({ from: iso.slice(0, 10), to: iso.slice(0, 10) }, m.locale).split(' – ')[0] ?? iso;
}

function summary(doc: Doc, data: ReportData, m: ReportMessages): void {
  const l = m.locale;
  heading(doc, m.summary);
  const { summary: s } = data;
  if (s.activities === 0) paragraph(doc, `${m.emptyPeriod}.`, { size: 13, bold: true });
  const rows: [string, string][] = [
    [m.activitiesInPeriod, formatNumber(s.activities, l)],
    ...Object.entries(s.byStatus).map(([status, n]): [string, string] => [
      `   ${m.status[status] ?? status}`,
      formatNumber(n, l),
    ]),
    [m.activitiesHeld, s.heldActivities === null ? '–' : formatNumber(s.heldActivities, l)],
    [m.participantsPresent, s.presentParticipants === null ? '–' : formatNumber(s.presentParticipants, l)],
    [`${m.plannedBudget} (EUR)`, formatEur(s.plannedEur, l)],
    [`${m.actualCosts} (EUR)`, formatEur(s.actualEur, l)],
    [m.actualPerPlanned, formatProgress(s.plannedEur === 0 ? null : s.actualEur / s.plannedEur, l)],
    [m.kpisWithTarget, formatNumber(s.kpisWithTarget, l)],
    [m.kpisOnTarget, formatNumber(s.kpisOnTarget, l)],
  ];
  for (const [label, value] of rows) {
    const y = doc.y;
    doc.font(fontFor(label)).fontSize(11).text(pdfText(label), doc.page.margins.left, y, { width: 300 });
    const below = doc.y;
    doc
      .font(fontFor(value, true))
      .text(value, doc.page.margins.left + 300, y, { width: 150, align: 'right' });
    doc.y = Math.max(doc.y, below);
    doc.moveDown(0.25);
  }
  doc.moveDown(1);
  paragraph(doc, m.howToRead, { size: 8 });
}

function kpiRow(kpi: ReportKpi, m: ReportMessages): string[] {
  const l = m.locale;
  const actual =
    kpi.kind === 'text'
      ? kpi.texts.length === 0
        ? '–'
        : m.textEntries(kpi.texts.length)
      : formatKpiValue(kpi.actual, kpi.kind, kpi.unit, l);
  return [
    kpi.label,
    kpi.source === 'derived' ? m.fromRecords : m.entered,
    formatKpiValue(kpi.target, kpi.kind, kpi.unit, l),
    actual,
    formatProgress(kpi.progress, l),
  ];
}

async function kpiSection(
  doc: Doc,
  data: ReportData,
  drawChart: (chart: ChartSvg) => void,
  m: ReportMessages,
): Promise<void> {
  heading(doc, m.kpis);
  if (data.kpis.length === 0) {
    paragraph(doc, data.summary.activities === 0 ? `${m.emptyPeriod}: ${m.noKpiValues}` : m.noActivityKpis);
    return;
  }
  heading(doc, m.kpiProgress, 12);
  const chart = kpiProgressChart(data.kpis, contentWidth(doc), m.meanProgress);
  if (chart) {
    drawChart(await chart);
    paragraph(doc, m.kpiProgressNote, { size: 8 });
  } else paragraph(doc, m.noTargets);
  for (const group of data.kpis) {
    heading(doc, `${group.label} (${m.activityCount(group.activities)})`, 11);
    await drawTable(doc, {
      columns: [
        { header: m.kpi, share: 0.34 },
        { header: m.source, share: 0.1 },
        { header: m.target, share: 0.18, align: 'right' },
        { header: m.actual, share: 0.26, align: 'right' },
        { header: m.progress, share: 0.12, align: 'right' },
      ],
      rows: group.kpis.map((kpi) => kpiRow(kpi, m)),
    });
    // Text KPIs (remarks, lessons) read as sentences under the table, not squeezed into a cell.
    for (const kpi of group.kpis.filter((k) => k.kind === 'text' && k.texts.length > 0)) {
      paragraph(doc, `${kpi.label}:`, { size: 9, bold: true });
      for (const text of kpi.texts) paragraph(doc, `• ${text}`, { size: 9 });
    }
  }
}

function budgetRows(budget: ReportBudget, m: ReportMessages): string[][] {
  const l = m.locale;
  const share = (planned: number, actual: number) =>
    formatProgress(planned === 0 ? null : actual / planned, l);
  return [
    ...budget.rows.map((row) => [
      row.label,
      formatEur(row.plannedEur, l),
      formatEur(row.actualEur, l),
      share(row.plannedEur, row.actualEur),
    ]),
    [
      m.total,
      formatEur(budget.plannedEur, l),
      formatEur(budget.actualEur, l),
      share(budget.plannedEur, budget.actualEur),
    ],
  ];
}

async function budgetTable(
  doc: Doc,
  firstHeader: string,
  budget: ReportBudget,
  m: ReportMessages,
): Promise<void> {
  await drawTable(doc, {
    columns: [
      { header: firstHeader, share: 0.4 },
      { header: m.plannedEur, share: 0.2, align: 'right' },
      { header: m.actualEur, share: 0.2, align: 'right' },
      { header: m.actualPerPlanned, share: 0.2, align: 'right' },
    ],
    rows: budgetRows(budget, m),
    boldRows: new Set([budget.rows.length]),
  });
}

async function budgetSection(
  doc: Doc,
  data: ReportData,
  drawChart: (chart: ChartSvg) => void,
  m: ReportMessages,
): Promise<void> {
  heading(doc, m.budget);
  if (data.budgetByFundingSource.rows.length === 0 && data.budgetByCategory.rows.length === 0) {
    paragraph(doc, data.summary.activities === 0 ? `${m.emptyPeriod}.` : m.noBudgetLines);
    return;
  }
  heading(doc, m.byFundingSource, 12);
  const chart = fundingSourceChart(data.budgetByFundingSource, contentWidth(doc), {
    planned: m.planned,
    actual: m.actual,
  });
  if (chart) drawChart(await chart);
  await budgetTable(doc, m.fundingSource, data.budgetByFundingSource, m);
  heading(doc, m.byCostCategory, 12);
  await budgetTable(doc, m.costCategory, data.budgetByCategory, m);
}

async function activitySection(
  doc: Doc,
  data: ReportData,
  m: ReportMessages,
  onRows: (done: number) => void,
): Promise<void> {
  heading(doc, m.activities);
  if (data.activities.length === 0) {
    paragraph(doc, `${m.emptyPeriod}.`, { size: 12, bold: true });
    return;
  }
  const l = m.locale;
  paragraph(doc, m.activitiesIntro(data.activities.length));
  await drawTable(doc, {
    fontSize: 7.5,
    columns: [
      { header: m.activity, share: 0.25 },
      { header: m.instrument, share: 0.19 },
      { header: m.marketColumn, share: 0.13 },
      { header: m.dates, share: 0.13 },
      { header: m.statusColumn, share: 0.1 },
      { header: m.plannedEur, share: 0.1, align: 'right' },
      { header: m.actualEur, share: 0.1, align: 'right' },
    ],
    rows: data.activities.map((activity) => [
      activity.title,
      activity.instrument,
      activity.market ?? m.standalone,
      activity.startsOn === activity.endsOn ? activity.startsOn : `${activity.startsOn} – ${activity.endsOn}`,
      m.status[activity.status] ?? activity.status,
      formatEur(activity.plannedEur, l),
      formatEur(activity.actualEur, l),
    ]),
    onSlice: onRows,
  });
}

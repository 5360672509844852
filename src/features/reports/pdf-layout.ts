import type PDFDocument from 'pdfkit';
import { FONT, fontFor } from './pdf-fonts.ts';

export { BOLD, FONT, fontFor } from './pdf-fonts.ts';

/**
 * Drawing helpers over pdfkit for the funder report: text in Noto (pdf-fonts.ts), and tables that
 * break across pages with their header row repeated.
 */

type Doc = InstanceType<typeof PDFDocument>;

const CELL_PADDING = 3;
const HEADER_FILL = '#e8ecf2';
const RULE_COLOUR = '#c9cfd8';

/**
 * Text as the report draws it: composed (NFC), so an accent typed as a separate mark shows on its
 * letter. Noto Sans and Noto Sans Hans cover Latin, Greek, Cyrillic and Chinese (decision 0024).
 */
export function pdfText(text: string): string {
  return text.normalize('NFC');
}

/** Lets the event loop run (HTTP requests, progress writes) between slices of drawing work. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** The lowest y a row may reach on the current page. */
function bottomOf(doc: Doc): number {
  return doc.page.height - doc.page.margins.bottom;
}

/** Starts a new page unless `height` points still fit on this one. */
export function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > bottomOf(doc)) doc.addPage();
}

export function heading(doc: Doc, text: string, size = 16): void {
  ensureSpace(doc, size * 3);
  doc
    .font(fontFor(text, true))
    .fontSize(size)
    .fillColor('#1c2b4a')
    .text(pdfText(text), doc.page.margins.left, doc.y, { width: contentWidth(doc) });
  doc.moveDown(0.4);
  doc.font(FONT).fontSize(10).fillColor('black');
}

export function paragraph(doc: Doc, text: string, options: { size?: number; bold?: boolean } = {}): void {
  doc
    .font(fontFor(text, options.bold))
    .fontSize(options.size ?? 10)
    .fillColor('black')
    .text(pdfText(text), doc.page.margins.left, doc.y, { width: contentWidth(doc) });
  doc.moveDown(0.5);
}

export function contentWidth(doc: Doc): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

export interface PdfColumn {
  header: string;
  /** A share of the content width (the shares of a table add up to 1). */
  share: number;
  align?: 'left' | 'right';
}

export interface PdfTable {
  columns: PdfColumn[];
  rows: string[][];
  /** Rows drawn in bold (e.g. the total) by index. */
  boldRows?: ReadonlySet<number>;
  fontSize?: number;
  /** Told after every `sliceRows` rows (default 100), after the event loop ran; may throw to stop (abort). */
  onSlice?: (rowsDone: number) => void;
  sliceRows?: number;
}

/**
 * Draws a table from the current position: each row as tall as its tallest cell, a new page (with
 * the header row again) whenever the next row would cross the bottom margin.
 */
export async function drawTable(doc: Doc, table: PdfTable): Promise<void> {
  const fontSize = table.fontSize ?? 9;
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  const widths = table.columns.map((column) => column.share * width);
  const headers = table.columns.map((column) => pdfText(column.header));

  const rowHeight = (cells: string[], bold: boolean) => {
    const heights = cells.map(
      (cell, i) =>
        doc
          .font(fontFor(cell, bold))
          .fontSize(fontSize)
          .heightOfString(cell, { width: (widths[i] ?? 0) - 2 * CELL_PADDING }) +
        2 * CELL_PADDING,
    );
    return Math.max(fontSize + 2 * CELL_PADDING, ...heights);
  };
  const drawRow = (cells: string[], bold: boolean, fill: string | null, height = rowHeight(cells, bold)) => {
    const top = doc.y;
    if (fill) doc.rect(left, top, width, height).fill(fill);
    doc.fontSize(fontSize).fillColor('black');
    let x = left;
    cells.forEach((cell, i) => {
      const cellWidth = widths[i] ?? 0;
      doc.font(fontFor(cell, bold)).text(cell, x + CELL_PADDING, top + CELL_PADDING, {
        width: cellWidth - 2 * CELL_PADDING,
        align: table.columns[i]?.align ?? 'left',
        lineBreak: true,
      });
      x += cellWidth;
    });
    doc
      .moveTo(left, top + height)
      .lineTo(left + width, top + height)
      .lineWidth(0.5)
      .strokeColor(RULE_COLOUR)
      .stroke();
    doc.x = left;
    doc.y = top + height;
  };
  const drawHeader = () => drawRow(headers, true, HEADER_FILL);

  ensureSpace(doc, rowHeight(headers, true) * 2);
  drawHeader();
  const slice = table.sliceRows ?? 100;
  for (let index = 0; index < table.rows.length; index++) {
    const cells = (table.rows[index] ?? []).map(pdfText);
    const bold = table.boldRows?.has(index) ?? false;
    const height = rowHeight(cells, bold);
    if (doc.y + height > bottomOf(doc)) {
      doc.addPage();
      drawHeader();
    }
    drawRow(cells, bold, null, height);
    if ((index + 1) % slice === 0) {
      await yieldToEventLoop();
      table.onSlice?.(index + 1);
    }
  }
  doc.moveDown(1);
}

/** "Page n of N" and a title at the foot of every page (pages are buffered until the end). */
export function addPageFooters(
  doc: Doc,
  title: string,
  pageOf: (n: number, of: number) => string = (n, of) => `Page ${n} of ${of}`,
): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing below the bottom margin would make pdfkit start a page: lift the margin meanwhile.
    const { bottom } = doc.page.margins;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - bottom + 18;
    const left = doc.page.margins.left;
    const width = contentWidth(doc);
    doc.font(fontFor(title)).fontSize(8).fillColor('#555555');
    doc.text(pdfText(title), left, y, { width: width * 0.75, lineBreak: false, ellipsis: true });
    doc.font(FONT).text(pageOf(i + 1 - range.start, range.count), left, y, {
      width,
      align: 'right',
      lineBreak: false,
    });
    doc.page.margins.bottom = bottom;
  }
}

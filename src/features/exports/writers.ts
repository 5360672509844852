import { createRequire } from 'node:module';
import { PassThrough, Readable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import type ExcelJS from 'exceljs';
import { neutraliseFormula } from '../../domain/registry/import-conversion.ts';

/** exceljs takes 0.4 s to load: loaded on the first spreadsheet, not at start-up. */
const loadExcelJs = (): typeof ExcelJS => createRequire(import.meta.url)('exceljs');

/** A table to export: the header row, then the data rows page by page. */
export interface ExportTable {
  sheetName: string;
  headers: string[];
  pages: AsyncIterable<string[][]>;
}

/**
 * CSV for spreadsheet programs: UTF-8 with a BOM (Excel then reads the accents right), CRLF line
 * ends, and every cell that a spreadsheet would take for a formula prefixed with `'`.
 */
export function csvStream(table: ExportTable): Readable {
  async function* chunks() {
    yield `\uFEFF${stringify([table.headers], { record_delimiter: '\r\n' })}`;
    for await (const page of table.pages) {
      yield stringify(
        page.map((row) => row.map(neutraliseFormula)),
        { record_delimiter: '\r\n' },
      );
    }
  }
  return Readable.from(chunks());
}

/**
 * An XLSX workbook written row by row (exceljs streaming writer): a bold header row, every value
 * a plain text cell — text that looks like a formula stays text, never a formula.
 */
export function xlsxStream(table: ExportTable): Readable {
  const output = new PassThrough();
  const workbook = new (loadExcelJs().stream.xlsx.WorkbookWriter)({
    stream: output,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet(table.sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = table.headers.map((header) => ({ header, width: Math.max(12, header.length + 2) }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  (async () => {
    for await (const page of table.pages) {
      // A string value is always written as a string cell; only { formula } objects become formulas.
      for (const row of page) sheet.addRow(row).commit();
    }
    sheet.commit();
    await workbook.commit();
  })().catch((error: unknown) => output.destroy(error instanceof Error ? error : new Error(String(error))));
  return output;
}

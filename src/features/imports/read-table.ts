import { createRequire } from 'node:module';
import { Readable } from 'node:stream';
import chardet from 'chardet';
import { parse } from 'csv-parse/sync';
import type ExcelJS from 'exceljs';
import { InvalidInputError } from '../../domain/errors.ts';
import { headerLanguages } from '../../domain/registry/import-fields.ts';
import type { CsvEncoding } from '../../domain/registry/text-encoding.ts';
import {
  decodeText,
  detectDelimiter,
  MAX_CELL_CHARS,
  MAX_DATA_ROWS,
  type TextTable,
  toTextTable,
} from '../../domain/registry/text-table.ts';
import { checkZipArchive } from './zip-guard.ts';

/** exceljs takes 0.4 s to load: loaded on the first spreadsheet, not at start-up. */
const loadExcelJs = (): typeof ExcelJS => createRequire(import.meta.url)('exceljs');

export type TableFormat = 'csv' | 'xlsx';

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Whether the bytes start like a ZIP archive (an XLSX workbook). */
export function looksLikeZip(bytes: Buffer): boolean {
  return bytes.length >= 4 && bytes.readUInt32LE(0) === 0x04034b50;
}

/**
 * The header and data rows of a CSV file, every cell as text, with the encoding and delimiter
 * they were read with. `encoding`: the user's choice; guessed when absent (decision 0025).
 *
 * @throws InvalidInputError (encoding, quoting, shape), TooLargeError (rows)
 */
export function readCsv(bytes: Buffer, encoding?: CsvEncoding): CsvTable {
  const {
    text,
    encoding: readAs,
    guessed,
  } = decodeText(bytes, {
    encoding,
    // Only consulted for bytes that are not UTF-8; its guess is one hint among others (decision 0025).
    statisticalGuesses: encoding ? [] : statisticalGuesses(bytes),
    languageHints: headerLanguages,
  });
  const delimiter = detectDelimiter(text);
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(text, {
      delimiter,
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      // Enough to tell "one row over the limit" apart, however many blank records the file has.
      to: MAX_DATA_ROWS * 2 + 2,
      max_record_size: MAX_CELL_CHARS * 20,
    }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
  } catch (error) {
    const message =
      error instanceof Error ? error.message.replace(/^Invalid Record Length: |^CSV_\w+: /, '') : '';
    throw new InvalidInputError(`The file is not readable as CSV: ${message}`, [
      { field: 'body', message: 'is not readable as CSV' },
    ]);
  }
  const table = toTextTable(
    records.map((r) => r.record),
    (index) => records[index]?.info.lines ?? index + 1,
  );
  return { ...table, encoding: readAs, encodingGuessed: guessed, delimiter };
}

export interface CsvTable extends TextTable {
  encoding: CsvEncoding;
  /** Whether the encoding was guessed (a code page) rather than certain (BOM, valid UTF-8) or chosen. */
  encodingGuessed: boolean;
  delimiter: ',' | ';' | '\t';
}

/** `chardet`'s ranking of a sample of the bytes; cheap (the first 64 KB) and never throwing. */
function statisticalGuesses(bytes: Buffer): { name: string; confidence: number }[] {
  if (!bytes.subarray(0, 65_536).some((byte) => byte > 0x7f)) return [];
  try {
    return chardet.analyse(bytes.subarray(0, 65_536));
  } catch {
    return [];
  }
}

/**
 * The header and data rows of the first worksheet of an XLSX workbook, every cell as text:
 * formulas as their formula text (`=…`, never evaluated), dates as ISO dates. Read with exceljs'
 * streaming reader (a third of the time and memory of loading the workbook) and stopped past the
 * row limit. The cells of a shared (filled-down) formula after its first cell carry no formula
 * text in that reader: they are read as the value Excel stored with them.
 *
 * @throws InvalidInputError (not a workbook, zip bomb, no sheet), TooLargeError (rows)
 */
export async function readXlsx(bytes: Buffer): Promise<TextTable> {
  const listedParts = checkZipArchive(bytes);
  const records: string[][] = [];
  const lines: number[] = [];
  let sheets = 0;
  try {
    const reader = new (loadExcelJs().stream.xlsx.WorkbookReader)(Readable.from([listedParts]), {
      worksheets: 'emit',
      sharedStrings: 'cache',
      styles: 'cache',
      hyperlinks: 'ignore',
      entries: 'ignore',
    });
    for await (const sheet of reader) {
      sheets++;
      for await (const row of sheet as unknown as AsyncIterable<ExcelJS.Row>) {
        const cells: string[] = [];
        row.eachCell({ includeEmpty: false }, (cell, column) => {
          cells[column - 1] = cell.formula ? `=${cell.formula}` : cellToText(cell.value);
        });
        const record = Array.from(cells, (cell) => cell ?? '');
        if (!record.some((cell) => cell.trim() !== '')) continue;
        records.push(record);
        lines.push(row.number);
        // The header and one row past the limit are enough for toTextTable to refuse the file.
        if (records.length > MAX_DATA_ROWS + 1) break;
      }
      break;
    }
  } catch {
    throw new InvalidInputError(
      'The file is not a readable XLSX workbook; save it again from Excel and upload it.',
      [{ field: 'body', message: 'is not a readable XLSX workbook' }],
    );
  }
  if (sheets === 0) {
    throw new InvalidInputError('The workbook has no worksheet.', [
      { field: 'body', message: 'has no worksheet' },
    ]);
  }
  return toTextTable(records, (index) => lines[index] ?? index + 1);
}

/** One cell value of exceljs as the text an import sees. */
export function cellToText(value: ExcelJS.CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return '';
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if (typeof value === 'object') {
    if ('formula' in value && typeof value.formula === 'string' && value.formula !== '')
      return `=${value.formula}`;
    if ('sharedFormula' in value && typeof value.sharedFormula === 'string') return `=${value.sharedFormula}`;
    if ('richText' in value && Array.isArray(value.richText))
      return value.richText.map((part) => part.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('error' in value && typeof value.error === 'string') return value.error;
    // A shared formula's later cell (see readXlsx): the stored result, as text.
    if ('result' in value)
      return value.result === undefined ? '' : cellToText(value.result as ExcelJS.CellValue);
  }
  return '';
}

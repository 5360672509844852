/**
 * The rows of an uploaded table as text: decoding CSV bytes (in the encodings of `text-encoding.ts`), guessing the delimiter, and the
 * limits every import file must respect (CSV and XLSX alike). Pure: no I/O.
 */
import { InvalidInputError, TooLargeError } from '../errors.ts';
import { type DecodedText, type DecodeOptions, decodeBytes } from './text-encoding.ts';

export const MAX_DATA_ROWS = 50_000;
export const MAX_CELL_CHARS = 10_000;
export const MAX_COLUMNS = 200;

/**
 * CSV bytes as text, and the encoding they were read in (see `decodeBytes`: a BOM's, UTF-8, or
 * the most plausible of the Western, Central European and Greek code pages; or the one the user
 * chose). Binary data is refused.
 *
 * @throws InvalidInputError naming the problem (broken UTF-16, binary data)
 */
export function decodeText(bytes: Uint8Array, options: DecodeOptions = {}): DecodedText {
  let decoded: DecodedText;
  try {
    decoded = decodeBytes(bytes, options);
  } catch {
    throw new InvalidInputError(
      'The file is not readable as UTF-16 text; save it as CSV UTF-8 (in Excel: "CSV UTF-8 (Comma delimited)") and upload it again.',
      [{ field: 'body', message: 'is not readable as UTF-16 text' }],
    );
  }
  const { text } = decoded;
  // Text files hold no NUL and hardly any other control characters (C0 or C1); binary data does.
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0) controls = Number.POSITIVE_INFINITY;
    else if (
      (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) ||
      (code >= 0x7f && code <= 0x9f)
    )
      controls++;
  }
  if (controls > Math.max(8, text.length / 100)) {
    throw new InvalidInputError('The file holds binary data, not CSV text.', [
      { field: 'body', message: 'is binary data, not CSV text' },
    ]);
  }
  return decoded;
}

const DELIMITERS = [',', ';', '\t'] as const;

/**
 * The delimiter of a CSV text, from its first line (quoted parts ignored): the most frequent of
 * `,`, `;` and tab; `,` when none occurs.
 *
 * @example
 * detectDelimiter('Name;Country\nOrbitech;ES'); // ';'
 */
export function detectDelimiter(text: string): ',' | ';' | '\t' {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const char of text.slice(0, 65_536)) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && counts.has(char)) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  let best: ',' | ';' | '\t' = ',';
  for (const d of DELIMITERS) if ((counts.get(d) ?? 0) > (counts.get(best) ?? 0)) best = d;
  return best;
}

export interface TextTable {
  headers: string[];
  rows: string[][];
}

/**
 * A header row and data rows from parsed records, checked against the limits. Rows whose cells
 * are all empty are skipped; shorter rows are padded with empty cells; a row with a non-empty
 * cell beyond the header's columns is refused (the columns would be shifted). `firstLine` is the
 * number of the first record in the file, for messages.
 *
 * @throws InvalidInputError (empty, header only, ragged, cell too long), TooLargeError (rows)
 */
export function toTextTable(
  records: readonly (readonly string[])[],
  lineOf: (index: number) => number,
): TextTable {
  const nonEmpty = records
    .map((cells, index) => ({ cells, index }))
    .filter(({ cells }) => cells.some((cell) => cell.trim() !== ''));
  const [header, ...data] = nonEmpty;
  if (!header) throw invalid('The file is empty: it needs a header row and at least one data row.');
  if (data.length === 0) throw invalid('The file has a header row but no data rows.');
  if (data.length > MAX_DATA_ROWS) {
    throw new TooLargeError(
      `The file has more than ${MAX_DATA_ROWS.toLocaleString('en')} data rows (the limit per import); split it into several files.`,
    );
  }
  // Trailing empty header cells (a common spreadsheet artefact) are not columns.
  let width = header.cells.length;
  while (width > 0 && (header.cells[width - 1] ?? '').trim() === '') width--;
  if (width > MAX_COLUMNS) throw invalid(`The file has ${width} columns; at most ${MAX_COLUMNS} are read.`);
  const headers = header.cells.slice(0, width).map((cell, i) => cell.trim() || `Column ${i + 1}`);
  const rows: string[][] = [];
  for (const { cells, index } of [header, ...data]) {
    cells.forEach((cell, column) => {
      if (cell.length > MAX_CELL_CHARS) {
        throw invalid(
          `Line ${lineOf(index)}, column ${column + 1} holds ${cell.length.toLocaleString('en')} characters; at most ${MAX_CELL_CHARS.toLocaleString('en')} are allowed in a cell.`,
        );
      }
    });
    if (index === header.index) continue;
    const extra = cells.slice(width).findIndex((cell) => cell.trim() !== '');
    if (extra >= 0) {
      throw invalid(
        `Line ${lineOf(index)} has a value in column ${width + extra + 1}, but the header row has only ${width} columns: check the delimiter and quotes of that line.`,
      );
    }
    const row = cells.slice(0, width);
    while (row.length < width) row.push('');
    rows.push(row);
  }
  return { headers, rows };
}

function invalid(message: string): InvalidInputError {
  return new InvalidInputError(message, [{ field: 'body', message }]);
}

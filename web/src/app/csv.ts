/**
 * A small CSV writer for files built in the browser (RFC 4180, as the server's export writes
 * them). csv-stringify's browser build would add some 80 kB to the bundle for this.
 */

/**
 * One cell: quoted when it holds a delimiter the import may detect (`,` `;` tab), a quote, a line
 * break or edge spaces; a cell a spreadsheet would take for a formula gets a leading `'`, which the
 * import strips again (as the export does).
 *
 * @example
 * csvCell('=1+1'); // "'=1+1"
 * csvCell('a "b", c'); // '"a ""b"", c"'
 */
export function csvCell(value: string): string {
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",;\t\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * A whole file: UTF-8 BOM (so Excel reads accents right), CRLF line ends, a header row first.
 * Numbers are written as numbers (a negative one is not a formula).
 */
export function toCsv(rows: readonly (readonly (string | number)[])[]): string {
  const line = (row: readonly (string | number)[]) =>
    row.map((value) => (typeof value === 'number' ? String(value) : csvCell(value))).join(',');
  return `\uFEFF${rows.map(line).join('\r\n')}\r\n`;
}

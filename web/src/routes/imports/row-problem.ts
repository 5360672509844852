import { messages } from '../../messages/en.ts';
import type { ImportKind, ReviewedRow } from './import-rows.ts';

const t = messages.imports;

/** The row's line in the file as a spreadsheet numbers it: the header is line 1. */
export function lineOf(row: number): number {
  return row + 2;
}

/** One sentence saying why a row is not imported ("Country: unknown code"), for the CSV and the list. */
export function rowProblem(kind: ImportKind, row: ReviewedRow): string {
  if (row.status === 'skipped') return t.skippedByYou;
  if (row.status === 'duplicate' && row.duplicateOf) {
    const { reason, name } = row.duplicateOf;
    return row.duplicateOf.row !== undefined
      ? t.duplicateOfRow(lineOf(row.duplicateOf.row))
      : `${t.duplicateOf(reason)} ${name}`;
  }
  return row.errors
    .map((error) => `${t.fields[kind][error.field] ?? error.field}: ${error.message}`)
    .join('; ');
}

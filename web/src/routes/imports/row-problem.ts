import { messages } from '../../messages/en.ts';
import { type ImportKind, isNetworkKind, type ReviewedRow } from './import-rows.ts';

const t = messages.imports;
const n = messages.networkData;

/** What each field of the kind is called on screen (the network's kinds have their own messages). */
export function fieldLabels(kind: ImportKind): Record<string, string> {
  return isNetworkKind(kind) ? n.fields[kind] : t.fields[kind];
}

/** The wizard's title for the kind. */
export function importTitle(kind: ImportKind): string {
  return isNetworkKind(kind) ? n.titleOf[kind] : t.titleOf(kind);
}

/** "3 organisations imported." for the kind. */
export function createdText(count: number, kind: ImportKind): string {
  return isNetworkKind(kind) ? n.created(count, kind) : t.created(count, kind);
}

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
    .map((error) => `${fieldLabels(kind)[error.field] ?? error.field}: ${error.message}`)
    .join('; ');
}

/**
 * The import wizard's data, pure so it is unit-tested: the file's rows turned into the API's rows
 * through the column mapping and the user's inline fixes, the server's verdicts read back per row
 * of the file, and the rows that were not imported as a CSV to fix and import again.
 */
import type {
  ImportResultDto,
  ImportRowResult,
  NetworkOrganisationImportField,
  NetworkPersonImportField,
  OrganisationImportField,
  PersonImportField,
} from '../../api/types.ts';

/** The registry's kinds, and the network's (issue 21): organisations and people outside the consortium. */
export type ImportKind = 'organisations' | 'people' | 'networkOrganisations' | 'networkPeople';
export type NetworkImportKind = 'networkOrganisations' | 'networkPeople';

export function isNetworkKind(kind: ImportKind): kind is NetworkImportKind {
  return kind === 'networkOrganisations' || kind === 'networkPeople';
}
export type ImportField =
  | OrganisationImportField
  | PersonImportField
  | NetworkOrganisationImportField
  | NetworkPersonImportField;

/** `L` itself when it lists every member of the union `T`, else a type error where it is used. */
type EveryOf<T extends string, L extends readonly T[]> = [T] extends [L[number]] ? L : never;
const everyOf =
  <T extends string>() =>
  <const L extends readonly T[]>(list: EveryOf<T, L>): L =>
    list;

/** The import fields in the server's order (`src/domain/registry/import-fields.ts`). */
export const IMPORT_FIELDS = {
  organisations: everyOf<OrganisationImportField>()([
    'name',
    'cluster',
    'type',
    'size',
    'country',
    'city',
    'website',
    'registrationId',
    'spaceSegments',
    'melca',
    'offers',
    'offerTags',
    'requests',
    'requestTags',
    'targetMarketInterests',
    'exportExperience',
  ]),
  people: everyOf<PersonImportField>()(['name', 'email', 'phone', 'roleTitle', 'consent', 'organisation']),
  // src/domain/network/import.ts
  networkOrganisations: everyOf<NetworkOrganisationImportField>()([
    'name',
    'type',
    'country',
    'city',
    'website',
    'spaceSegments',
    'melca',
    'tags',
    'notes',
    'ownerCluster',
  ]),
  networkPeople: everyOf<NetworkPersonImportField>()([
    'name',
    'email',
    'phone',
    'roleTitle',
    'language',
    'organisation',
    'consentBasis',
    'consentOn',
    'consentSource',
    'notes',
  ]),
} as const;

/** Fields a row cannot do without (the create endpoints' required fields). */
export const REQUIRED_FIELDS: { [K in ImportKind]: readonly (typeof IMPORT_FIELDS)[K][number][] } = {
  organisations: ['name', 'cluster', 'type', 'country'],
  people: ['name'],
  networkOrganisations: ['name', 'type', 'country'],
  networkPeople: ['name'],
};

/**
 * The header the export writes for each field, which the import recognises again: the "not
 * imported" CSV uses them so it maps itself when uploaded.
 */
export const EXPORT_HEADERS: Record<ImportKind, Record<string, string>> = {
  organisations: {
    name: 'Name',
    cluster: 'Cluster',
    type: 'Type',
    size: 'Size',
    country: 'Country',
    city: 'City',
    website: 'Website',
    registrationId: 'Registration ID',
    spaceSegments: 'Space segments',
    melca: 'MELCA',
    offers: 'Offers',
    offerTags: 'Offer tags',
    requests: 'Requests',
    requestTags: 'Request tags',
    targetMarketInterests: 'Target markets',
    exportExperience: 'Export experience',
  } satisfies Record<OrganisationImportField, string>,
  people: {
    name: 'Name',
    email: 'E-mail',
    phone: 'Phone',
    roleTitle: 'Role',
    consent: 'Consent',
    organisation: 'Organisation ID',
  } satisfies Record<PersonImportField, string>,
  networkOrganisations: {
    name: 'Name',
    type: 'Type',
    country: 'Country',
    city: 'City',
    website: 'Website',
    spaceSegments: 'Space segments',
    melca: 'MELCA',
    tags: 'Tags',
    notes: 'Notes',
    ownerCluster: 'Owner cluster',
  } satisfies Record<NetworkOrganisationImportField, string>,
  networkPeople: {
    name: 'Name',
    email: 'E-mail',
    phone: 'Phone',
    roleTitle: 'Role',
    language: 'Language',
    organisation: 'Organisation',
    consentBasis: 'Consent basis',
    consentOn: 'Consent date',
    consentSource: 'Consent source',
    notes: 'Notes',
  } satisfies Record<NetworkPersonImportField, string>,
};

/** Field → 0-based column of the file, or null when the field is not read from the file. */
export type ColumnMapping = Record<string, number | null>;
/** One row as the API takes it: field → cell text. */
export type RowValues = Record<string, string>;
/** The user's edits, by 0-based row of the file: field → the text to send instead. */
export type RowFixes = ReadonlyMap<number, Readonly<RowValues>>;

export function fieldsOf(kind: ImportKind): readonly ImportField[] {
  return IMPORT_FIELDS[kind];
}

/**
 * The values of one row of the file: each mapped field's cell, then the user's fixes over them.
 *
 * @example
 * rowValues(['Orbitech', 'XX'], 0, { name: 0, country: 1, city: null }, new Map([[0, { country: 'ES' }]]));
 * // { name: 'Orbitech', country: 'ES' }
 */
export function rowValues(
  cells: readonly string[],
  rowIndex: number,
  mapping: ColumnMapping,
  fixes: RowFixes,
): RowValues {
  const values: RowValues = {};
  for (const [field, column] of Object.entries(mapping)) {
    if (column !== null) values[field] = cells[column] ?? '';
  }
  return { ...values, ...fixes.get(rowIndex) };
}

/** The rows to send (skipped ones left out), and for each the 0-based row of the file it came from. */
export function buildImportRows(
  fileRows: readonly (readonly string[])[],
  mapping: ColumnMapping,
  fixes: RowFixes,
  skipped: ReadonlySet<number>,
): { rows: RowValues[]; sourceRows: number[] } {
  const rows: RowValues[] = [];
  const sourceRows: number[] = [];
  fileRows.forEach((cells, index) => {
    if (skipped.has(index)) return;
    rows.push(rowValues(cells, index, mapping, fixes));
    sourceRows.push(index);
  });
  return { rows, sourceRows };
}

/**
 * The fixes with one row's edit recorded: only the values that differ from what the mapping reads
 * from the file are kept, so an edit undone is no edit.
 */
export function withFix(
  fixes: RowFixes,
  rowIndex: number,
  cells: readonly string[],
  mapping: ColumnMapping,
  edited: Readonly<RowValues>,
): Map<number, RowValues> {
  const fromFile = rowValues(cells, rowIndex, mapping, new Map());
  const changed: RowValues = {};
  for (const [field, value] of Object.entries(edited)) {
    if (value !== (fromFile[field] ?? '')) changed[field] = value;
  }
  const next = new Map(fixes);
  if (Object.keys(changed).length > 0) next.set(rowIndex, changed);
  else next.delete(rowIndex);
  return next;
}

/** Required fields no column feeds (every row would be invalid for them). */
export function unmappedRequired(kind: ImportKind, mapping: ColumnMapping): ImportField[] {
  return REQUIRED_FIELDS[kind].filter((field) => mapping[field] === null || mapping[field] === undefined);
}

/** The 0-based columns of the file that feed no field (they are ignored). */
export function ignoredColumns(columnCount: number, mapping: ColumnMapping): number[] {
  const used = new Set(Object.values(mapping).filter((c): c is number => c !== null));
  return Array.from({ length: columnCount }, (_, i) => i).filter((i) => !used.has(i));
}

/** A mapping with `field` read from `column` (null: from no column); a column feeds one field only. */
export function withColumn(mapping: ColumnMapping, field: string, column: number | null): ColumnMapping {
  const next: ColumnMapping = {};
  for (const [key, value] of Object.entries(mapping)) {
    next[key] = column !== null && value === column ? null : value;
  }
  next[field] = column;
  return next;
}

export type ReviewStatus = ImportRowResult['status'] | 'skipped';

/** One row of the file with the server's verdict (or "skipped" by the user). */
export interface ReviewedRow {
  /** 0-based row of the file (the data rows, after the header). */
  row: number;
  status: ReviewStatus;
  errors: ImportRowResult['errors'];
  duplicateOf?: ImportRowResult['duplicateOf'];
}

/**
 * Every row of the file with its verdict, in file order. The server counts rows in the request,
 * which leaves skipped rows out: `sourceRows` maps them back, also for a "same file" duplicate.
 */
export function reviewRows(
  result: ImportResultDto,
  sourceRows: readonly number[],
  rowCount: number,
): ReviewedRow[] {
  const byRow = new Map<number, ReviewedRow>();
  for (const verdict of result.rows) {
    const row = sourceRows[verdict.index];
    if (row === undefined) continue;
    const duplicateOf = verdict.duplicateOf && {
      ...verdict.duplicateOf,
      ...(verdict.duplicateOf.row !== undefined ? { row: sourceRows[verdict.duplicateOf.row] } : {}),
    };
    byRow.set(row, {
      row,
      status: verdict.status,
      errors: verdict.errors,
      ...(duplicateOf ? { duplicateOf } : {}),
    });
  }
  return Array.from(
    { length: rowCount },
    (_, row) => byRow.get(row) ?? { row, status: 'skipped' as const, errors: [] },
  );
}

/** Whether a row needs the user's attention (or will not be imported). */
export function hasProblem(row: ReviewedRow): boolean {
  return row.status === 'invalid' || row.status === 'duplicate';
}

/** The page of `items` to show (1-based `page`), and the number of pages. */
export function pageOf<T>(items: readonly T[], page: number, size: number): { items: T[]; pages: number } {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const current = Math.min(Math.max(1, page), pages);
  return { items: items.slice((current - 1) * size, current * size), pages };
}

/**
 * The rows that were not imported, as a table to save as CSV: every field under the header the
 * import recognises (with the user's fixes), and a last column saying why. Uploaded again, it maps
 * itself and the last column is ignored.
 */
export function notImportedTable(
  kind: ImportKind,
  reviewed: readonly ReviewedRow[],
  fileRows: readonly (readonly string[])[],
  mapping: ColumnMapping,
  fixes: RowFixes,
  problemHeader: string,
  reason: (row: ReviewedRow) => string,
): string[][] {
  const fields = fieldsOf(kind);
  const header = [...fields.map((field) => EXPORT_HEADERS[kind][field] ?? field), problemHeader];
  const body = reviewed
    .filter((row) => row.status !== 'created' && row.status !== 'valid')
    .map((row) => {
      const values = rowValues(fileRows[row.row] ?? [], row.row, mapping, fixes);
      return [...fields.map((field) => values[field] ?? ''), reason(row)];
    });
  return [header, ...body];
}

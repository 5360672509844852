import { z } from 'zod';
import {
  NETWORK_ORGANISATION_IMPORT_FIELDS,
  NETWORK_PERSON_IMPORT_FIELDS,
} from '../../domain/network/import.ts';
import {
  ORGANISATION_IMPORT_FIELDS,
  type OrganisationImportField,
  PERSON_IMPORT_FIELDS,
  type PersonImportField,
} from '../../domain/registry/import-fields.ts';
import { CSV_ENCODINGS } from '../../domain/registry/text-encoding.ts';
import { MAX_CELL_CHARS, MAX_DATA_ROWS } from '../../domain/registry/text-table.ts';

export const parseQuery = z.object({
  encoding: z
    .enum(CSV_ENCODINGS)
    .optional()
    .describe('CSV only: read the file in this encoding instead of detecting it'),
});

const mappingOf = <F extends string>(fields: readonly F[], id: string) =>
  z
    .object(
      Object.fromEntries(fields.map((field) => [field, z.number().int().nullable()])) as Record<
        F,
        z.ZodNullable<z.ZodNumber>
      >,
    )
    .describe('Import field → 0-based index of the column it is read from, or null')
    .meta({ id });

export const parsedFileSchema = z
  .object({
    format: z.enum(['csv', 'xlsx']),
    encoding: z
      .enum(CSV_ENCODINGS)
      .nullable()
      .describe(
        'CSV: the encoding the file was read in (chosen, from its BOM, UTF-8, or guessed); XLSX: null',
      ),
    encodingGuessed: z
      .boolean()
      .describe(
        'true when the encoding is a guess among code pages: show it, and let the user choose another',
      ),
    delimiter: z
      .enum([',', ';', '\t'])
      .nullable()
      .describe('CSV: the delimiter found in the header row; XLSX: null'),
    headers: z.array(z.string()).describe('The header row (an empty header is named "Column N")'),
    rows: z.array(z.array(z.string())).describe('Every data row, each cell as text, as wide as the headers'),
    rowCount: z.number().int(),
    suggestedMapping: z.object({
      organisations: mappingOf(ORGANISATION_IMPORT_FIELDS, 'OrganisationImportMapping'),
      people: mappingOf(PERSON_IMPORT_FIELDS, 'PersonImportMapping'),
      networkOrganisations: mappingOf(NETWORK_ORGANISATION_IMPORT_FIELDS, 'NetworkOrganisationImportMapping'),
      networkPeople: mappingOf(NETWORK_PERSON_IMPORT_FIELDS, 'NetworkPersonImportMapping'),
    }),
  })
  .meta({ id: 'ParsedImportFile' });

// PostgreSQL text cannot hold NUL: refused here (400) rather than failing the insert.
const cell = z
  .string()
  .max(MAX_CELL_CHARS)
  .refine((text) => !text.includes('\u0000'), 'must not contain NUL characters')
  .nullable();
const rowOf = <F extends string>(fields: readonly F[]) =>
  z.strictObject(
    Object.fromEntries(fields.map((field) => [field, cell.optional()])) as Record<
      F,
      z.ZodOptional<typeof cell>
    >,
  );

const importBody = <F extends string>(fields: readonly F[], description: string) =>
  z.strictObject({
    rows: z.array(rowOf(fields)).min(1).max(MAX_DATA_ROWS).describe(description),
    dryRun: z
      .boolean()
      .describe('true: check only, write nothing; false: import the valid, non-duplicate rows'),
  });

export const organisationImportBody = importBody(
  ORGANISATION_IMPORT_FIELDS,
  'Rows as import field → cell text; lists separated by ";" (or "," when a cell has no ";"); cluster by id, short name or name',
);
export const personImportBody = importBody(
  PERSON_IMPORT_FIELDS,
  'Rows as import field → cell text; organisation by id, registration id or name; consent as yes/no, true/false or 1/0',
);

export const importResultSchema = z
  .object({
    dryRun: z.boolean(),
    total: z.number().int(),
    valid: z
      .number()
      .int()
      .describe('Rows that pass validation and duplicate nothing (imported unless dryRun)'),
    invalid: z.number().int(),
    duplicates: z.number().int(),
    created: z.number().int().describe('Rows written (0 on a dry run)'),
    rows: z.array(
      z.object({
        index: z.number().int().describe('0-based index of the row in the request'),
        status: z.enum(['valid', 'invalid', 'duplicate', 'created']),
        errors: z.array(z.object({ field: z.string(), message: z.string() })),
        duplicateOf: z
          .object({
            id: z.string().nullable().describe('The stored record; null for an earlier row of the same file'),
            name: z.string(),
            reason: z.enum(['registration id', 'name and country', 'e-mail', 'same file']),
            row: z.number().int().optional().describe('For "same file": the index of the earlier row'),
          })
          .optional(),
      }),
    ),
  })
  .meta({ id: 'ImportResult' });

export type OrganisationImportBody = {
  rows: Partial<Record<OrganisationImportField, string | null>>[];
  dryRun: boolean;
};
export type PersonImportBody = { rows: Partial<Record<PersonImportField, string | null>>[]; dryRun: boolean };
export type ImportResult = z.infer<typeof importResultSchema>;
export type ImportRowResult = ImportResult['rows'][number];

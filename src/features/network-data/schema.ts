import { z } from 'zod';
import {
  NETWORK_ORGANISATION_IMPORT_FIELDS,
  NETWORK_PERSON_IMPORT_FIELDS,
} from '../../domain/network/import.ts';
import { CONSENT_BASES } from '../../domain/network/types.ts';
import { MAX_CELL_CHARS, MAX_DATA_ROWS } from '../../domain/registry/text-table.ts';
import { countryCode } from '../../http/params.ts';

export const networkPersonParams = z.object({
  workspace: z.string().min(1).max(100),
  id: z.string().min(1).max(100),
});

export const networkPersonSchema = z
  .object({
    id: z.string(),
    organisationId: z.string().nullable(),
    name: z.string(),
    roleTitle: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    language: z.string().nullable().describe('ISO 639-1'),
    consentBasis: z.enum(CONSENT_BASES).nullable(),
    consentOn: z.string().nullable().describe('YYYY-MM-DD'),
    consentSource: z.string().nullable(),
    notes: z.string(),
    erasedAt: z.string().nullable().describe('Set when the person was erased (GDPR)'),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'NetworkPersonData' });
export type NetworkPersonDto = z.infer<typeof networkPersonSchema>;

/** `GET /network/people/vcards`: the people list's filters. */
export const vcardsQuery = z.object({
  q: z.string().trim().max(200).optional().describe('Text in the name or the e-mail'),
  organisationId: z.string().min(1).max(100).optional().describe('A network organisation id'),
  country: countryCode.optional().describe('The organisation’s country'),
  ownerCluster: z.string().min(1).max(100).optional().describe('The organisation’s owner cluster id'),
  language: z
    .string()
    .regex(/^[a-z]{2}$/, 'must be an ISO 639-1 code in lower case')
    .optional(),
  consentBasis: z.enum(CONSENT_BASES).optional(),
});

const booleanText = z
  .enum(['true', 'false'])
  .transform((text) => text === 'true')
  .describe('"true" or "false"');

/** `POST /network/people/vcards`: how the file's cards are imported. */
export const vcardImportQuery = z.object({
  dryRun: booleanText.describe('"true": check only, write nothing; "false": import'),
  country: countryCode
    .optional()
    .describe('The country of the network organisations created for ORG names that match none'),
  onDuplicate: z
    .enum(['skip', 'update'])
    .default('skip')
    .describe('A card whose e-mail is already a person’s: skipped, or updates that person'),
  ownerCluster: z
    .string()
    .min(1)
    .max(100)
    .optional()
    .describe('Coordinators: the owner cluster of created organisations (a cluster manager’s is its own)'),
});
export type VCardImportOptions = z.infer<typeof vcardImportQuery>;

const rowError = z.object({ field: z.string(), message: z.string() });

export const vcardImportResultSchema = z
  .object({
    dryRun: z.boolean(),
    total: z.number().int(),
    create: z.number().int().describe('Cards that create a person'),
    update: z.number().int().describe('Cards that update the person with their e-mail'),
    skip: z.number().int().describe('Cards skipped as duplicates by e-mail'),
    invalid: z.number().int(),
    organisationsCreated: z.number().int().describe('Network organisations created (0 on a dry run)'),
    cards: z.array(
      z.object({
        index: z.number().int().describe('0-based place of the card in the file'),
        version: z.enum(['3.0', '4.0']),
        name: z.string(),
        email: z.string().nullable(),
        organisationName: z.string().nullable().describe('The card’s ORG'),
        organisation: z
          .object({ id: z.string(), name: z.string(), created: z.boolean() })
          .nullable()
          .describe('The network organisation the person is linked to; `created`: made by this import'),
        action: z.enum(['create', 'update', 'skip', 'invalid']),
        reason: z.string().nullable(),
        duplicateOf: z.object({ id: z.string(), name: z.string() }).nullable(),
        errors: z.array(rowError),
      }),
    ),
  })
  .meta({ id: 'VCardImportResult' });
export type VCardImportResult = z.infer<typeof vcardImportResultSchema>;

export const eraseBody = z.strictObject({
  confirm: z.string().max(200).describe('The person’s name, typed to confirm'),
});

export const personDataExportSchema = z
  .object({
    exportedAt: z.string(),
    person: networkPersonSchema,
    organisation: z
      .object({
        id: z.string(),
        name: z.string(),
        type: z.string(),
        country: z.string(),
        city: z.string().nullable(),
        website: z.string().nullable(),
      })
      .nullable(),
    interactions: z.array(
      z.object({
        id: z.string(),
        kind: z.string(),
        occurredOn: z.string(),
        organisation: z.string(),
        activity: z.string().nullable(),
        notes: z.string(),
        nextStep: z.string().nullable(),
        nextStepDueOn: z.string().nullable(),
        recordedAt: z.string(),
      }),
    ),
    auditEvents: z.array(
      z.object({
        id: z.string(),
        at: z.string(),
        action: z.string(),
        actor: z.string().nullable(),
        changes: z.record(z.string(), z.tuple([z.unknown(), z.unknown()])),
      }),
    ),
  })
  .meta({ id: 'PersonDataExport' });
export type PersonDataExport = z.infer<typeof personDataExportSchema>;

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

export const networkOrganisationImportBody = importBody(
  NETWORK_ORGANISATION_IMPORT_FIELDS,
  'Rows as import field → cell text; type, segments and MELCA by label or code; lists separated by ";" (or ","); owner cluster by id, short name or name',
);
export const networkPersonImportBody = importBody(
  NETWORK_PERSON_IMPORT_FIELDS,
  'Rows as import field → cell text; organisation by id or name; consent basis by label or code, its date YYYY-MM-DD',
);

export const networkImportResultSchema = z
  .object({
    dryRun: z.boolean(),
    total: z.number().int(),
    valid: z.number().int(),
    invalid: z.number().int(),
    duplicates: z.number().int(),
    created: z.number().int().describe('Rows written (0 on a dry run)'),
    rows: z.array(
      z.object({
        index: z.number().int().describe('0-based index of the row in the request'),
        status: z.enum(['valid', 'invalid', 'duplicate', 'created']),
        errors: z.array(rowError),
        warnings: z.array(rowError).describe('Written anyway, worth a look (e.g. the same website domain)'),
        duplicateOf: z
          .object({
            id: z.string().nullable().describe('The stored record; null for an earlier row of the same file'),
            name: z.string(),
            reason: z.enum(['name and country', 'e-mail', 'same file']),
            row: z.number().int().optional(),
          })
          .optional(),
      }),
    ),
  })
  .meta({ id: 'NetworkImportResult' });
export type NetworkImportResult = z.infer<typeof networkImportResultSchema>;
export type NetworkImportRowResult = NetworkImportResult['rows'][number];

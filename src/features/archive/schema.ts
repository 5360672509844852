import { z } from 'zod';

/** HTTP contract of workspace archives: export as a job, check and import an uploaded archive. */

export const archiveExportRequestSchema = z
  .strictObject({
    organisationId: z
      .string()
      .min(1)
      .max(100)
      .optional()
      .describe(
        "Only this member organisation's data (GDPR data portability); the whole workspace without it",
      ),
  })
  .meta({ id: 'ArchiveExportRequest' });

export type ArchiveExportRequest = z.infer<typeof archiveExportRequestSchema>;

const tableCount = z.object({ table: z.string(), rows: z.number().int() });

export const archiveSummarySchema = z
  .object({
    workspaceName: z.string().describe('The name of the workspace the archive was made from'),
    exportedAt: z.string(),
    appVersion: z.string(),
    schema: z.string().describe('The last migration of the database it was made from'),
    scope: z.enum(['workspace', 'organisation']),
    tables: z.array(tableCount).describe('Rows per table'),
    users: z
      .number()
      .int()
      .describe('Accounts the records name (matched by e-mail or created without a password)'),
    files: z.number().int(),
    targetEmpty: z.boolean().describe('Whether this workspace may receive it (it has no records)'),
  })
  .meta({ id: 'ArchiveSummary' });

export const archiveImportResultSchema = z
  .object({
    tables: z.array(tableCount).describe('Rows written per table'),
    usersCreated: z
      .number()
      .int()
      .describe('Accounts created without a password (their owners use "forgot password")'),
    usersMatched: z.number().int().describe('Accounts found by e-mail'),
  })
  .meta({ id: 'ArchiveImportResult' });

export type ArchiveSummaryDto = z.infer<typeof archiveSummarySchema>;
export type ArchiveImportResultDto = z.infer<typeof archiveImportResultSchema>;

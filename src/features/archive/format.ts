import { z } from 'zod';

/**
 * The workspace archive, format version 1 (docs/archive-format.md): one ZIP holding
 * `manifest.json`, `tables/<table>.jsonl` (JSON Lines, one row per line, in the order of
 * WORKSPACE_TABLES), `users.jsonl` (the accounts the rows name: e-mail and name only),
 * `catalogue.jsonl` (the D4.2 instruments the rows name: id and key) and `files/<table>/<n>.bin`
 * (the content of blob columns, e.g. report files).
 */
export const ARCHIVE_FORMAT = 'space2id-workspace-archive';
export const ARCHIVE_FORMAT_VERSION = 1;

/** Limits an archive must keep to be read (a zip bomb or a crafted archive stops at these). */
export interface ArchiveLimits {
  maxEntries: number;
  maxUnpackedBytes: number;
  maxLineBytes: number;
  maxFileBytes: number;
  maxManifestBytes: number;
}

export const ARCHIVE_LIMITS: Readonly<ArchiveLimits> = {
  /** Entries in the ZIP. */
  maxEntries: 100_000,
  /** All entries together, unpacked (each entry's size is checked while it is read). */
  maxUnpackedBytes: 8 * 1024 ** 3,
  /** One line of JSON Lines (one row). */
  maxLineBytes: 16 * 1024 ** 2,
  /** One file (a blob). */
  maxFileBytes: 512 * 1024 ** 2,
  /** The manifest. */
  maxManifestBytes: 16 * 1024 ** 2,
};

/** The only entry names an archive may hold; anything else (a path like `../x`) is refused. */
export const ENTRY_NAME =
  /^(manifest\.json|users\.jsonl|catalogue\.jsonl|tables\/[a-z][a-z0-9_]{0,62}\.jsonl|files\/[a-z][a-z0-9_]{0,62}\/[0-9]{1,12}\.bin)$/;

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const entryName = z.string().max(200).regex(ENTRY_NAME);

export const manifestSchema = z.object({
  format: z.literal(ARCHIVE_FORMAT),
  formatVersion: z.number().int().min(1),
  appVersion: z.string().max(100),
  /** The last migration of the database the archive was made from. */
  schema: z.string().max(200),
  exportedAt: z.string().max(40),
  /** `workspace`: the whole workspace; `organisation`: one member organisation's data (GDPR). */
  scope: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('workspace') }),
    z.object({ kind: z.literal('organisation'), organisationId: z.string().max(100) }),
  ]),
  workspace: z.object({
    id: z.string().min(1).max(100),
    slug: z.string().max(100),
    name: z.string().max(500),
    /** The workspace's other columns (currency, time zone…), as stored. */
    settings: z.record(z.string(), z.unknown()),
  }),
  tables: z
    .array(
      z.object({
        table: z.string().max(100),
        file: entryName,
        rows: z.number().int().min(0),
        sha256,
      }),
    )
    .max(1000),
  users: z.object({ file: entryName, rows: z.number().int().min(0), sha256 }),
  catalogue: z.object({ file: entryName, rows: z.number().int().min(0), sha256 }),
  files: z.array(z.object({ file: entryName, bytes: z.number().int().min(0), sha256 })).max(100_000),
});

export type ArchiveManifest = z.infer<typeof manifestSchema>;

/** One account named by the rows: never a password hash, session or token. */
export interface ArchiveUser {
  id: string;
  email: string;
  name: string;
}

/** One D4.2 instrument named by the rows, matched on import by its key. */
export interface ArchiveCatalogueInstrument {
  id: string;
  key: string;
}

/** Progress of a long export or import: 0 to 1 and what it is doing. */
export type ArchiveProgress = (fraction: number, message: string) => void;

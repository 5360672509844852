import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { PassThrough, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Kysely } from 'kysely';
import yazl from 'yazl';
import type { DB } from '../../db/schema.ts';
import { WORKSPACE_TABLES } from '../../db/workspace-tables.ts';
import { VERSION } from '../../version.ts';
import {
  ARCHIVE_FORMAT,
  ARCHIVE_FORMAT_VERSION,
  type ArchiveManifest,
  type ArchiveProgress,
} from './format.ts';
import { ArchiveRepository, type ArchiveScope, type TableShape } from './repository.ts';
import { SECRET_COLUMNS } from './rules.ts';

export interface ExportOptions {
  workspaceId: string;
  scope: ArchiveScope;
  progress?: ArchiveProgress;
  signal?: AbortSignal;
  /** Rows per keyset page (tables with blob columns read fewer). */
  pageSize?: number;
}

const WORKSPACE_IDENTITY = new Set(['id', 'slug', 'name', 'created_at']);

/**
 * Writes the workspace's archive (format v1, docs/archive-format.md) to `out` as a ZIP, streaming:
 * each table is read in keyset pages and written as JSON Lines while the ZIP is written, so
 * memory stays flat however large the workspace. Blob values become `files/<table>/<n>.bin`
 * entries. Resolves with the manifest once `out` has received the whole archive.
 *
 * @example
 * await exportWorkspaceArchive(db, { workspaceId, scope: { kind: 'workspace' } }, createWriteStream('w.zip'));
 */
export async function exportWorkspaceArchive(
  db: Kysely<DB>,
  options: ExportOptions,
  out: Writable,
): Promise<ArchiveManifest> {
  const repository = new ArchiveRepository(db);
  const workspace = await repository.workspace(options.workspaceId);
  if (!workspace) throw new Error(`no workspace ${options.workspaceId}`);
  const progress = options.progress ?? (() => {});
  const zip = new yazl.ZipFile();
  const written = pipeline(zip.outputStream as NodeJS.ReadableStream, out);
  // Surface a failing destination at once rather than after every table was read.
  let failed: unknown;
  written.catch((error: unknown) => {
    failed = error;
  });

  const users = new Set<string>();
  const instruments = new Set<string>();
  const manifestTables: ArchiveManifest['tables'] = [];
  const files: ArchiveManifest['files'] = [];
  const pageSize = options.pageSize ?? 2_000;

  for (const [index, entry] of WORKSPACE_TABLES.entries()) {
    options.signal?.throwIfAborted();
    if (failed) throw failed;
    const shape = await repository.shape(entry.table);
    progress(index / (WORKSPACE_TABLES.length + 1), `Writing ${entry.table}`);
    const userColumns = columnsReferencing(shape, 'app_user');
    const instrumentColumns = columnsReferencing(shape, 'instrument');
    const secrets = new Set(SECRET_COLUMNS[entry.table] ?? []);
    const name = `tables/${entry.table}.jsonl`;
    const hash = createHash('sha256');
    const hasBlobs = shape.blobColumns.length > 0;
    // Tables with files keep their (small) lines in memory and write each file at once, so the
    // ZIP never queues files behind an open entry; other tables stream their lines.
    const lines: Buffer[] = [];
    const stream = hasBlobs ? undefined : new PassThrough();
    if (stream) zip.addReadStream(stream, name);
    let rows = 0;
    let after: unknown[] | undefined;
    for (;;) {
      const page = await repository.page(
        shape,
        options.workspaceId,
        options.scope,
        after,
        hasBlobs ? 8 : pageSize,
      );
      if (page.length === 0) break;
      for (const row of page) {
        for (const column of userColumns)
          if (typeof row[column] === 'string') users.add(row[column] as string);
        for (const column of instrumentColumns)
          if (typeof row[column] === 'string') instruments.add(row[column] as string);
        for (const column of secrets) row[column] = null;
        for (const column of shape.blobColumns) {
          const content = row[column];
          if (content === null || content === undefined) continue;
          const bytes = Buffer.from(content as Uint8Array);
          const file = `files/${entry.table}/${files.length + 1}.bin`;
          zip.addBuffer(bytes, file);
          files.push({ file, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
          row[column] = file;
        }
        const line = Buffer.from(`${JSON.stringify(row)}\n`);
        hash.update(line);
        rows += 1;
        if (stream) {
          if (!stream.write(line)) await Promise.race([once(stream, 'drain'), written]);
        } else {
          lines.push(line);
        }
      }
      const last = page[page.length - 1] as Record<string, unknown>;
      after = shape.primaryKey.map((column) => last[column]);
      if (page.length < (hasBlobs ? 8 : pageSize)) break;
    }
    if (stream) stream.end();
    else zip.addBuffer(Buffer.concat(lines), name);
    manifestTables.push({ table: entry.table, file: name, rows, sha256: hash.digest('hex') });
  }

  const accounts = await repository.users([...users]);
  const usersFile = jsonLines(accounts);
  zip.addBuffer(usersFile.bytes, 'users.jsonl');
  const catalogue = await repository.catalogueInstruments([...instruments]);
  const catalogueFile = jsonLines(catalogue);
  zip.addBuffer(catalogueFile.bytes, 'catalogue.jsonl');

  const settings: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(workspace)) {
    if (!WORKSPACE_IDENTITY.has(column))
      settings[column] = Buffer.isBuffer(value) ? value.toString('base64') : value;
  }
  const manifest: ArchiveManifest = {
    format: ARCHIVE_FORMAT,
    formatVersion: ARCHIVE_FORMAT_VERSION,
    appVersion: VERSION,
    schema: await repository.lastMigration(),
    exportedAt: new Date().toISOString(),
    scope:
      options.scope.kind === 'workspace'
        ? { kind: 'workspace' }
        : { kind: 'organisation', organisationId: options.scope.organisationId },
    workspace: {
      id: String(workspace.id),
      slug: String(workspace.slug),
      name: String(workspace.name),
      settings,
    },
    tables: manifestTables,
    users: { file: 'users.jsonl', rows: accounts.length, sha256: usersFile.sha256 },
    catalogue: { file: 'catalogue.jsonl', rows: catalogue.length, sha256: catalogueFile.sha256 },
    files,
  };
  zip.addBuffer(Buffer.from(JSON.stringify(manifest, null, 2)), 'manifest.json');
  zip.end();
  await written;
  progress(1, 'Archive written');
  return manifest;
}

function columnsReferencing(shape: TableShape, table: string): string[] {
  return [...shape.foreignKeys].filter(([, referenced]) => referenced === table).map(([column]) => column);
}

function jsonLines(rows: readonly object[]): { bytes: Buffer; sha256: string } {
  const bytes = Buffer.from(rows.map((row) => `${JSON.stringify(row)}\n`).join(''));
  return { bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
}

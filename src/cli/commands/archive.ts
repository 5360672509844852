import { createWriteStream, renameSync, rmSync } from 'node:fs';
import type { Command } from 'commander';
import { loadConfig } from '../../config.ts';
import { isPostgresUrl, openDatabase } from '../../db/database.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { backupSqlite } from '../../db/sqlite-backup.ts';
import { exportWorkspaceArchive } from '../../features/archive/export-archive.ts';
import { importWorkspaceArchive } from '../../features/archive/import-archive.ts';
import { ArchiveRepository } from '../../features/archive/repository.ts';
import { seedCatalogue } from '../../features/instruments/seed.ts';

/** A CLI error: printed as `space2id: …`, exit code 1. */
export class ArchiveCommandError extends Error {}

/** The documented PostgreSQL backup: pg_dump in its custom format, restored with pg_restore. */
export const PG_DUMP_ADVICE = [
  'space2id backup copies SQLite databases only; this deployment uses PostgreSQL. Back it up with pg_dump:',
  '  pg_dump --format=custom --no-owner --file=space2id-$(date +%F).dump "$DATABASE_URL"',
  'and restore it into an empty database with:',
  '  pg_restore --no-owner --dbname="$NEW_DATABASE_URL" space2id-YYYY-MM-DD.dump',
  'To move one workspace (to SQLite or PostgreSQL), use its archive instead:',
  '  space2id archive export --workspace SLUG --out workspace.zip',
].join('\n');

export async function runBackup(out: string, stderr: NodeJS.WritableStream = process.stderr) {
  const url = loadConfig().databaseUrl;
  if (isPostgresUrl(url)) throw new ArchiveCommandError(PG_DUMP_ADVICE);
  const source = url.replace(/^sqlite:/, '');
  if (source === ':memory:') throw new ArchiveCommandError('an in-memory database cannot be backed up');
  let shown = -1;
  const result = await backupSqlite(source, out, {
    progress: (done, total) => {
      const percent = total === 0 ? 100 : Math.floor((done / total) * 100);
      if (percent >= shown + 5) {
        shown = percent;
        stderr.write(`[${String(percent).padStart(3)}%] ${done} of ${total} pages copied\n`);
      }
    },
  });
  if (result.integrity !== 'ok') {
    throw new ArchiveCommandError(`the copy ${out} failed pragma integrity_check: ${result.integrity}`);
  }
  return result;
}

function writeProgress(stderr: NodeJS.WritableStream) {
  let last = 0;
  return (fraction: number, message: string) => {
    const now = Date.now();
    if (now - last < 500 && fraction < 1) return;
    last = now;
    stderr.write(`[${String(Math.round(fraction * 100)).padStart(3)}%] ${message}\n`);
  };
}

export interface ArchiveExportOptions {
  workspace: string;
  out: string;
  organisation?: string;
}

export async function runArchiveExport(
  options: ArchiveExportOptions,
  stderr: NodeJS.WritableStream = process.stderr,
) {
  const database = openDatabase(loadConfig().databaseUrl);
  try {
    await migrateToLatest(database.db);
    const repository = new ArchiveRepository(database.db);
    const workspace = await repository.workspaceBySlug(options.workspace);
    if (!workspace) throw new ArchiveCommandError(await noWorkspace(repository, options.workspace));
    const workspaceId = String(workspace.id);
    if (options.organisation && !(await repository.organisationExists(workspaceId, options.organisation))) {
      throw new ArchiveCommandError(
        `--organisation: no organisation "${options.organisation}" in workspace "${options.workspace}"`,
      );
    }
    // Written under a temporary name first: a failed export leaves no half archive behind.
    const partial = `${options.out}.partial`;
    try {
      const manifest = await exportWorkspaceArchive(
        database.db,
        {
          workspaceId,
          scope: options.organisation
            ? { kind: 'organisation', organisationId: options.organisation }
            : { kind: 'workspace' },
          progress: writeProgress(stderr),
        },
        createWriteStream(partial),
      );
      renameSync(partial, options.out);
      return manifest;
    } catch (error) {
      rmSync(partial, { force: true });
      throw error;
    }
  } finally {
    await database.close();
  }
}

export interface ArchiveImportOptions {
  in: string;
  workspace: string;
  name?: string;
}

/** Imports into the workspace with the slug when it exists (and is empty), else into a new one. */
export async function runArchiveImport(
  options: ArchiveImportOptions,
  stderr: NodeJS.WritableStream = process.stderr,
) {
  const database = openDatabase(loadConfig().databaseUrl);
  try {
    await migrateToLatest(database.db);
    await seedCatalogue(database.db);
    const repository = new ArchiveRepository(database.db);
    const existing = await repository.workspaceBySlug(options.workspace);
    try {
      return await importWorkspaceArchive(
        database.db,
        options.in,
        existing
          ? { workspaceId: String(existing.id) }
          : { create: { slug: options.workspace, ...(options.name ? { name: options.name } : {}) } },
        { progress: writeProgress(stderr) },
      );
    } catch (error) {
      if (error instanceof Error && error.name === 'ArchiveError') {
        throw new ArchiveCommandError(`cannot import ${options.in}: ${error.message}\nnothing was imported`);
      }
      throw error;
    }
  } finally {
    await database.close();
  }
}

async function noWorkspace(repository: ArchiveRepository, slug: string): Promise<string> {
  const slugs = await repository.workspaceSlugs();
  return `--workspace: no workspace "${slug}"; ${slugs.length === 0 ? 'the database has none' : `there are: ${slugs.join(', ')}`}`;
}

export function registerArchiveCommands(program: Command): void {
  program
    .command('backup')
    .description('copy the SQLite database while the server runs (PostgreSQL: prints the pg_dump command)')
    .requiredOption('--out <file>', 'where to write the copy (a new file)')
    .action(async (options: { out: string }) => {
      const result = await runBackup(options.out);
      process.stdout.write(
        `${options.out}: ${result.totalPages} pages, ${result.bytes} bytes, integrity ok\n`,
      );
    });

  const archive = program
    .command('archive')
    .description("a workspace's portable archive (docs/archive-format.md)");
  archive
    .command('export')
    .description('write one workspace, with every record and file it owns, to a ZIP archive')
    .requiredOption('--workspace <slug>', 'the workspace')
    .requiredOption('--out <file>', 'where to write the archive')
    .option('--organisation <id>', "only this member organisation's data (GDPR data portability)")
    .action(async (options: ArchiveExportOptions) => {
      const manifest = await runArchiveExport(options);
      const rows = manifest.tables.reduce((sum, table) => sum + table.rows, 0);
      process.stdout.write(
        `${options.out}: ${rows} rows in ${manifest.tables.length} tables, ${manifest.files.length} files\n`,
      );
    });
  archive
    .command('import')
    .description('import an archive into an empty workspace, or a new one with the given slug')
    .requiredOption('--in <file>', 'the archive')
    .requiredOption(
      '--workspace <slug>',
      'the workspace to import into (created when no workspace has the slug)',
    )
    .option('--name <name>', "the new workspace's name (default: the archive's)")
    .action(async (options: ArchiveImportOptions) => {
      const result = await runArchiveImport(options);
      const rows = result.tables.reduce((sum, table) => sum + table.rows, 0);
      process.stdout.write(
        `imported ${rows} rows into workspace "${options.workspace}"; ${result.usersCreated} accounts created (they set a password with "forgot password"), ${result.usersMatched} matched by e-mail\n`,
      );
    });
}

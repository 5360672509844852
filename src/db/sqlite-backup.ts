import { existsSync, rmSync } from 'node:fs';
import SQLite from 'better-sqlite3';

/** How far a backup is: pages copied of the total. */
export type BackupProgress = (copiedPages: number, totalPages: number) => void;

export interface SqliteBackupResult {
  totalPages: number;
  bytes: number;
  /** `ok`, or the first problems `pragma integrity_check` found in the copy. */
  integrity: string;
}

/**
 * Copies the SQLite database `source` to `destination` with SQLite's online backup API while
 * other processes (the server) keep reading and writing: `pagesPerStep` pages at a time, yielding
 * between steps, so readers are never blocked for long (SQLite restarts the copy when another
 * connection writes to the source meanwhile, so a busy writer makes it take longer, never
 * inconsistent). Then checks the copy with `pragma integrity_check`.
 *
 * @example
 * const result = await backupSqlite('./data/space2id.db', './backup.db', { progress: (done, total) => … });
 */
export async function backupSqlite(
  source: string,
  destination: string,
  options: { pagesPerStep?: number; progress?: BackupProgress } = {},
): Promise<SqliteBackupResult> {
  if (!existsSync(source)) throw new Error(`no SQLite database at ${source}`);
  if (existsSync(destination)) throw new Error(`${destination} exists already; give a new file name`);
  const pagesPerStep = options.pagesPerStep ?? 1_000;
  const database = new SQLite(source, { fileMustExist: true });
  database.pragma('busy_timeout = 5000');
  let metadata: { totalPages: number };
  try {
    metadata = await database.backup(destination, {
      progress: ({ totalPages, remainingPages }) => {
        options.progress?.(totalPages - remainingPages, totalPages);
        return pagesPerStep;
      },
    });
  } catch (error) {
    rmSync(destination, { force: true });
    throw error;
  } finally {
    database.close();
  }
  const copy = new SQLite(destination, { readonly: true, fileMustExist: true });
  try {
    const rows = copy.pragma('integrity_check') as { integrity_check: string }[];
    const integrity = rows.map((row) => row.integrity_check).join('; ');
    const pageSize = copy.pragma('page_size', { simple: true }) as number;
    const pageCount = copy.pragma('page_count', { simple: true }) as number;
    return { totalPages: metadata.totalPages, bytes: pageSize * pageCount, integrity };
  } finally {
    copy.close();
  }
}

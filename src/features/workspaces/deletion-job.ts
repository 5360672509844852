import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { WORKSPACE_TABLES } from '../../db/workspace-tables.ts';
import { writeTransaction } from '../../db/write-transaction.ts';
import type { JobHandler } from '../../jobs/queue.ts';
import { DeletionRepository } from './deletion-repository.ts';

export const DELETE_WORKSPACE_JOB_KIND = 'workspace-deletion';

/** Rows deleted per transaction: small enough that no transaction is long, even on SQLite. */
export const DELETION_BATCH = 500;

export interface DeletionOptions {
  batch?: number;
  /** The deletion job's own row, removed last (default: none). */
  keepJobId?: string;
  progress?: (fraction: number, message: string) => void;
  signal?: AbortSignal;
}

/**
 * Removes everything a workspace owns: WORKSPACE_TABLES from children to parents, in batches of
 * `batch` rows, each batch its own transaction, then the workspace row. Idempotent: run again after
 * an interruption, it deletes what is left (decision 0021).
 * @returns how many rows were deleted.
 */
export async function deleteWorkspaceRows(
  db: Kysely<DB>,
  workspaceId: string,
  options: DeletionOptions = {},
): Promise<number> {
  const batch = options.batch ?? DELETION_BATCH;
  const keepJobId = options.keepJobId ?? '';
  const reader = new DeletionRepository(db);
  const tables = [...WORKSPACE_TABLES].reverse();
  let total = 0;
  for (const entry of tables) total += await reader.count(entry, workspaceId, keepJobId);
  let deleted = 0;
  for (const entry of tables) {
    for (;;) {
      options.signal?.throwIfAborted();
      const n = await writeTransaction(db, (trx) =>
        new DeletionRepository(trx).deleteBatch(entry, workspaceId, keepJobId, batch),
      );
      if (n === 0) break;
      deleted += n;
      options.progress?.(
        total === 0 ? 1 : Math.min(0.99, deleted / total),
        `Deleting ${entry.table}: ${deleted} of ${total} rows`,
      );
    }
  }
  options.signal?.throwIfAborted();
  await writeTransaction(db, (trx) => new DeletionRepository(trx).deleteWorkspaceRow(workspaceId, keepJobId));
  return deleted;
}

/** The job that deletes a workspace marked `deleting`; its own row goes with the workspace. */
export function deleteWorkspaceJobHandler(db: Kysely<DB>, batch = DELETION_BATCH): JobHandler {
  return async (job, context) => {
    const deleted = await deleteWorkspaceRows(db, job.workspaceId, {
      batch,
      keepJobId: job.id,
      progress: context.progress,
      signal: context.signal,
    });
    return { gone: true, message: `Deleted ${deleted} rows and the workspace` };
  };
}

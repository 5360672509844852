import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { writeTransaction } from '../../db/write-transaction.ts';
import { type Actor, requireAccess } from '../../domain/access/policy.ts';
import { InvalidInputError } from '../../domain/errors.ts';
import type { JobQueue } from '../../jobs/queue.ts';
import { JobRepository } from '../../jobs/repository.ts';
import { AuditRepository } from '../audit/repository.ts';
import { presentJob } from '../jobs/presenter.ts';
import type { JobDto } from '../jobs/schema.ts';
import { ARCHIVE_JOB_KIND } from './archive-job.ts';
import { importWorkspaceArchive, inspectArchive } from './import-archive.ts';
import { ArchiveRepository } from './repository.ts';
import type { ArchiveExportRequest, ArchiveImportResultDto, ArchiveSummaryDto } from './schema.ts';

/** Workspace archives for coordinators: export as a background job, check an upload, import it. */
export class ArchiveService {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly queue: Pick<JobQueue, 'notify'>,
  ) {}

  async startExport(actor: Actor, workspaceSlug: string, request: ArchiveExportRequest): Promise<JobDto> {
    requireAccess(actor, 'archive.export');
    const repository = new ArchiveRepository(this.db);
    if (
      request.organisationId &&
      !(await repository.organisationExists(actor.workspaceId, request.organisationId))
    ) {
      throw new InvalidInputError(`No organisation "${request.organisationId}" in this workspace`, [
        { field: 'body.organisationId', message: 'is not an organisation of this workspace' },
      ]);
    }
    const params = request.organisationId ? { organisationId: request.organisationId } : {};
    const job = await writeTransaction(this.db, async (trx) => {
      const row = await new JobRepository(trx).insert({
        workspaceId: actor.workspaceId,
        kind: ARCHIVE_JOB_KIND,
        params,
        createdBy: actor.userId,
      });
      await new AuditRepository(trx).record({
        workspaceId: actor.workspaceId,
        actorUserId: actor.userId,
        action: 'create',
        entityType: 'job',
        entityId: row.id,
        changes: {
          kind: [null, ARCHIVE_JOB_KIND],
          ...(request.organisationId ? { organisation_id: [null, request.organisationId] } : {}),
        },
      });
      return row;
    });
    this.queue.notify();
    return presentJob({ ...job, file_name: null, file_size: null, file_content_type: null }, workspaceSlug);
  }

  /** What the uploaded archive holds, checked (manifest, directory, this deployment) without writing. */
  async inspect(actor: Actor, file: string): Promise<ArchiveSummaryDto> {
    requireAccess(actor, 'archive.import');
    const { manifest } = await inspectArchive(file);
    const content = await new ArchiveRepository(this.db).firstTableWithContent(actor.workspaceId);
    return {
      workspaceName: manifest.workspace.name,
      exportedAt: manifest.exportedAt,
      appVersion: manifest.appVersion,
      schema: manifest.schema,
      scope: manifest.scope.kind,
      tables: manifest.tables.map((table) => ({ table: table.table, rows: table.rows })),
      users: manifest.users.rows,
      files: manifest.files.length,
      targetEmpty: content === undefined,
    };
  }

  /** Imports the uploaded archive into this workspace, which must have no records; audited. */
  async import(actor: Actor, file: string): Promise<ArchiveImportResultDto> {
    requireAccess(actor, 'archive.import');
    return writeTransaction(this.db, async (trx) => {
      const result = await importWorkspaceArchive(
        trx,
        file,
        { workspaceId: actor.workspaceId },
        { actorUserId: actor.userId },
      );
      const rows = result.tables.reduce((sum, table) => sum + table.rows, 0);
      await new AuditRepository(trx).record({
        workspaceId: actor.workspaceId,
        actorUserId: actor.userId,
        action: 'create',
        entityType: 'workspace_archive',
        entityId: actor.workspaceId,
        changes: { rows: [null, rows], users_created: [null, result.usersCreated] },
      });
      return { tables: result.tables, usersCreated: result.usersCreated, usersMatched: result.usersMatched };
    });
  }
}

import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { WORKSPACE_TABLES } from '../../db/workspace-tables.ts';
import { writeTransaction } from '../../db/write-transaction.ts';
import { ConflictError, InvalidInputError, NotFoundError, OperatorOnlyError } from '../../domain/errors.ts';
import { JobRepository } from '../../jobs/repository.ts';
import { AuditRepository } from '../audit/repository.ts';
import { AuthRepository } from '../auth/repository.ts';
import type { Mailer } from '../mail/mailer.ts';
import { MESSAGES } from '../mail/messages.ts';
import { DELETE_WORKSPACE_JOB_KIND } from './deletion-job.ts';
import { DeletionRepository } from './deletion-repository.ts';
import { OperatorRepository } from './operator-repository.ts';
import type { OperatorWorkspaceDto } from './schema.ts';
import type { SetupLink, WorkspaceSetupService } from './setup-service.ts';

type WorkspaceRow = NonNullable<Awaited<ReturnType<OperatorRepository['findWorkspace']>>>;

export interface OperatorServiceOptions {
  db: Kysely<DB>;
  setup: WorkspaceSetupService;
  mailer: Mailer;
  /** Wakes the job worker after a deletion job is stored. */
  notifyJobs: () => void;
}

/**
 * The instance operator (decision 0021): lists every workspace with its name, status, sizes and
 * coordinators — never its content — and creates, renames, suspends, reactivates and deletes
 * workspaces. Being the operator makes nobody a member of any workspace.
 */
export class OperatorService {
  private readonly db: Kysely<DB>;

  constructor(private readonly options: OperatorServiceOptions) {
    this.db = options.db;
  }

  /** @throws OperatorOnlyError unless the account is the instance operator. */
  async requireOperator(userId: string): Promise<void> {
    if (!(await new OperatorRepository(this.db).isOperator(userId))) throw new OperatorOnlyError();
  }

  isOperator(userId: string): Promise<boolean> {
    return new OperatorRepository(this.db).isOperator(userId);
  }

  async list(userId: string): Promise<OperatorWorkspaceDto[]> {
    await this.requireOperator(userId);
    const rows = await new OperatorRepository(this.db).listWorkspaces();
    return this.present(rows);
  }

  async get(userId: string, id: string): Promise<OperatorWorkspaceDto> {
    await this.requireOperator(userId);
    const row = await new OperatorRepository(this.db).findWorkspace(id);
    if (!row) throw new NotFoundError('workspace', id);
    return (await this.present([row]))[0] as OperatorWorkspaceDto;
  }

  async create(
    userId: string,
    input: { slug: string; name: string; coordinatorEmail: string; coordinatorName?: string | undefined },
  ): Promise<{ workspace: OperatorWorkspaceDto; link: SetupLink }> {
    await this.requireOperator(userId);
    const { workspace, link } = await this.options.setup.createPending(input, {
      createdBy: userId,
      fieldPrefix: 'body.',
    });
    const recipient = await new AuthRepository(this.db).findUserByEmail(input.coordinatorEmail);
    try {
      await this.options.mailer.send({
        to: input.coordinatorEmail.toLowerCase(),
        ...MESSAGES.workspaceSetup({
          name: input.coordinatorName ?? null,
          workspaceName: workspace.name,
          link: link.url,
          expiresAt: link.expiresAt,
        }),
        userId: recipient?.id ?? null,
        sentByUserId: userId,
      });
    } catch {
      // The link is shown to the operator too: a mail server that refuses it loses nothing.
    }
    return { workspace: await this.get(userId, workspace.id), link };
  }

  /** Renames, suspends or reactivates. */
  async update(
    userId: string,
    id: string,
    input: { version: number; name?: string | undefined; status?: 'active' | 'suspended' | undefined },
  ): Promise<OperatorWorkspaceDto> {
    await this.requireOperator(userId);
    await writeTransaction(this.db, async (trx) => {
      const repository = new OperatorRepository(trx);
      const current = await repository.findWorkspace(id);
      if (!current) throw new NotFoundError('workspace', id);
      if (current.status === 'deleting') throw new ConflictError('This workspace is being deleted.');
      if (input.status !== undefined && current.status === 'pending') {
        throw new InvalidInputError(
          'A workspace pending its coordinator cannot be suspended or reactivated',
          [{ field: 'body.status', message: 'cannot change while the workspace is pending its coordinator' }],
        );
      }
      const changes = {
        ...(input.name !== undefined && input.name !== current.name ? { name: input.name } : {}),
        ...(input.status !== undefined && input.status !== current.status ? { status: input.status } : {}),
      };
      if (!(await repository.update(id, input.version, changes))) {
        throw new ConflictError(
          `The workspace was changed by someone else (version ${current.version}, you sent ${input.version}): reload it.`,
          current.version,
        );
      }
      await new AuditRepository(trx).record({
        workspaceId: id,
        actorUserId: userId,
        action: 'update',
        entityType: 'workspace',
        entityId: id,
        changes: Object.fromEntries(
          Object.entries(changes).map(([field, value]) => [
            field,
            [current[field as keyof WorkspaceRow], value],
          ]),
        ),
      });
    });
    return this.get(userId, id);
  }

  /**
   * Marks the workspace `deleting` (it disappears for its members at once) and queues the job that
   * removes everything it owns. Asked again for a workspace already being deleted whose job failed,
   * it queues a new job (the deletion is idempotent).
   * @throws InvalidInputError naming `body.confirmSlug` unless it is the workspace's slug.
   */
  async delete(userId: string, id: string, confirmSlug: string): Promise<{ jobId: string }> {
    await this.requireOperator(userId);
    const jobId = await writeTransaction(this.db, async (trx) => {
      const repository = new OperatorRepository(trx);
      const current = await repository.findWorkspace(id);
      if (!current) throw new NotFoundError('workspace', id);
      if (confirmSlug !== current.slug) {
        throw new InvalidInputError('Type the workspace’s slug to confirm its deletion', [
          { field: 'body.confirmSlug', message: `must be the workspace’s slug, ${current.slug}` },
        ]);
      }
      if (current.status === 'deleting') {
        const [latest] = await repository.deletionJobs([id], DELETE_WORKSPACE_JOB_KIND);
        if (latest && (latest.status === 'queued' || latest.status === 'running')) return latest.id;
      } else if (!(await repository.update(id, current.version, { status: 'deleting' }))) {
        throw new ConflictError('The workspace was changed at the same moment: try again.');
      }
      await new AuditRepository(trx).record({
        workspaceId: id,
        actorUserId: userId,
        action: 'delete',
        entityType: 'workspace',
        entityId: id,
        changes: { status: [current.status, 'deleting'] },
      });
      const job = await new JobRepository(trx).insert({
        workspaceId: id,
        kind: DELETE_WORKSPACE_JOB_KIND,
        params: { slug: current.slug },
        createdBy: userId,
      });
      return job.id;
    });
    this.options.notifyJobs();
    return { jobId };
  }

  private async present(rows: WorkspaceRow[]): Promise<OperatorWorkspaceDto[]> {
    const repository = new OperatorRepository(this.db);
    const ids = rows.map((row) => row.id);
    const [members, organisations, activities, coordinators, pending, jobs] = await Promise.all([
      repository.countBy('membership', ids),
      repository.countBy('organisation', ids),
      repository.countBy('activity', ids),
      repository.coordinators(ids),
      repository.pendingCoordinators(ids),
      repository.deletionJobs(ids, DELETE_WORKSPACE_JOB_KIND),
    ]);
    const deletion = new DeletionRepository(this.db);
    const result: OperatorWorkspaceDto[] = [];
    for (const row of rows) {
      let total = 0;
      for (const entry of WORKSPACE_TABLES) total += await deletion.count(entry, row.id);
      const job = jobs.find((j) => j.workspace_id === row.id);
      const named = coordinators
        .filter((c) => c.workspace_id === row.id)
        .map((c) => ({ name: c.name, email: c.email }));
      const invited =
        row.status === 'pending'
          ? pending
              .filter((p) => p.workspace_id === row.id && p.email)
              .map((p) => ({ name: p.name ?? '', email: p.email ?? '' }))
          : [];
      result.push({
        id: row.id,
        slug: row.slug,
        name: row.name,
        status: row.status,
        createdAt: row.created_at,
        version: row.version,
        sizes: {
          members: members.get(row.id) ?? 0,
          organisations: organisations.get(row.id) ?? 0,
          activities: activities.get(row.id) ?? 0,
          rows: total,
        },
        coordinators: [...named, ...invited],
        deletion:
          row.status === 'deleting' && job
            ? { progress: job.progress, message: job.message, status: job.status }
            : null,
      });
    }
    return result;
  }

  /** `space2id operator grant|revoke EMAIL`. @returns the account and whether it was created. */
  async setOperator(email: string, operator: boolean) {
    const normalised = email.trim().toLowerCase();
    return writeTransaction(this.db, async (trx) => {
      const users = new AuthRepository(trx);
      let user = await users.findUserByEmail(normalised);
      let created = false;
      if (!user) {
        if (!operator)
          throw new InvalidInputError(`No account uses ${normalised}`, [
            { field: 'email', message: 'has no account' },
          ]);
        user = await users.createUser({
          email: normalised,
          name: normalised.split('@')[0] ?? normalised,
          passwordHash: null,
        });
        created = true;
      }
      await new OperatorRepository(trx).setOperator(user.id, operator);
      return { user, created };
    });
  }
}

import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { writeTransaction } from '../../db/write-transaction.ts';
import { type Actor, requireAccess } from '../../domain/access/policy.ts';
import { ConflictError, NotFoundError } from '../../domain/errors.ts';
import { AuditRepository, diff } from '../audit/repository.ts';
import { WorkspaceRepository } from '../workspaces/repository.ts';
import { MemberRepository, type MemberRow } from './repository.ts';
import { checkRoleScope } from './role-scope.ts';
import type { ListMembersQuery, MemberDto, UpdateMemberInput } from './schema.ts';

const LAST_COORDINATOR = 'A workspace needs at least one coordinator: make someone else coordinator first.';

/**
 * Who belongs to a workspace and in which role (coordinators only). A workspace never loses its
 * last coordinator: nobody would be left to invite people or change roles.
 */
export class MemberService {
  constructor(private readonly db: Kysely<DB>) {}

  async list(actor: Actor, options: ListMembersQuery) {
    requireAccess(actor, 'membership.read');
    const rows = await new MemberRepository(this.db).list(actor.workspaceId, {
      limit: options.limit + 1,
      ...(options.cursor ? { after: options.cursor } : {}),
      ...(options.q ? { q: options.q } : {}),
      ...(options.role ? { role: options.role } : {}),
    });
    const page = rows.slice(0, options.limit);
    return {
      items: page.map(presentMember),
      nextCursor: rows.length > options.limit ? (page.at(-1)?.id ?? null) : null,
    };
  }

  /** Changes a member's role (and the cluster or organisation it comes with). */
  async update(actor: Actor, userId: string, input: UpdateMemberInput): Promise<MemberDto> {
    requireAccess(actor, 'membership.update');
    return writeTransaction(this.db, async (trx) => {
      const members = new MemberRepository(trx);
      await members.lockWorkspace(actor.workspaceId);
      const current = await load(members, actor, userId);
      await checkRoleScope(new WorkspaceRepository(trx), actor.workspaceId, input);
      if (current.version !== input.version) throw staleVersion(current, input.version);
      if (current.role === 'coordinator' && input.role !== 'coordinator') {
        await ensureAnotherCoordinator(members, actor.workspaceId);
      }
      const values = {
        role: input.role,
        cluster_id: input.clusterId,
        organisation_id: input.organisationId,
      };
      if (!(await members.update(actor.workspaceId, userId, input.version, values))) {
        throw staleVersion(current, input.version);
      }
      const changes = diff(current, values);
      if (Object.keys(changes).length > 0) {
        await new AuditRepository(trx).record({
          workspaceId: actor.workspaceId,
          actorUserId: actor.userId,
          action: 'update',
          entityType: 'membership',
          entityId: userId,
          changes,
        });
      }
      return presentMember({ ...current, ...values, version: input.version + 1 });
    });
  }

  /** Removes a member from the workspace (the account stays, with its other workspaces). */
  async remove(actor: Actor, userId: string, version: number): Promise<void> {
    requireAccess(actor, 'membership.delete');
    await writeTransaction(this.db, async (trx) => {
      const members = new MemberRepository(trx);
      await members.lockWorkspace(actor.workspaceId);
      const current = await load(members, actor, userId);
      if (current.version !== version) throw staleVersion(current, version);
      if (current.role === 'coordinator') await ensureAnotherCoordinator(members, actor.workspaceId);
      if (!(await members.delete(actor.workspaceId, userId, version))) throw staleVersion(current, version);
      await new AuditRepository(trx).record({
        workspaceId: actor.workspaceId,
        actorUserId: actor.userId,
        action: 'delete',
        entityType: 'membership',
        entityId: userId,
        changes: {
          email: [current.email, null],
          role: [current.role, null],
          cluster_id: [current.cluster_id, null],
          organisation_id: [current.organisation_id, null],
        },
      });
    });
  }
}

/** A member of the actor's workspace, or 404 (also for a user of another workspace only). */
async function load(members: MemberRepository, actor: Actor, userId: string): Promise<MemberRow> {
  const row = await members.find(actor.workspaceId, userId);
  if (!row) throw new NotFoundError('member', userId);
  return row;
}

/** @throws ConflictError when the coordinator about to go is the workspace's only one. */
async function ensureAnotherCoordinator(members: MemberRepository, workspaceId: string): Promise<void> {
  if ((await members.countCoordinators(workspaceId)) <= 1) throw new ConflictError(LAST_COORDINATOR);
}

function staleVersion(current: MemberRow, sent: number): ConflictError {
  return new ConflictError(
    `The membership of ${current.email} was changed by someone else (version ${current.version}, you sent ${sent}): reload it and apply your change again.`,
    current.version,
  );
}

export function presentMember(row: MemberRow): MemberDto {
  return {
    userId: row.user_id,
    name: row.name,
    email: row.email,
    role: row.role,
    clusterId: row.cluster_id,
    organisationId: row.organisation_id,
    createdAt: row.created_at,
    version: row.version,
  };
}

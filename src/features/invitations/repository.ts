import type { Kysely, Selectable } from 'kysely';
import { newId } from '../../db/ids.ts';
import type { DB, InvitationTable } from '../../db/schema.ts';

export type InvitationRow = Selectable<InvitationTable>;
export type InvitationValues = Pick<
  InvitationTable,
  'email' | 'name' | 'role' | 'cluster_id' | 'organisation_id' | 'token_hash' | 'expires_at'
>;

/** The only SQL for invitations. Workspace routes bind every query to one workspace. */
export class InvitationRepository {
  constructor(private readonly db: Kysely<DB>) {}

  create(
    workspaceId: string,
    createdBy: string | null,
    values: InvitationValues,
    now: string,
  ): Promise<InvitationRow> {
    return this.db
      .insertInto('invitation')
      .values({
        id: newId(),
        workspace_id: workspaceId,
        ...values,
        email: values.email.toLowerCase(),
        created_by: createdBy,
        created_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** Not accepted, not revoked and not expired at `now`, oldest first, with the inviter's e-mail. */
  listPending(workspaceId: string, now: string) {
    return this.db
      .selectFrom('invitation')
      .leftJoin('app_user', 'app_user.id', 'invitation.created_by')
      .selectAll('invitation')
      .select('app_user.email as created_by_email')
      .where('invitation.workspace_id', '=', workspaceId)
      .where('invitation.accepted_at', 'is', null)
      .where('invitation.revoked_at', 'is', null)
      .where('invitation.expires_at', '>', now)
      .orderBy('invitation.id')
      .execute();
  }

  /**
   * The open invitations of an address: neither accepted nor revoked, expired or not. At most one,
   * by the unique index `invitation_open_email` (migration 0014).
   */
  listOpen(workspaceId: string, email: string): Promise<InvitationRow[]> {
    return this.db
      .selectFrom('invitation')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('email', '=', email.toLowerCase())
      .where('accepted_at', 'is', null)
      .where('revoked_at', 'is', null)
      .execute();
  }

  findByTokenHash(tokenHash: string): Promise<InvitationRow | undefined> {
    return this.db
      .selectFrom('invitation')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .executeTakeFirst();
  }

  /** @returns whether a pending invitation of the workspace was revoked. */
  async revoke(workspaceId: string, id: string, now: string): Promise<boolean> {
    const result = await this.db
      .updateTable('invitation')
      .set({ revoked_at: now })
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .where('accepted_at', 'is', null)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** Single use: only one caller can mark an open invitation accepted. @returns whether this one did. */
  async markAccepted(id: string, now: string): Promise<boolean> {
    const result = await this.db
      .updateTable('invitation')
      .set({ accepted_at: now })
      .where('id', '=', id)
      .where('accepted_at', 'is', null)
      .where('revoked_at', 'is', null)
      .where('expires_at', '>', now)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async isMember(workspaceId: string, email: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('membership')
      .innerJoin('app_user', 'app_user.id', 'membership.user_id')
      .select('membership.id')
      .where('membership.workspace_id', '=', workspaceId)
      .where('app_user.email', '=', email.toLowerCase())
      .executeTakeFirst();
    return row !== undefined;
  }

  findWorkspace(workspaceId: string) {
    return this.db
      .selectFrom('workspace')
      .select(['id', 'slug', 'name'])
      .where('id', '=', workspaceId)
      .executeTakeFirstOrThrow();
  }
}

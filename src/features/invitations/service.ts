import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { violatedUniqueKey } from '../../db/unique-keys.ts';
import { writeTransaction } from '../../db/write-transaction.ts';
import { type Actor, requireAccess } from '../../domain/access/policy.ts';
import {
  ConflictError,
  InvalidInputError,
  NotFoundError,
  ServiceUnavailableError,
} from '../../domain/errors.ts';
import { AuditRepository, diff } from '../audit/repository.ts';
import { AuthRepository, type UserRow } from '../auth/repository.ts';
import { hashPassword, hashSecret, newSecret } from '../auth/secrets.ts';
import type { AuthService } from '../auth/service.ts';
import type { Mailer } from '../mail/mailer.ts';
import { MESSAGES } from '../mail/messages.ts';
import { checkRoleScope } from '../members/role-scope.ts';
import { WorkspaceRepository } from '../workspaces/repository.ts';
import { InvitationRepository, type InvitationRow } from './repository.ts';
import {
  type AcceptInvitationInput,
  type CreateInvitationInput,
  type InvitationDto,
  type InvitationPreviewDto,
  MIN_PASSWORD_LENGTH,
} from './schema.ts';

const USED = 'This invitation link is not valid, or was already used.';

/** How long an invitation link works. */
export const INVITATION_TTL_MS = 7 * 24 * 3600 * 1000;

export interface InvitationServiceOptions {
  db: Kysely<DB>;
  auth: AuthService;
  mailer: Mailer;
  /** Base of the links in mails, e.g. `http://localhost:3000`. */
  publicUrl: string;
  clock?: () => Date;
}

/**
 * Invitations to a workspace: coordinators send them by mail; the invitee accepts with the link's
 * single-use token, which creates the account if needed, adds the membership and signs them in.
 */
export class InvitationService {
  private readonly db: Kysely<DB>;
  private readonly clock: () => Date;

  constructor(private readonly options: InvitationServiceOptions) {
    this.db = options.db;
    this.clock = options.clock ?? (() => new Date());
  }

  async listPending(actor: Actor): Promise<InvitationDto[]> {
    requireAccess(actor, 'invitation.read');
    const rows = await new InvitationRepository(this.db).listPending(actor.workspaceId, this.now());
    return rows.map((row) => presentInvitation(row, row.created_by_email));
  }

  /**
   * Records an invitation and mails its link. A pending invitation of the same address is
   * replaced (its link stops working); an expired one is revoked too, since the database keeps one
   * open invitation per address (migration 0014).
   * @throws ConflictError when another invitation of the address was recorded at the same moment
   * (the unique index refused this one; nothing was written and no mail sent).
   */
  async create(actor: Actor, input: CreateInvitationInput): Promise<InvitationDto> {
    requireAccess(actor, 'invitation.create');
    const invitations = new InvitationRepository(this.db);
    await checkRoleScope(new WorkspaceRepository(this.db), actor.workspaceId, input);
    if (await invitations.isMember(actor.workspaceId, input.email)) {
      throw new ConflictError(`${input.email} is already a member of this workspace.`);
    }
    const token = newSecret();
    const now = this.clock();
    const expiresAt = new Date(now.getTime() + INVITATION_TTL_MS).toISOString();
    const row = await writeTransaction(this.db, async (trx) => {
      const repository = new InvitationRepository(trx);
      const audit = new AuditRepository(trx);
      for (const old of await repository.listOpen(actor.workspaceId, input.email)) {
        await repository.revoke(actor.workspaceId, old.id, now.toISOString());
        await audit.record({
          workspaceId: actor.workspaceId,
          actorUserId: actor.userId,
          action: 'update',
          entityType: 'invitation',
          entityId: old.id,
          changes: { revoked_at: [null, now.toISOString()] },
        });
      }
      const values = {
        email: input.email.toLowerCase(),
        name: input.name,
        role: input.role,
        cluster_id: input.clusterId,
        organisation_id: input.organisationId,
        expires_at: expiresAt,
      };
      const created = await repository.create(
        actor.workspaceId,
        actor.userId,
        { ...values, token_hash: hashSecret(token) },
        now.toISOString(),
      );
      await audit.record({
        workspaceId: actor.workspaceId,
        actorUserId: actor.userId,
        action: 'create',
        entityType: 'invitation',
        entityId: created.id,
        changes: diff({}, values),
      });
      return created;
    }).catch((error: unknown) => {
      // Two requests replaced the same invitation, or both found none: the later insert broke the
      // one-open-invitation index. Retrying could mail a third link; the coordinator decides.
      if (violatedUniqueKey(error) === 'openInvitation') {
        throw new ConflictError(
          `Another invitation to ${input.email.toLowerCase()} was sent at the same time; this one was not saved or mailed. The other one is pending: invite again to replace it.`,
        );
      }
      throw error;
    });
    // After the commit: the outbox writes through its own connection.
    const inviter = await this.user(actor.userId);
    await this.sendInvitation(row, token, inviter);
    return presentInvitation(row, inviter?.email ?? null);
  }

  async revoke(actor: Actor, id: string): Promise<void> {
    requireAccess(actor, 'invitation.revoke');
    const now = this.now();
    await writeTransaction(this.db, async (trx) => {
      if (!(await new InvitationRepository(trx).revoke(actor.workspaceId, id, now))) {
        throw new NotFoundError('pending invitation', id);
      }
      await new AuditRepository(trx).record({
        workspaceId: actor.workspaceId,
        actorUserId: actor.userId,
        action: 'update',
        entityType: 'invitation',
        entityId: id,
        changes: { revoked_at: [null, now] },
      });
    });
  }

  /**
   * What a link offers, before accepting it: who invites whom to which workspace in which role,
   * and whether the address already has an account (then accepting asks for its password).
   * @throws InvalidInputError for an unknown, used, revoked or expired token (as `accept`).
   */
  async preview(token: string): Promise<InvitationPreviewDto> {
    const invitations = new InvitationRepository(this.db);
    const invitation = await invitations.findByTokenHash(hashSecret(token));
    this.checkUsable(invitation);
    const auth = new AuthRepository(this.db);
    const [workspace, inviter, account] = await Promise.all([
      invitations.findWorkspace(invitation.workspace_id),
      invitation.created_by ? auth.findUserById(invitation.created_by) : undefined,
      auth.findUserByEmail(invitation.email),
    ]);
    return {
      email: invitation.email,
      name: invitation.name,
      workspaceName: workspace.name,
      role: invitation.role,
      invitedBy: inviter?.name ?? null,
      expiresAt: invitation.expires_at,
      accountExists: account !== undefined,
    };
  }

  /**
   * Accepts an invitation: creates the account when the address has none (else the password must
   * be the account's current one), adds the membership and opens a session.
   * @throws InvalidInputError for an unknown, used, revoked or expired token.
   * @throws InvalidCredentialsError when the existing account's password is wrong.
   * @throws TooManyAttemptsError when `source` used up its budget of failed sign-ins.
   * @param source the client's address (`clientSource`): an existing account's password is checked
   *   as a sign-in from it (its budget, the account's lock for it).
   */
  async accept(input: AcceptInvitationInput, source: string) {
    const invitations = new InvitationRepository(this.db);
    const invitation = await invitations.findByTokenHash(hashSecret(input.token));
    this.checkUsable(invitation);
    const auth = new AuthRepository(this.db);
    const existing = await auth.findUserByEmail(invitation.email);
    let newPasswordHash: string | undefined;
    if (existing) {
      await this.options.auth.checkPassword(invitation.email, input.password, source);
    } else {
      if (input.password.length < MIN_PASSWORD_LENGTH) {
        throw new InvalidInputError('Choose a longer password', [
          { field: 'body.password', message: `must be at least ${MIN_PASSWORD_LENGTH} characters` },
        ]);
      }
      newPasswordHash = await hashPassword(input.password);
    }
    const now = this.now();
    const user = await writeTransaction(this.db, async (trx) => {
      const repository = new InvitationRepository(trx);
      if (await repository.isMember(invitation.workspace_id, invitation.email)) {
        throw new ConflictError('You are already a member of this workspace: sign in instead.');
      }
      if (!(await repository.markAccepted(invitation.id, now))) {
        // Someone else accepted (or a coordinator revoked) it since the check above.
        throw new InvalidInputError(USED, [{ field: 'body.token', message: USED }]);
      }
      const member =
        existing ??
        (await new AuthRepository(trx).createUser({
          email: invitation.email,
          name: input.name ?? invitation.name,
          passwordHash: newPasswordHash ?? null,
        }));
      await new WorkspaceRepository(trx).addMember({
        workspaceId: invitation.workspace_id,
        userId: member.id,
        role: invitation.role,
        clusterId: invitation.cluster_id,
        organisationId: invitation.organisation_id,
      });
      const audit = new AuditRepository(trx);
      await audit.record({
        workspaceId: invitation.workspace_id,
        actorUserId: member.id,
        action: 'update',
        entityType: 'invitation',
        entityId: invitation.id,
        changes: { accepted_at: [null, now] },
      });
      await audit.record({
        workspaceId: invitation.workspace_id,
        actorUserId: member.id,
        action: 'create',
        entityType: 'membership',
        entityId: member.id,
        changes: diff(
          {},
          {
            email: member.email,
            role: invitation.role,
            cluster_id: invitation.cluster_id,
            organisation_id: invitation.organisation_id,
          },
        ),
      });
      return member;
    });
    const { token, session } = await this.options.auth.openSession(user.id);
    const workspace = await invitations.findWorkspace(invitation.workspace_id);
    return {
      token,
      session,
      user,
      workspace: { slug: workspace.slug, name: workspace.name, role: invitation.role },
    };
  }

  /** @throws InvalidInputError naming `body.token` unless the invitation can still be accepted. */
  private checkUsable(invitation: InvitationRow | undefined): asserts invitation is InvitationRow {
    const refuse = (message: string) => {
      throw new InvalidInputError(message, [{ field: 'body.token', message }]);
    };
    if (!invitation) return refuse(USED);
    if (invitation.accepted_at) return refuse('This invitation was already accepted: sign in instead.');
    if (invitation.revoked_at)
      return refuse('This invitation was withdrawn: ask the coordinator for a new one.');
    if (invitation.expires_at <= this.now()) {
      return refuse(
        `This invitation expired on ${invitation.expires_at}: ask the coordinator for a new one.`,
      );
    }
  }

  private async sendInvitation(row: InvitationRow, token: string, inviter: UserRow | undefined) {
    const workspace = await new InvitationRepository(this.db).findWorkspace(row.workspace_id);
    const recipient = await new AuthRepository(this.db).findUserByEmail(row.email);
    const content = MESSAGES.invitation({
      name: row.name,
      workspaceName: workspace.name,
      role: row.role,
      invitedBy: inviter?.name ?? 'A coordinator',
      link: `${this.options.publicUrl}/accept-invitation?token=${encodeURIComponent(token)}`,
      expiresAt: row.expires_at,
    });
    try {
      await this.options.mailer.send({
        to: row.email,
        ...content,
        userId: recipient?.id ?? null,
        sentByUserId: row.created_by,
      });
    } catch (cause) {
      throw new ServiceUnavailableError(
        'The invitation is saved, but the mail server did not take the mail: invite again later (the new link replaces this one).',
        { cause },
      );
    }
  }

  private user(id: string) {
    return new AuthRepository(this.db).findUserById(id);
  }

  private now(): string {
    return this.clock().toISOString();
  }
}

export function presentInvitation(row: InvitationRow, invitedBy: string | null): InvitationDto {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    clusterId: row.cluster_id,
    organisationId: row.organisation_id,
    invitedBy,
    expiresAt: row.expires_at,
    createdAt: row.created_at,
  };
}

import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { writeTransaction } from '../../db/write-transaction.ts';
import { ConflictError, InvalidInputError } from '../../domain/errors.ts';
import { slugProblem } from '../../domain/workspaces/rules.ts';
import { AuditRepository, diff } from '../audit/repository.ts';
import { AuthRepository, type UserRow } from '../auth/repository.ts';
import { hashPassword, hashSecret, newSecret } from '../auth/secrets.ts';
import type { AuthService } from '../auth/service.ts';
import { WorkspaceRepository } from './repository.ts';
import type { CompleteSetupInput } from './schema.ts';
import { SetupRepository, type SetupRow } from './setup-repository.ts';

/** How long the set-up link `serve` prints on an empty database works. */
export const START_LINK_TTL_MS = 24 * 3600 * 1000;
/** How long a link made by the CLI or the operator works. */
export const WORKSPACE_LINK_TTL_MS = 7 * 24 * 3600 * 1000;

const INVALID = 'This set-up link is not valid: check that you copied all of it.';

export interface SetupLink {
  url: string;
  expiresAt: string;
}

export interface SetupServiceOptions {
  db: Kysely<DB>;
  auth: AuthService;
  /** Base of the links, e.g. `http://localhost:3000`. */
  publicUrl: string;
  clock?: () => Date;
}

/**
 * One-time set-up links (decision 0021): the first workspace of an empty Hub, a workspace made by
 * the CLI or the operator (pending its coordinator), an operator account's first password. Only
 * the SHA-256 hash of a token is stored; a link works once, until it expires.
 */
export class WorkspaceSetupService {
  private readonly db: Kysely<DB>;
  private readonly clock: () => Date;

  constructor(private readonly options: SetupServiceOptions) {
    this.db = options.db;
    this.clock = options.clock ?? (() => new Date());
  }

  /**
   * On a database without any workspace: revokes the start links still open and makes a fresh one
   * (`serve` prints it). With a workspace: null, nothing written.
   */
  async startLinkIfEmpty(publicUrl = this.options.publicUrl): Promise<SetupLink | null> {
    const now = this.clock();
    return writeTransaction(this.db, async (trx) => {
      const setups = new SetupRepository(trx);
      if ((await setups.countWorkspaces()) > 0) return null;
      await setups.revokeOpen('start', now.toISOString());
      return this.issue(
        setups,
        { kind: 'start', workspaceId: null, userId: null, email: null, name: null },
        now,
        publicUrl,
      );
    });
  }

  /**
   * A workspace pending its coordinator, and the coordinator's set-up link (7 days).
   * @throws InvalidInputError naming `<fields>.slug` for a malformed, reserved or taken slug.
   */
  async createPending(
    input: { slug: string; name: string; coordinatorEmail: string; coordinatorName?: string | undefined },
    options: { createdBy: string | null; fieldPrefix: string },
  ): Promise<{ workspace: { id: string; slug: string; name: string }; link: SetupLink }> {
    const slugField = `${options.fieldPrefix}slug`;
    const problem = slugProblem(input.slug);
    if (problem)
      throw new InvalidInputError(`The slug "${input.slug}" ${problem}`, [
        { field: slugField, message: problem },
      ]);
    const email = input.coordinatorEmail.trim().toLowerCase();
    const now = this.clock();
    return writeTransaction(this.db, async (trx) => {
      const setups = new SetupRepository(trx);
      if (await setups.slugTaken(input.slug)) {
        const message = `is already taken by another workspace`;
        throw new InvalidInputError(`The slug "${input.slug}" ${message}`, [{ field: slugField, message }]);
      }
      const workspace = await new WorkspaceRepository(trx).create(input.slug, input.name, 'pending');
      const link = await this.issue(
        setups,
        {
          kind: 'workspace',
          workspaceId: workspace.id,
          userId: null,
          email,
          name: input.coordinatorName ?? null,
        },
        now,
      );
      await new AuditRepository(trx).record({
        workspaceId: workspace.id,
        actorUserId: options.createdBy,
        action: 'create',
        entityType: 'workspace',
        entityId: workspace.id,
        changes: diff(
          {},
          { slug: workspace.slug, name: workspace.name, status: 'pending', coordinator: email },
        ),
      });
      return { workspace: { id: workspace.id, slug: workspace.slug, name: workspace.name }, link };
    });
  }

  /** A link for an account without a password (a new operator) to choose one (7 days). */
  async passwordLink(user: UserRow): Promise<SetupLink> {
    const now = this.clock();
    return writeTransaction(this.db, async (trx) => {
      const setups = new SetupRepository(trx);
      await setups.revokeOpen('password', now.toISOString(), { userId: user.id });
      return this.issue(
        setups,
        { kind: 'password', workspaceId: null, userId: user.id, email: user.email, name: user.name },
        now,
      );
    });
  }

  /** What a link offers, before using it. @throws InvalidInputError naming `params.token` unless it can be used. */
  async preview(token: string) {
    const setups = new SetupRepository(this.db);
    const link = await setups.findByTokenHash(hashSecret(token));
    this.checkUsable(link);
    const workspace = link.workspace_id ? await setups.findWorkspace(link.workspace_id) : undefined;
    if (link.kind === 'start' && (await setups.countWorkspaces()) > 0) throw alreadySetUp();
    return {
      kind: link.kind,
      email: link.email,
      name: link.name,
      workspace: workspace ? { slug: workspace.slug, name: workspace.name } : null,
      expiresAt: link.expires_at,
    };
  }

  /**
   * Uses a link: creates (start) or activates (workspace) the workspace with its first cluster,
   * the coordinator's account (or sets the password of an existing one without a password) and
   * their coordinator membership, then opens a session. Nothing is written when anything fails.
   * @throws InvalidInputError naming the field for an unusable link or a missing field.
   */
  async complete(token: string, input: CompleteSetupInput) {
    const setups = new SetupRepository(this.db);
    const link = await setups.findByTokenHash(hashSecret(token));
    this.checkUsable(link);
    const required = (field: string, present: boolean) => {
      if (!present)
        throw new InvalidInputError(`Fill in ${field}`, [{ field: `body.${field}`, message: 'is required' }]);
    };
    const email = (link.email ?? input.email ?? '').toLowerCase();
    if (link.kind === 'start') {
      required('email', email !== '');
      required('workspaceName', input.workspaceName !== undefined);
      required('slug', input.slug !== undefined);
    }
    if (link.kind !== 'password') required('cluster', input.cluster !== undefined);
    const auth = new AuthRepository(this.db);
    const existing = link.user_id ? await auth.findUserById(link.user_id) : await auth.findUserByEmail(email);
    if (existing?.password_hash) {
      throw new InvalidInputError(
        `An account with the e-mail ${existing.email} already has a password: sign in with it, and ask the coordinator of the workspace to invite you.`,
        [
          {
            field: link.email ? 'params.token' : 'body.email',
            message: 'already has an account with a password',
          },
        ],
      );
    }
    const passwordHash = await hashPassword(input.password);
    const now = this.clock().toISOString();
    const result = await writeTransaction(this.db, async (trx) => {
      const repository = new SetupRepository(trx);
      if (link.kind === 'start' && (await repository.countWorkspaces()) > 0) throw alreadySetUp();
      if (!(await repository.markUsed(link.id, now))) {
        throw new InvalidInputError(INVALID, [
          { field: 'params.token', message: 'was already used or has expired' },
        ]);
      }
      const users = new AuthRepository(trx);
      let user = existing;
      if (user) await repository.setPassword(user.id, passwordHash, input.name, now);
      else user = await users.createUser({ email, name: input.name, passwordHash });
      if (link.kind === 'password') return { user, workspace: null };

      const workspaces = new WorkspaceRepository(trx);
      let workspace: { id: string; slug: string; name: string };
      if (link.kind === 'start') {
        const slug = input.slug ?? '';
        if (await repository.slugTaken(slug)) {
          throw new InvalidInputError(`The slug "${slug}" is already taken`, [
            { field: 'body.slug', message: 'is already taken by another workspace' },
          ]);
        }
        workspace = await workspaces.create(slug, input.workspaceName ?? slug, 'active');
      } else {
        const pending = await repository.findWorkspace(link.workspace_id ?? '');
        const name = input.workspaceName ?? pending?.name ?? '';
        if (!pending || !(await repository.activate(pending.id, name, now))) {
          throw new ConflictError('This workspace was already set up, or was deleted by the operator.');
        }
        workspace = { id: pending.id, slug: pending.slug, name };
      }
      const settings = await repository.findWorkspace(workspace.id);
      const cluster = input.cluster as NonNullable<CompleteSetupInput['cluster']>;
      const clusterValues = {
        workspaceId: workspace.id,
        name: cluster.name,
        shortName: cluster.shortName,
        country: cluster.country,
        city: cluster.city,
        dayRateCents: settings?.default_day_rate_cents ?? 45_000,
        now,
      };
      const clusterId = await repository.createCluster(clusterValues);
      await workspaces.addMember({
        workspaceId: workspace.id,
        userId: user.id,
        role: 'coordinator',
        clusterId: null,
      });
      const audit = new AuditRepository(trx);
      await audit.recordMany([
        {
          workspaceId: workspace.id,
          actorUserId: user.id,
          action: link.kind === 'start' ? 'create' : 'update',
          entityType: 'workspace',
          entityId: workspace.id,
          changes:
            link.kind === 'start'
              ? diff({}, { slug: workspace.slug, name: workspace.name, status: 'active' })
              : { status: ['pending', 'active'] },
        },
        {
          workspaceId: workspace.id,
          actorUserId: user.id,
          action: 'create',
          entityType: 'cluster',
          entityId: clusterId,
          changes: diff(
            {},
            {
              name: cluster.name,
              short_name: cluster.shortName,
              country: cluster.country,
              city: cluster.city,
            },
          ),
        },
        {
          workspaceId: workspace.id,
          actorUserId: user.id,
          action: 'create',
          entityType: 'membership',
          entityId: user.id,
          changes: diff({}, { email: user.email, role: 'coordinator' }),
        },
      ]);
      return { user, workspace: { slug: workspace.slug, name: workspace.name } };
    });
    const { token: sessionToken, session } = await this.options.auth.openSession(result.user.id);
    return { ...result, sessionToken, session };
  }

  private async issue(
    setups: SetupRepository,
    values: {
      kind: SetupRow['kind'];
      workspaceId: string | null;
      userId: string | null;
      email: string | null;
      name: string | null;
    },
    now: Date,
    publicUrl = this.options.publicUrl,
  ): Promise<SetupLink> {
    const token = newSecret();
    const ttl = values.kind === 'start' ? START_LINK_TTL_MS : WORKSPACE_LINK_TTL_MS;
    const expiresAt = new Date(now.getTime() + ttl).toISOString();
    await setups.create({
      ...values,
      tokenHash: hashSecret(token),
      createdBy: null,
      now: now.toISOString(),
      expiresAt,
    });
    return { url: `${publicUrl}/setup/${encodeURIComponent(token)}`, expiresAt };
  }

  /** @throws InvalidInputError naming `params.token` unless the link can still be used. */
  private checkUsable(link: SetupRow | undefined): asserts link is SetupRow {
    const refuse = (detail: string, message: string) => {
      throw new InvalidInputError(detail, [{ field: 'params.token', message }]);
    };
    if (!link) return refuse(INVALID, 'is not a set-up link of this Hub');
    if (link.used_at)
      return refuse('This set-up link was already used: sign in instead.', 'was already used');
    if (link.revoked_at) {
      return refuse(
        'This set-up link was replaced by a newer one: use the latest link printed or mailed.',
        'was replaced by a newer link',
      );
    }
    if (link.expires_at <= this.clock().toISOString()) {
      return refuse(
        `This set-up link expired on ${link.expires_at}: ask for a new one (restart the Hub, or ask its operator).`,
        'has expired',
      );
    }
  }
}

function alreadySetUp(): InvalidInputError {
  return new InvalidInputError(
    'This Hub already has a workspace: this start link no longer works. Sign in, or ask the operator.',
    [{ field: 'params.token', message: 'no longer works: a workspace exists' }],
  );
}
